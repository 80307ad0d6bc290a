import rule from '../../src/mirror/mirror-list-items.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [{ name: 'same items', files: { 'zh-hans/a.md': '- 一\n- 二\n', 'zh-tw/a.md': '- 壹\n- 貳\n' }, settings }],
  invalid: [
    {
      name: 'an item missing',
      files: { 'zh-hans/a.md': '# 𠮷\n\n- 一\n- 二\n- 三\n', 'zh-tw/a.md': '# 𠮷\r\n\r\n- 一\r\n- 二\r\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 3, column: 1, message: 'Unexpected 2 items in list 1, expected 3 as in `zh-hans/a.md`' }],
    },
    {
      name: 'an example missing (tldr: one list per example)',
      files: { 'zh-hans/a.md': '- 一：\n\n`a`\n\n- 二：\n\n`b`\n', 'zh-tw/a.md': '- 一：\n\n`a`\n' },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 1, message: 'Unexpected 1 lists (1 items), expected 2 (2 items) as in `zh-hans/a.md`' }],
    },
  ],
});
