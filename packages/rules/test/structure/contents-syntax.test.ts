import rule from '../../src/structure/contents-syntax.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'GitBook list', files: { 'SUMMARY.md': '# 目录\n\n## 第一部分\n\n* [简介](README.md)\n  * [安装](install.md)\n\n---\n\n* 附录\n', 'README.md': '', 'install.md': '' } },
    { name: 'mdBook with prefix chapters and drafts', files: { 'SUMMARY.md': '# 目录\n\n[前言](foreword.md)\n\n- [安装](install.md)\n- [草稿]()\n', 'foreword.md': '', 'install.md': '' } },
  ],
  invalid: [
    {
      name: 'a line that is not an entry, and a malformed link',
      files: { 'SUMMARY.md': '* [简介](README.md)\n安装说明\n* [安装](install.md\n', 'README.md': '', 'install.md': '' },
      errors: [
        { file: 'SUMMARY.md', line: 2, column: 1, endLine: 2, endColumn: 5, message: 'Unexpected line `安装说明` in the contents list, expected a list item (`* [title](file.md)`), a `##` part heading, `---` or a blank line' },
        { file: 'SUMMARY.md', line: 3, column: 3, endLine: 3, endColumn: 18, message: 'Unexpected malformed link `[安装](install.md`, expected `[title](file.md)`' },
      ],
    },
    {
      name: 'an empty item (CRLF, 𠮷)',
      files: { 'SUMMARY.md': '* [𠮷](README.md)\r\n*\r\n', 'README.md': '' },
      errors: [{ file: 'SUMMARY.md', line: 2, column: 1, endLine: 2, endColumn: 2, message: 'Unexpected empty list item, expected `[title](file.md)` or a title' }],
    },
  ],
});
