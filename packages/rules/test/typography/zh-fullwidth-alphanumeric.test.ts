import rule from '../../src/typography/zh-fullwidth-alphanumeric.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: ['需要 2 GB 内存。\n', { name: 'code and URLs are not prose', code: '运行 `ｌｓ` 或打开 <https://example.com/１>。\n\n```\n１２３\n```\n' }],
  invalid: [
    {
      code: '需要２ＧＢ内存。\n',
      errors: [{ line: 1, column: 3, endColumn: 6, message: 'Unexpected full-width `２ＧＢ`, expected `2GB`' }],
      output: '需要2GB内存。\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷使用 ｄｏｃｋｅｒ 命令\r\n',
      errors: [{ line: 2, column: 6, endColumn: 12, message: 'Unexpected full-width `ｄｏｃｋｅｒ`, expected `docker`' }],
      output: '第一行\r\n𠮷使用 docker 命令\r\n',
    },
  ],
});
