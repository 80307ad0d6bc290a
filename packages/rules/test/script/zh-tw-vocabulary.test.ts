import rule from '../../src/script/zh-tw-vocabulary.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { code: '儲存資料到網路。\n', locale: 'zh-TW' },
    { code: '儲存數據到網絡。\n', locale: 'zh-Hant' },
    { code: '`數據` 與\n\n```\n數據\n```\n', locale: 'zh-TW' },
  ],
  invalid: [
    {
      code: '儲存數據到網絡。\n',
      locale: 'zh-TW',
      errors: [
        { line: 1, column: 3, endColumn: 5, severity: 'info', message: 'Unexpected `數據` in zh-TW text, expected Taiwan wording `資料`' },
        { line: 1, column: 6, endColumn: 8, severity: 'info', message: 'Unexpected `網絡` in zh-TW text, expected Taiwan wording `網路`' },
      ],
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷 默認值\r\n',
      locale: 'zh-TW',
      errors: [{ line: 2, column: 4, endColumn: 6, severity: 'info', message: 'Unexpected `默認` in zh-TW text, expected Taiwan wording `預設`' }],
    },
  ],
});
