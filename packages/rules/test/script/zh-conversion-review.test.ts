import rule from '../../src/script/zh-conversion-review.js';
import { testRule } from '@tongwen/test-utils';

const noodles = 'Unexpected unreviewed `面` for `面` (no phrase decides), expected a human to choose `面` or `麵`';
const program = 'Unexpected unreviewed `程式` for `程序` (the software sense, no cue either way), expected a human to choose `程式` or `程序`';

testRule(rule, {
  valid: [
    { name: 'no guess', code: '這個程式碼很好。\n', locale: 'zh-TW' },
    { name: 'Simplified chapters are not converted ones', code: '他把面煮干了。\n', locale: 'zh-Hans' },
    { name: 'a place a human changed is reviewed', code: '他把麵煮幹了。\n', locale: 'zh-TW' },
    { name: 'a phrase decides (麵包), and a word does (後面)', code: '麵包在後面。\n', locale: 'zh-Hant' },
    { name: 'characters profile: 程式 is no guess of a conversion', code: '這個程式很好。\n', locale: 'zh-TW', options: { profile: 'characters' } },
    { name: 'zh-Hant: the default is characters (s2t)', code: '這個程序很好。\n', locale: 'zh-Hant' },
    { name: 'phrases profile: a cue decides (法律程序)', code: '依照法律程序。\n', locale: 'zh-TW', options: { profile: 'phrases' } },
    { name: 'a verb before its Latin object (發 PR), a directional complement (印出, 列出): no 髮, no 齣', code: '歡迎你發 PR，每行列出一個檔案，在命令列印出該命令。\n', locale: 'zh-TW' },
    { name: 'code stays out', code: '`他把面煮幹了`\n\n```\n他把面煮幹了\n```\n', locale: 'zh-TW' },
  ],
  invalid: [
    { code: '他把面煮幹了。\n', locale: 'zh-TW', errors: [{ line: 1, column: 3, endColumn: 4, severity: 'info', message: noodles }] },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷 他把面煮幹了\r\n',
      locale: 'zh-Hant',
      errors: [{ line: 2, column: 6, endColumn: 7, severity: 'info', message: noodles.replace('麵', '麪') }],
    },
    { name: 'zh-TW: the default is the tech profile, as `tongwen convert --to zh-TW`', code: '這個程式很好。\n', locale: 'zh-TW', errors: [{ line: 1, column: 3, endColumn: 5, severity: 'info', message: program }] },
    { name: 'phrases profile: a word of several senses', code: '這個程式很好。\n', locale: 'zh-TW', options: { profile: 'phrases' }, errors: [{ line: 1, column: 3, endColumn: 5, severity: 'info', message: program }] },
  ],
});
