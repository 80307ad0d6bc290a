import rule from '../../src/mirror/mirror-paragraphs.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [
    { name: 'same paragraphs per section', files: { 'zh-hans/a.md': '# 甲\n\n一。\n\n## 乙\n\n二。\n\n三。\n', 'zh-tw/a.md': '# 甲\n\n壹。\n\n## 乙\n\n貳。\n\n參。\n' }, settings },
    { name: 'list items and code-only paragraphs are not counted', files: { 'zh-hans/a.md': '- 一：\n\n  再说一段。\n\n`a`\n\n`b`\n', 'zh-tw/a.md': '- 壹：\n\n`a`\n' }, settings },
    { name: 'another outline is left to mirror-heading-structure', files: { 'zh-hans/a.md': '# 甲\n\n一。\n\n二。\n', 'zh-tw/a.md': '# 甲\n\n壹。\n\n## 乙\n' }, settings },
  ],
  invalid: [
    {
      name: 'a paragraph dropped from a section (CRLF, 𠮷)',
      files: { 'zh-hans/a.md': '# 𠮷\n\n一。\n\n## 安装\n\n二。\n\n三。\n', 'zh-tw/a.md': '# 𠮷\r\n\r\n壹。\r\n\r\n## 安裝\r\n\r\n貳。\r\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 5, column: 1, message: 'Unexpected 1 paragraphs in section `安裝`, expected 2 as in `zh-hans/a.md`' }],
    },
    {
      name: 'a paragraph added before the first heading',
      files: { 'zh-hans/a.md': '一。\n\n# 甲\n', 'zh-tw/a.md': '壹。\n\n多一段。\n\n# 甲\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 1, message: 'Unexpected 2 paragraphs in the text before the first heading, expected 1 as in `zh-hans/a.md`' }],
    },
  ],
});
