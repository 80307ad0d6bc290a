import rule from '../../src/structure/link-to-unlisted.js';
import { testRule } from '@tongwen/test-utils';

const summary = '* [简介](README.md)\n* [安装](install.md)\n';

testRule(rule, {
  valid: [
    { name: 'links to listed chapters', files: { 'SUMMARY.md': summary, 'README.md': '见[安装](install.md)。\n', 'install.md': '见[简介](README.md)、[本节](#安装)。\n' } },
    { name: 'links from unlisted files are not checked', files: { 'SUMMARY.md': summary, 'README.md': '', 'install.md': '', 'draft.md': '[x](other.md)\n', 'other.md': '' } },
    { name: 'ignored files count as published', files: { 'SUMMARY.md': summary, 'README.md': '[示例](demo/README.md)\n', 'install.md': '', 'demo/README.md': '' }, options: { ignore: ['demo/**'] } },
    { name: 'links to files that are not Markdown', files: { 'SUMMARY.md': summary, 'README.md': '[配置](demo/docker-compose.yml)\n', 'install.md': '', 'demo/docker-compose.yml': '' } },
  ],
  invalid: [
    {
      name: 'a listed chapter links to an unlisted one',
      files: { 'SUMMARY.md': summary, 'README.md': '见[示例](demo/README.md)。\n', 'install.md': '', 'demo/README.md': '# 示例\n' },
      errors: [{ file: 'README.md', line: 1, column: 7, endLine: 1, endColumn: 21, message: 'Unexpected link to `demo/README.md`, which the contents list `SUMMARY.md` does not publish, expected a listed chapter' }],
    },
    {
      name: 'through .html (CRLF, 𠮷)',
      files: { 'SUMMARY.md': summary, 'README.md': '𠮷\r\n见[草稿](draft.html#x)\r\n', 'install.md': '', 'draft.md': '' },
      errors: [{ file: 'README.md', line: 2, column: 7, endLine: 2, endColumn: 19, message: 'Unexpected link to `draft.md`, which the contents list `SUMMARY.md` does not publish, expected a listed chapter' }],
    },
  ],
});
