import rule from '../../src/mirror/mirror-heading-structure.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [
    { name: 'same levels, translated text', files: { 'zh-hans/a.md': '# 标题\n\n## 安装\n\n## 配置\n', 'zh-tw/a.md': '# 標題\n\n## 安裝\n\n## 設定\n' }, settings },
  ],
  invalid: [
    {
      name: 'a dropped section',
      files: { 'zh-hans/a.md': '# 标题\n\n## 安装\n\n## 配置\n', 'zh-tw/a.md': '# 標題\n\n## 安裝\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected no heading as heading 3 of 2, expected `## 配置` as in `zh-hans/a.md` (3 headings)' }],
    },
    {
      name: 'a level changed',
      files: { 'zh-hans/a.md': '# 标题\n\n## 安装\n', 'zh-tw/a.md': '# 標題 𠮷\r\n\r\n### 安裝\r\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected `### 安裝` as heading 2 of 2, expected `## 安装` as in `zh-hans/a.md` (2 headings)' }],
    },
  ],
});
