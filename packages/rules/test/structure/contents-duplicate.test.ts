import rule from '../../src/structure/contents-duplicate.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'each file once', files: { 'SUMMARY.md': '* [镜像](image/README.md)\n  * [获取](image/pull.md)\n', 'image/README.md': '', 'image/pull.md': '' } },
    {
      name: 'two contents lists may list the same page (each is its own navigation)',
      files: { 'TOC.md': '* [概览](overview.md)\n', 'TOC-cloud.md': '* [概览](overview.md)\n', 'overview.md': '# 概览\n' },
      contents: 'TOC.md',
      moreContents: ['TOC-cloud.md'],
    },
    { name: 'two anchors of one file', files: { 'SUMMARY.md': '* [镜像](image.md#获取)\n* [列出](image.md#列出)\n', 'image.md': '' } },
  ],
  invalid: [
    {
      name: 'the same file twice',
      files: { 'SUMMARY.md': '* [镜像](image/README.md)\n  * [获取镜像](image/pull.md)\n* [获取](image/pull.md)\n', 'image/README.md': '', 'image/pull.md': '' },
      errors: [{ file: 'SUMMARY.md', line: 3, column: 8, endLine: 3, endColumn: 21, message: 'Unexpected second entry for `image/pull.md`, expected each file listed once (first listed on line 2)' }],
    },
    {
      name: 'a file twice in a second contents list',
      files: { 'TOC.md': '* [概览](overview.md)\n', 'TOC-cloud.md': '* [概览](overview.md)\n* [再次](overview.md)\n', 'overview.md': '# 概览\n' },
      contents: 'TOC.md',
      moreContents: ['TOC-cloud.md'],
      errors: [{ file: 'TOC-cloud.md', line: 2, column: 8, endLine: 2, endColumn: 19, message: 'Unexpected second entry for `overview.md`, expected each file listed once (first listed on line 1)' }],
    },
    {
      name: 'same file and anchor (CRLF, 𠮷)',
      files: { 'SUMMARY.md': '* [𠮷](a.md#x)\r\n* [𠮷𠮷](a.md#x)\r\n', 'a.md': '' },
      errors: [{ file: 'SUMMARY.md', line: 2, column: 10, endLine: 2, endColumn: 16, message: 'Unexpected second entry for `a.md#x`, expected each file listed once (first listed on line 1)' }],
    },
  ],
});
