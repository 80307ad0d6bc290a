import rule from '../../src/structure/link-missing-file.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'a relative link to a chapter', files: { 'a/b.md': '见[安装](../install/README.md)。\n', 'install/README.md': '' } },
    { name: 'x.html opens x.md (mdBook, GitBook, Hexo)', files: { 'a.md': '[b](b.html) [c](c.htm#x) [首页](index.html)\n', 'b.md': '', 'c.md': '', 'README.md': '' } },
    { name: 'an extension-less link opens x.md', files: { 'docs/a.md': '[b](b) [c](./c#x)\n', 'docs/b.md': '', 'docs/c.md': '' } },
    { name: 'a folder', files: { 'a.md': '[安装](install/) [示例](demo)\n', 'install/README.md': '', 'demo/run.sh': '' } },
    { name: 'a site-absolute link from a source folder (Hexo)', files: { 'source/zh-cn/api/a.md': '[助手](/zh-cn/docs/helpers) [x](/zh-cn/docs/helpers.html#y)\n', 'source/zh-cn/docs/helpers.md': '' } },
    { name: 'fragments, external links, mail and images are other rules\' business', files: { 'a.md': '[x](#y) [w](https://x.org/a.md) [m](mailto:a@b.c) ![i](missing.png)\n' } },
    { name: 'a file in a dot-folder is a file like any other', files: { 'a.md': '[x](.github/CONTRIBUTING.md)\n', '.github/CONTRIBUTING.md': '' } },
    { name: 'the book\'s own repository URL to an existing file', files: { 'a.md': '[x](https://github.com/o/r/blob/master/b.md#y)\n', 'b.md': '' }, settings: { repository: 'o/r' } },
    { name: 'a case mismatch is left to link-case-mismatch', files: { 'a.md': '[x](B.md)\n', 'b.md': '' } },
    { name: 'options html: true, extensionless: true are defaults; the contents list is left to contents-missing-file', files: { 'SUMMARY.md': '* [x](missing.md)\n' } },
  ],
  invalid: [
    {
      name: 'a missing file, with a suggestion',
      files: { 'a/b.md': '见[安装](../instal/README.md)。\n', 'install/README.md': '' },
      errors: [{ file: 'a/b.md', line: 1, column: 7, endLine: 1, endColumn: 26, message: 'Unexpected link to missing file `instal/README.md`, did you mean `install/README.md`?' }],
    },
    {
      name: 'reference definitions and HTML links (CRLF, 𠮷)',
      files: { 'a.md': '𠮷<a href="nope.md">x</a>\r\n\r\n[d]: ./gone.md\r\n', 'none.md': '' },
      errors: [
        { file: 'a.md', line: 1, column: 12, endLine: 1, endColumn: 19, message: 'Unexpected link to missing file `nope.md`, did you mean `none.md`?' },
        { file: 'a.md', line: 3, column: 6, endLine: 3, endColumn: 15, message: 'Unexpected link to missing file `gone.md`, did you mean `none.md`?' },
      ],
    },
    {
      name: 'html: false and extensionless: false',
      files: { 'a.md': '[b](b.html) [c](c)\n', 'b.md': '', 'c.md': '' },
      options: { html: false, extensionless: false },
      errors: [
        { file: 'a.md', line: 1, column: 5, endLine: 1, endColumn: 11, message: 'Unexpected link to missing file `b.html`, did you mean `b.md`?' },
        { file: 'a.md', line: 1, column: 17, endLine: 1, endColumn: 18, message: 'Unexpected link to missing file `c`, did you mean `c.md`?' },
      ],
    },
    {
      name: 'a site-absolute link that matches nothing says where it looked',
      files: { 'source/zh-cn/a.md': '[x](/docs/setup)\n' },
      errors: [{ file: 'source/zh-cn/a.md', line: 1, column: 5, endLine: 1, endColumn: 16, message: 'Unexpected link to missing file `docs/setup` (site-absolute `/docs/setup`, looked for from the book root and the folders above this file)' }],
    },
    {
      name: 'the book\'s own repository URL to a missing file',
      files: { 'a.md': '[x](https://github.com/o/r/blob/main/docs/b.md)\n', 'docs/c.md': '' },
      settings: { repository: 'o/r' },
      errors: [{ file: 'a.md', line: 1, column: 5, endLine: 1, endColumn: 47, message: "Unexpected link to missing file `docs/b.md` (the book's own repository URL `https://github.com/o/r/blob/main/docs/b.md`), did you mean `docs/c.md`?" }],
    },
  ],
});
