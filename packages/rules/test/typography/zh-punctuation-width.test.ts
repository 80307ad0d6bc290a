import rule from '../../src/typography/zh-punctuation-width.js';
import { testRule } from '@tongwen/test-utils';

const toFull = (a: string, b: string) => `Unexpected half-width \`${a}\` between Chinese characters, expected \`${b}\``;
const parens = 'Unexpected half-width `(…)` around Chinese text, expected `（…）`';

testRule(rule, {
  valid: [
    { name: 'the parentheses of a link that did not render are left to link-not-rendered', code: '见 [镜像创建](../image/create.md#利用 Dockerfile 来创建镜像) 一节。\n' },
    '镜像（`Image`）和容器的关系，就像类和实例。\n',
    '使用 **镜像名:标签** 的方式。\n',
    '| 镜像名:标签 | 说明 |\n| --- | --- |\n| a | b |\n',
    '```\n镜像,容器\n```\n',
    '`镜像,容器` 和 [链接](https://x.y/a,b)\n',
    '使用英文逗号“,”分隔\n',
    'Use the `-d` flag, then run it (in the background).\n',
    '等待...然后\n',
  ],
  invalid: [
    {
      code: '镜像(`Image`)和容器的关系,就像类和实例.\n',
      errors: [
        { line: 1, column: 3, endColumn: 4, message: parens },
        { line: 1, column: 18, endColumn: 19, message: toFull(',', '，') },
      ],
      output: '镜像（`Image`）和容器的关系，就像类和实例.\n',
    },
    {
      name: 'spaces after the mark go with it',
      code: '容器消亡, 数据卷不会消亡; 因此!\n',
      errors: [
        { line: 1, column: 5, message: toFull(',', '，') },
        { line: 1, column: 14, message: toFull(';', '；') },
      ],
      output: '容器消亡，数据卷不会消亡；因此!\n',
    },
    {
      name: 'a colon in a sentence, not an identifier',
      code: '- 附录一:常见问题总结\n',
      errors: [{ line: 1, column: 6, message: toFull(':', '：') }],
      output: '- 附录一：常见问题总结\n',
    },
    {
      name: 'parentheses inside link text',
      code: '使用 [数据卷(Volume)](a.md)、或者\n',
      errors: [{ line: 1, column: 8, message: parens }],
      output: '使用 [数据卷（Volume）](a.md)、或者\n',
    },
    {
      name: 'full-width in a Latin sentence',
      code: 'Use the flag，then run it.\n',
      errors: [{ line: 1, column: 13, message: 'Unexpected full-width `，` in a Latin sentence, expected `,`' }],
      output: 'Use the flag, then run it.\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷,容器\r\n',
      errors: [{ line: 2, column: 3, endColumn: 4, message: toFull(',', '，') }],
      output: '第一行\r\n𠮷，容器\r\n',
    },
  ],
});
