import rule from '../../src/structure/table-extra-cells.js';
import { testRule } from '@tongwen/test-utils';

const extra = (cells: number, columns: number, lost: string): string =>
  `Unexpected ${cells} cells in a row of a ${columns}-column table: the last ${lost} not rendered, expected ${columns} (write a \`|\` inside a cell as \`\\|\`)`;

testRule(rule, {
  valid: [
    '| 参数 | 说明 |\n| --- | --- |\n| `a\\|b` | 或运算 |\n| x | y |\n',
    { name: 'a row with fewer cells is padded', code: '| 参数 | 说明 |\n| --- | --- |\n| x |\n' },
    { name: 'pipes in code blocks and prose are not tables', code: '```\n| a | b | c |\n```\n\n使用 a|b|c 分隔。\n' },
  ],
  invalid: [
    {
      name: 'an unescaped `|` inside inline code splits the cell',
      code: '| 参数 | 说明 |\n| --- | --- |\n| `a|b` | 或运算 |\n',
      errors: [{ line: 3, column: 9, endLine: 3, endColumn: 16, message: extra(3, 2, 'one is') }],
    },
    {
      name: 'two cells too many (CRLF, 𠮷)',
      code: '𠮷\r\n\r\n| 名称 |\r\n| --- |\r\n| a | b | c |\r\n',
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 14, message: extra(3, 1, '2 are') }],
    },
  ],
});
