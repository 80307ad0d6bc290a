import rule from '../../src/structure/heading-accidental-setext.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '这是一段说明。\n\n---\n',
    { name: 'deliberate setext headings in a setext-only chapter', code: '标题\n====\n\n小节\n----\n\n正文。\n' },
    '# 标题\n\n小节\n====\n',
  ],
  invalid: [
    {
      code: '# 标题\n\n这是一段说明。\n---\n',
      errors: [{ line: 3, column: 1, endLine: 4, endColumn: 4, message: 'Unexpected setext heading: `---` under a paragraph makes it a level-2 heading (it ends like a sentence), expected a blank line before `---` for a thematic break, or `## ` for a heading' }],
    },
    {
      name: 'several lines (CRLF, 𠮷)',
      code: '𠮷第一行\r\n第二行\r\n-----\r\n',
      errors: [{ line: 1, column: 1, endLine: 3, endColumn: 6, message: 'Unexpected setext heading: `-----` under a paragraph makes it a level-2 heading (it spans several lines), expected a blank line before `-----` for a thematic break, or `## ` for a heading' }],
    },
    {
      name: 'the other headings use #',
      code: '## 安装\n\n小节\n---\n',
      errors: [{ line: 3, column: 1, endLine: 4, endColumn: 4, message: 'Unexpected setext heading: `---` under a paragraph makes it a level-2 heading (the other headings use `#`), expected a blank line before `---` for a thematic break, or `## ` for a heading' }],
    },
  ],
});
