import rule from '../../src/structure/emphasis-not-rendered.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '这是（**配比**）相互\n',
    '这是 **（配比）** 相互\n',
    '这是**配比**相互\n',
    '`这是**（配比）**相互` 在代码里\n',
    '\\*\\*（配比）\\*\\* 已转义\n',
    '2 * 3 * 4 是乘法\n',
    '* 列表项\n',
    '密码显示为 **** 即可\n',
    { name: 'four asterisks that render as nested strong', code: '这是****重点****内容\n' },
    '**仓库** 与 ** 不成对\n',
  ],
  invalid: [
    {
      name: 'a space before the closing delimiter',
      code: '**Repository (仓库) **是存放镜像的地方\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 21, message: 'Unexpected space before the closing `**` around `Repository (仓库)`: the emphasis does not render, expected `**Repository (仓库)** `' }],
      output: '**Repository (仓库)** 是存放镜像的地方\n',
    },
    {
      name: 'four asterisks next to a letter',
      code: '这是重点内容****\n',
      errors: [{ line: 1, column: 7, endLine: 1, endColumn: 11, message: 'Unexpected literal `****`, expected `**` around the text to emphasise (or none)' }],
      output: null,
    },
    {
      name: 'a link with a title stays whole: a space, never `**` inside the brackets',
      code: '**[链接](a.md "t")**说明\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 19, message: 'Unexpected literal `**` around `[链接](a.md "t")`: the closing `**` after `)` cannot close, expected `**[链接](a.md "t")** `' }],
      output: '**[链接](a.md "t")** 说明\n',
    },
    {
      name: 'an image with a title stays whole',
      code: '文字**![图](a.png "t")**说明\n',
      errors: [{ line: 1, column: 3, endLine: 1, endColumn: 22, message: 'Unexpected literal `**` around `![图](a.png "t")`: the opening `**` before `!` cannot open and the closing one cannot close, expected ` **![图](a.png "t")** `' }],
      output: '文字 **![图](a.png "t")** 说明\n',
    },
    {
      code: '这是**（配比）**相互\n',
      errors: [{ line: 1, column: 3, endLine: 1, endColumn: 11, message: 'Unexpected literal `**` around `（配比）`: the opening `**` before `（` cannot open and the closing one cannot close, expected `（**配比**）`' }],
      output: '这是（**配比**）相互\n',
    },
    {
      name: 'single asterisks, quotes, only the closing side fails (CRLF, 𠮷)',
      code: '𠮷\r\n\r\n*“𠮷”*相互\r\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 7, message: 'Unexpected literal `*` around `“𠮷”`: the closing `*` after `”` cannot close, expected `“*𠮷*”`' }],
      output: '𠮷\r\n\r\n“*𠮷*”相互\r\n',
    },
    {
      name: 'an escape is not moved out: a space instead',
      code: '部署通过**\\_config.yml**进行配置。\n',
      errors: [{ line: 1, column: 5, endLine: 1, endColumn: 21, message: 'Unexpected literal `**` around `\\_config.yml`: the opening `**` before `\\` cannot open, expected ` **\\_config.yml**`' }],
      output: '部署通过 **\\_config.yml**进行配置。\n',
    },
    {
      name: 'in a list item and a heading',
      code: '- 使用**《三体》**一书\n\n## 关于**「引号」**的说明\n',
      errors: [
        { line: 1, column: 5, endLine: 1, endColumn: 13, message: 'Unexpected literal `**` around `《三体》`: the opening `**` before `《` cannot open and the closing one cannot close, expected `《**三体**》`' },
        { line: 3, column: 6, endLine: 3, endColumn: 14, message: 'Unexpected literal `**` around `「引号」`: the opening `**` before `「` cannot open and the closing one cannot close, expected `「**引号**」`' },
      ],
      output: '- 使用《**三体**》一书\n\n## 关于「**引号**」的说明\n',
    },
  ],
});
