import rule from '../../src/structure/contents-empty.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'a contents list with one chapter', files: { 'SUMMARY.md': '# 目录\n\n* [简介](README.md)\n', 'README.md': '# 简介\n' } },
    { name: 'an mdBook list of drafts only', files: { 'SUMMARY.md': '# Summary\n\n- [草稿]()\n', 'README.md': '# 简介\n' } },
    { name: 'no contents list at all', files: { 'README.md': '# 简介\n' } },
  ],
  invalid: [
    {
      name: 'an empty file',
      files: { 'SUMMARY.md': '', 'README.md': '# 简介\n' },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected contents list with no entries, expected entries such as `* [title](file.md)`' }],
    },
    {
      name: 'a title and a part heading only (CRLF)',
      files: { 'SUMMARY.md': '# 目录\r\n\r\n## 第一部分\r\n', 'README.md': '# 简介\n' },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected contents list with no entries, expected entries such as `* [title](file.md)`' }],
    },
    {
      name: 'titles without links (𠮷)',
      files: { 'SUMMARY.md': '# 目录\n\n* 𠮷\n* 附录\n', 'README.md': '# 简介\n' },
      errors: [{ file: 'SUMMARY.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected contents list with 2 entries but no link, expected entries such as `* [title](file.md)`' }],
    },
  ],
});
