import rule from '../../src/structure/image-missing.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'existing images', files: { 'a/b.md': '![架构](../_images/arch.png)\n<img src="../_images/arch.png">\n', '_images/arch.png': '' } },
    { name: 'external images and links are other rules\' business', files: { 'a.md': '![x](https://x.org/a.png) [y](missing.md)\n' } },
    { name: 'an image in a dot-folder is a file like any other', files: { 'a/b.md': '![x](../.image/x.png)\n', '.image/x.png': '' } },
  ],
  invalid: [
    {
      name: 'a missing image, with a suggestion',
      files: { 'a.md': '![架构](_images/arch.jpg)\n', '_images/arch.png': '' },
      errors: [{ file: 'a.md', line: 1, column: 7, endLine: 1, endColumn: 23, message: 'Unexpected image from missing file `_images/arch.jpg`, did you mean `_images/arch.png`?' }],
    },
    {
      name: 'HTML images and reference images (CRLF, 𠮷)',
      files: { 'a.md': '𠮷<img src="x.png">\r\n\r\n<video src="v.mp4"></video>\r\n' },
      errors: [
        { file: 'a.md', line: 1, column: 13, endLine: 1, endColumn: 18, message: 'Unexpected image from missing file `x.png`' },
        { file: 'a.md', line: 3, column: 13, endLine: 3, endColumn: 18, message: 'Unexpected image from missing file `v.mp4`' },
      ],
    },
  ],
});
