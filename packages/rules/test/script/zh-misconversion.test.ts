import rule from '../../src/script/zh-misconversion.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { code: '鏡像和容器的關係，就像類和實例。\n', locale: 'zh-TW' },
    { code: '鏡像和容器的關系\n', locale: 'zh-Hans' },
    { code: '```\n關系\n```\n\n`運行于` 和\n\n<div>環境里</div>\n', locale: 'zh-TW' },
    { name: 'accepted pairs (台/臺)', code: '臺灣與台灣\n', locale: 'zh-TW' },
    { name: 'ignore list (并成)', code: '合并成一個\n', locale: 'zh-TW', options: { ignore: ['并成', '合并'] } },
    { name: 'Simplified-only characters are zh-script-mixed’s', code: '什么是容器\n', locale: 'zh-TW' },
  ],
  invalid: [
    {
      code: '鏡像和容器的關系，容器運行于宿主。\n',
      locale: 'zh-TW',
      errors: [
        { line: 1, column: 8, endColumn: 9, severity: 'warning', message: 'Unexpected `系` in zh-TW text, expected `係`' },
        { line: 1, column: 14, endColumn: 15, severity: 'warning', message: 'Unexpected `于` in zh-TW text, expected `於`' },
      ],
      output: null,
    },
    {
      name: 'warnings are fixed when asked',
      code: '在環境里運行之后\n',
      locale: 'zh-TW',
      options: { fixWarnings: true },
      errors: [
        { line: 1, column: 4, severity: 'warning', message: 'Unexpected `里` in zh-TW text, expected `裡`' },
        { line: 1, column: 8, severity: 'warning', message: 'Unexpected `后` in zh-TW text, expected `後`' },
      ],
      output: '在環境裡運行之後\n',
    },
    {
      name: 'a span with a Simplified character is an error, fixed as a whole',
      code: '有关于命令\n',
      locale: 'zh-TW',
      errors: [{ line: 1, column: 2, endColumn: 4, severity: 'error', message: 'Unexpected `关于` in zh-TW text, expected `關於`' }],
      output: '有關於命令\n',
    },
    {
      name: 'zh-Hant uses t2s → s2t',
      code: '雲計算與云計算\n',
      locale: 'zh-Hant',
      errors: [{ line: 1, column: 5, severity: 'warning', message: 'Unexpected `云` in zh-Hant text, expected `雲`' }],
      output: null,
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷的關系\r\n',
      locale: 'zh-TW',
      options: { fixWarnings: true },
      errors: [{ line: 2, column: 5, endColumn: 6, severity: 'warning', message: 'Unexpected `系` in zh-TW text, expected `係`' }],
      output: '第一行\r\n𠮷的關係\r\n',
    },
  ],
});
