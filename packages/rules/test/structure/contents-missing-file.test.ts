import rule from '../../src/structure/contents-missing-file.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'every entry exists', files: { 'SUMMARY.md': '# 目录\n\n* [简介](README.md)\n* [安装](install/README.md)\n', 'README.md': '# 简介\n', 'install/README.md': '# 安装\n' } },
    { name: 'plain-text entries and part headings', files: { 'SUMMARY.md': '## 第一部分\n\n* 草稿\n* [简介](README.md)\n', 'README.md': '# 简介\n' } },
  ],
  invalid: [
    {
      name: 'a missing file in a second contents list',
      files: { 'TOC.md': '* [概览](overview.md)\n', 'TOC-cloud.md': '* [云](cloud.md)\n', 'overview.md': '# 概览\n' },
      contents: 'TOC.md',
      moreContents: ['TOC-cloud.md'],
      errors: [{ file: 'TOC-cloud.md', line: 1, column: 7, endLine: 1, endColumn: 15, message: 'Unexpected missing file `cloud.md` for entry `云`' }],
    },
    {
      name: 'a missing file, with a suggestion',
      files: { 'SUMMARY.md': '* [简介](README.md)\n* [安装](instal/README.md)\n', 'README.md': '# 简介\n', 'install/README.md': '# 安装\n' },
      errors: [{ file: 'SUMMARY.md', line: 2, column: 8, endLine: 2, endColumn: 24, message: 'Unexpected missing file `instal/README.md` for entry `安装`, did you mean `install/README.md`?' }],
    },
    {
      name: 'an entry that is a folder, with and without a README.md in it',
      files: { 'SUMMARY.md': '* [网络](network/)\n* [存储](storage)\n', 'network/README.md': '# 网络\n', 'storage/volume.md': '# 卷\n' },
      errors: [
        { file: 'SUMMARY.md', line: 1, column: 8, endLine: 1, endColumn: 16, message: 'Unexpected folder `network/` for entry `网络`, expected a file, did you mean `network/README.md`?' },
        { file: 'SUMMARY.md', line: 2, column: 8, endLine: 2, endColumn: 15, message: 'Unexpected folder `storage` for entry `存储`, expected a file' },
      ],
    },
    {
      name: 'an entry outside the book (CRLF, 𠮷)',
      files: { 'SUMMARY.md': '* [𠮷](README.md)\r\n* [密码](../../etc/passwd)\r\n', 'README.md': '# 𠮷\n' },
      errors: [{ file: 'SUMMARY.md', line: 2, column: 8, endLine: 2, endColumn: 24, message: 'Unexpected entry `../../etc/passwd` outside the book root, expected a file inside the book' }],
    },
  ],
});
