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
      output: '![x](_images/arch.png) [b](../book/B.md)\n',
      outputFile: 'a.md',
    },
    {
      name: 'a folder with another case (CRLF, 𠮷)',
      files: { 'a.md': '𠮷\r\n[安装](Install/README.md)\r\n', 'install/README.md': '' },
      errors: [{ file: 'a.md', line: 2, column: 6, endLine: 2, endColumn: 23, message: "Unexpected letter case in `Install/README.md`, expected `install/README.md` (the file's name)" }],
      output: '𠮷\r\n[安装](install/README.md)\r\n',
      outputFile: 'a.md',
    },
    {
      name: 'a link with a fragment, from a sub-folder',
      files: { 'docs/a.md': '见[配置](../Guide/Config.md#选项)。\n', 'guide/config.md': '# 配置\n\n## 选项\n' },
      errors: [{ file: 'docs/a.md', line: 1, column: 7, endLine: 1, endColumn: 28, message: "Unexpected letter case in `Guide/Config.md`, expected `guide/config.md` (the file's name)" }],
      output: '见[配置](../guide/config.md#选项)。\n',
      outputFile: 'docs/a.md',
    },
    {
      name: 'a percent-encoded link is reported, not fixed',
      files: { 'a.md': '[镜像](%E9%95%9C%E5%83%8F/Image.md)\n', '镜像/image.md': '' },
      errors: [{ file: 'a.md', line: 1, column: 6, endLine: 1, endColumn: 33, message: "Unexpected letter case in `镜像/Image.md`, expected `镜像/image.md` (the file's name)" }],
      output: null,
      outputFile: 'a.md',
    },
  ],
});
