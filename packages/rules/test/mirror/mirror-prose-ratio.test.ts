import rule from '../../src/mirror/mirror-prose-ratio.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

const prose = (n: number, char: string): string => char.repeat(n) + '。\n';

testRule(rule, {
  valid: [
    { name: 'about as long', files: { 'zh-hans/a.md': prose(200, '文'), 'zh-tw/a.md': prose(180, '文') }, settings },
    { name: 'too short a source to compare', files: { 'zh-hans/a.md': prose(50, '文'), 'zh-tw/a.md': prose(10, '文') }, settings },
  ],
  invalid: [
    {
      name: 'half the prose',
      files: { 'zh-hans/a.md': prose(200, '文'), 'zh-tw/a.md': prose(100, '文') },
      settings,
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 1, message: 'Unexpected prose size 100 (50 % of the source), expected 150 to 300 as `zh-hans/a.md` has 200' }],
    },
    {
      name: 'a band from the options',
      files: { 'zh-hans/a.md': prose(200, '文'), 'zh-tw/a.md': prose(180, '文') },
      settings,
      options: { min: 0.95 },
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 1, message: 'Unexpected prose size 180 (90 % of the source), expected 190 to 300 as `zh-hans/a.md` has 200' }],
    },
  ],
});
