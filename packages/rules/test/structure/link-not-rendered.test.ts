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
    { name: 'brackets then prose in parentheses, a task list item, an escaped bracket', code: '选项 [可选] (默认开启) 和 [注]（见下文）。\n\n- [x] (done.md)\n\n写法 \\[官网] (https://docker.com) 不是链接。\n' },
    { name: 'a defined reference followed by a parenthesis', code: '见 [官网] (https://docker.com)。\n\n[官网]: https://www.docker.com\n' },
  ],
  invalid: [
    {
      // trpl-zh-cn#350 (a malformed Markdown link); a Chinese input method types `（）`.
      name: 'a link typed apart: a space before `(`, full-width parentheses',
      code: '更多请参考[官方文档] (https://docs.docker.com)。\n\n见[安装](install.md）和 ![架构]（images/arch.png）。\n',
      errors: [
        { line: 1, column: 6, endColumn: 38, message: 'Unexpected link `[官方文档] (https://docs.docker.com)` left as text: a space between `]` and `(`, expected `](…)`' },
        { line: 3, column: 2, endColumn: 18, message: 'Unexpected link `[安装](install.md）` left as text: full-width parentheses around its target, expected `](…)`' },
        { line: 3, column: 20, endColumn: 42, message: 'Unexpected image `![架构]（images/arch.png）` left as text: full-width parentheses around its target, expected `](…)`' },
      ],
      output: '更多请参考[官方文档](https://docs.docker.com)。\n\n见[安装](install.md)和 ![架构](images/arch.png)。\n',
    },
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
