import rule from '../../src/structure/heading-missing-space.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '## 安装\n',
    '见 issue #123 与 #hashtag。\n',
    '#include <stdio.h> 写在正文里\n',
    '#123 是编号\n',
    '```sh\n##安装\n```\n',
    '`##安装` 是行内代码\n',
    '#!/bin/sh 是 shebang\n',
    '#{1} 模板\n',
    { name: 'a hashtag first in a chapter that has a title', code: '#hashtag\n\n# 标题\n\n## 小节\n' },
    { name: 'a hashtag first in an unlisted chapter without headings', files: { 'SUMMARY.md': '* [甲](a.md)\n', 'a.md': '# 甲\n', 'b.md': '#hashtag 是标签\n' } },
  ],
  invalid: [
    {
      name: 'a title before Latin letters in a chapter with sections but no title',
      code: '#Introduction\n\n## 安装\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 14, message: 'Unexpected `#` without a space before the text, expected `# ` to make a heading' }],
      output: '# Introduction\n\n## 安装\n',
    },
    {
      name: 'a title before Latin letters alone in a listed chapter',
      files: { 'SUMMARY.md': '* [Docker](a.md)\n', 'a.md': '#Docker\n\n正文。\n' },
      path: 'a.md',
      errors: [{ file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 8, message: 'Unexpected `#` without a space before the text, expected `# ` to make a heading' }],
      output: '# Docker\n\n正文。\n',
      outputFile: 'a.md',
    },
    {
      code: '##安装\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Unexpected `##` without a space before the text, expected `## ` to make a heading' }],
      output: '## 安装\n',
    },
    {
      name: 'a single # before Chinese, inside a paragraph, in a quote (CRLF, 𠮷)',
      code: '#𠮷标题\r\n\r\n正文\r\n###小节\r\n\r\n> ##引用\r\n',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 6, message: 'Unexpected `#` without a space before the text, expected `# ` to make a heading' },
        { line: 4, column: 1, endLine: 4, endColumn: 6, message: 'Unexpected `###` without a space before the text, expected `### ` to make a heading' },
        { line: 6, column: 3, endLine: 6, endColumn: 7, message: 'Unexpected `##` without a space before the text, expected `## ` to make a heading' },
      ],
      output: '# 𠮷标题\r\n\r\n正文\r\n### 小节\r\n\r\n> ## 引用\r\n',
    },
    {
      name: 'not fixed when the space would turn the indented next line into a code block',
      code: '#标题\n    [链接](http://example.com/a)\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: 'Unexpected `#` without a space before the text, expected `# ` to make a heading' }],
      output: null,
    },
    {
      name: 'two hashes before Latin letters',
      code: '##Installation\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 15, message: 'Unexpected `##` without a space before the text, expected `## ` to make a heading' }],
      output: '## Installation\n',
    },
  ],
});
