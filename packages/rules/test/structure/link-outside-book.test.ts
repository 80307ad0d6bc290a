import rule from '../../src/structure/link-outside-book.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'inside the book', files: { 'a/b.md': '[x](../c.md) ![i](../img/x.png)\n' } },
    { name: 'the contents list is left to contents-missing-file', files: { 'SUMMARY.md': '* [x](../x.md)\n' } },
  ],
  invalid: [
    {
      name: 'links and images above the root',
      files: { 'a/b.md': '见[许可](../../LICENSE)。\n![x](../../../etc/x.png)\n' },
      errors: [
        { file: 'a/b.md', line: 1, column: 7, endLine: 1, endColumn: 20, message: 'Unexpected link `../../LICENSE` outside the book root, expected a file inside the book' },
        { file: 'a/b.md', line: 2, column: 6, endLine: 2, endColumn: 24, message: 'Unexpected image `../../../etc/x.png` outside the book root, expected a file inside the book' },
      ],
    },
    {
      name: 'HTML (CRLF, 𠮷)',
      files: { 'a.md': '𠮷\r\n<a href="../x.md">x</a>\r\n' },
      errors: [{ file: 'a.md', line: 2, column: 10, endLine: 2, endColumn: 17, message: 'Unexpected link `../x.md` outside the book root, expected a file inside the book' }],
    },
  ],
});
