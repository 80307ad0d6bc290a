import rule from '../../src/structure/heading-multiple-titles.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '# 镜像\n\n## 获取\n\n## 列出\n',
    '---\ntitle: 镜像\n---\n\n# 镜像\n',
    {
      name: 'a book whose chapters write several # headings follows its convention',
      files: { 'a.md': '# 甲\n\n# 乙\n', 'b.md': '# 丙\n\n# 丁\n', 'c.md': '# 戊\n\n# 己\n', 'd.md': '# 庚\n' },
    },
    { name: 'mdBook part titles in SUMMARY.md', files: { 'SUMMARY.md': '# Summary\n\n[前言](intro.md)\n\n# 基础\n\n- [安装](install.md)\n\n# 进阶\n\n- [并发](async.md)\n', 'intro.md': '# 前言\n', 'install.md': '# 安装\n', 'async.md': '# 并发\n' } },
    { name: 'front matter title with the option and no # heading', code: '---\ntitle: 镜像\n---\n\n## 获取\n', options: { frontmatter: true } },
  ],
  invalid: [
    {
      name: 'the chapter with two titles in a book whose chapters have one',
      files: { 'a.md': '# 甲\n', 'b.md': '# 乙\n', 'c.md': '# 丙\n\n# 丁\n' },
      errors: [{ file: 'c.md', line: 3, column: 1, endLine: 3, endColumn: 4, message: 'Unexpected second level-1 heading `丁` (the title is on line 1), expected `##` or deeper' }],
    },
    {
      code: '# 镜像\n\n## 获取\n\n# 列出镜像\n',
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 7, message: 'Unexpected second level-1 heading `列出镜像` (the title is on line 1), expected `##` or deeper' }],
    },
    {
      name: 'front matter title counts with frontmatter: true',
      code: '---\ntitle: 镜像\n---\n\n# 镜像\n',
      options: { frontmatter: true },
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, message: 'Unexpected second level-1 heading `镜像` (the title is on front matter), expected `##` or deeper' }],
    },
    {
      name: 'setext (CRLF, 𠮷)',
      code: '# 𠮷\r\n\r\n𠮷𠮷\r\n==\r\n',
      errors: [{ line: 3, column: 1, endLine: 4, endColumn: 3, message: 'Unexpected second level-1 heading `𠮷𠮷` (the title is on line 1), expected `##` or deeper' }],
    },
  ],
});
