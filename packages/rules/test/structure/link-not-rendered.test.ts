import rule from '../../src/structure/link-not-rendered.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '见[镜像创建](../image/create.md#利用-dockerfile-来创建镜像)。\n',
    { name: 'a target in <…> may hold spaces', code: '见[镜像创建](<../image/create.md#利用 Dockerfile 来创建镜像>)。\n' },
    { name: 'a link with a title', code: '见[官网](https://docker.com "Docker 官网")。\n' },
    { name: 'prose in parentheses after brackets is not a target', code: '数组[0](第一个元素) 和 [注](见下文 说明)。\n' },
    { name: 'escaped brackets are meant literally', code: '写法 \\[文字](a b.md) 不是链接。\n' },
    { name: 'code is never read', code: '`[镜像](a b.md)`\n\n```md\n[镜像](a b.md)\n```\n' },
  ],
  invalid: [
    {
      code: '见 [镜像创建](../image/create.md#利用 Dockerfile 来创建镜像) 一节。\n',
      errors: [{ line: 1, column: 3, endColumn: 49, message: 'Unexpected link `[镜像创建](../image/create.md#利用 Dockerfile 来创建镜像)` left as text: its target has a space, expected the target in `<…>` (or spaces written as `%20`)' }],
      output: '见 [镜像创建](<../image/create.md#利用 Dockerfile 来创建镜像>) 一节。\n',
    },
    {
      name: 'an image, a surrogate pair before it, CRLF',
      code: '𠮷\r\n![架构 图](images/arch diagram.png)\r\n',
      errors: [{ line: 2, column: 1, endColumn: 33, message: 'Unexpected image `![架构 图](images/arch diagram.png)` left as text: its target has a space, expected the target in `<…>` (or spaces written as `%20`)' }],
      output: '𠮷\r\n![架构 图](<images/arch diagram.png>)\r\n',
    },
  ],
});
