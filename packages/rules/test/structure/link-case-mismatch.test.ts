import rule from '../../src/structure/link-case-mismatch.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'exact case', files: { 'a.md': '![x](_images/arch.png) [b](B.md)\n', '_images/arch.png': '', 'B.md': '' } },
    { name: 'a missing file is another rule\'s business', files: { 'a.md': '[b](c.md)\n' } },
  ],
  invalid: [
    {
      name: 'an image and a link with another case',
      files: { 'a.md': '![x](_images/Arch.png) [b](../book/B.md)\n', '_images/arch.png': '', 'b.md': '' },
      errors: [
        { file: 'a.md', line: 1, column: 6, endLine: 1, endColumn: 22, message: "Unexpected letter case in `_images/Arch.png`, expected `_images/arch.png` (the file's name)" },
      ],
    },
    {
      name: 'a folder with another case (CRLF, 𠮷)',
      files: { 'a.md': '𠮷\r\n[安装](Install/README.md)\r\n', 'install/README.md': '' },
      errors: [{ file: 'a.md', line: 2, column: 6, endLine: 2, endColumn: 23, message: "Unexpected letter case in `Install/README.md`, expected `install/README.md` (the file's name)" }],
    },
  ],
});
