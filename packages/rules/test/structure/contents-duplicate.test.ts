import rule from '../../src/structure/contents-duplicate.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'each file once', files: { 'SUMMARY.md': '* [镜像](image/README.md)\n  * [获取](image/pull.md)\n', 'image/README.md': '', 'image/pull.md': '' } },
    { name: 'two anchors of one file', files: { 'SUMMARY.md': '* [镜像](image.md#获取)\n* [列出](image.md#列出)\n', 'image.md': '' } },
  ],
  invalid: [
    {
      name: 'the same file twice',
      files: { 'SUMMARY.md': '* [镜像](image/README.md)\n  * [获取镜像](image/pull.md)\n* [获取](image/pull.md)\n', 'image/README.md': '', 'image/pull.md': '' },
      errors: [{ file: 'SUMMARY.md', line: 3, column: 8, endLine: 3, endColumn: 21, message: 'Unexpected second entry for `image/pull.md`, expected each file listed once (first listed on line 2)' }],
    },
    {
      name: 'same file and anchor (CRLF, 𠮷)',
      files: { 'SUMMARY.md': '* [𠮷](a.md#x)\r\n* [𠮷𠮷](a.md#x)\r\n', 'a.md': '' },
      errors: [{ file: 'SUMMARY.md', line: 2, column: 10, endLine: 2, endColumn: 16, message: 'Unexpected second entry for `a.md#x`, expected each file listed once (first listed on line 1)' }],
    },
  ],
});
