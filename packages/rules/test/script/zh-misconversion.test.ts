import rule from '../../src/script/zh-misconversion.js';
import { testRule } from '@tongwen/test-utils';

const one = ' (one character: check its meaning)';

testRule(rule, {
  valid: [
    { code: '鏡像和容器的關係，就像類和實例。\n', locale: 'zh-TW' },
    { code: '鏡像和容器的關系\n', locale: 'zh-Hans' },
    { code: '```\n關系\n```\n\n`運行于` 和\n\n<div>環境里</div>\n', locale: 'zh-TW' },
    { name: 'accepted pairs (台/臺)', code: '臺灣與台灣\n', locale: 'zh-TW' },
    { name: 'ignore list (并成)', code: '合并成一個\n', locale: 'zh-TW', options: { ignore: ['并成', '合并'] } },
    { name: 'Simplified-only characters are zh-script-mixed’s', code: '什么是容器\n', locale: 'zh-TW' },
    // The round trip's own accidents across word boundaries: the word alone converts otherwise.
    { name: 'not 麵包 across 裡面｜包含', code: '這裡面包含一個檔案。\n', locale: 'zh-TW' },
    { name: 'not 被髮 across 被｜發展', code: '專案被發展成一個框架。\n', locale: 'zh-TW' },
    { name: 'not 併合並 across 並｜合併', code: '它會下載並合併分支。\n', locale: 'zh-TW' },
    { name: 'not 箇中 across 一個｜中央', code: '使用一個中央倉庫。\n', locale: 'zh-TW' },
    { name: 'not 名錶 across 目錄名｜表示', code: '目錄名表示分類。\n', locale: 'zh-TW' },
    { name: 'words that are right as they are', code: '乾淨的上游，嘗試准許，只有一個。\n', locale: 'zh-TW' },
  ],
  invalid: [
    {
      name: 'a word proves the correction (error, fixed); a one-character word is a warning',
      code: '鏡像和容器的關系，容器運行于宿主。\n',
      locale: 'zh-TW',
      errors: [
        { line: 1, column: 8, endColumn: 9, severity: 'error', message: 'Unexpected `系` in zh-TW text, expected `係`' },
        { line: 1, column: 14, endColumn: 15, severity: 'warning', message: `Unexpected \`于\` in zh-TW text, expected \`於\`${one}` },
      ],
      output: '鏡像和容器的關係，容器運行于宿主。\n',
    },
    {
      name: 'a wrong Traditional variant in a word (復制 → 複製) is an error',
      code: '複製檔案，或復制目錄。\n',
      locale: 'zh-TW',
      errors: [{ line: 1, column: 7, endColumn: 9, severity: 'error', message: 'Unexpected `復制` in zh-TW text, expected `複製`' }],
      output: '複製檔案，或複製目錄。\n',
    },
    {
      name: 'warnings are fixed when asked',
      code: '在環境里運行，然后\n',
      locale: 'zh-TW',
      options: { fixWarnings: true },
      errors: [
        { line: 1, column: 4, severity: 'warning', message: `Unexpected \`里\` in zh-TW text, expected \`裡\`${one}` },
        { line: 1, column: 9, severity: 'error', message: 'Unexpected `后` in zh-TW text, expected `後`' },
      ],
      output: '在環境裡運行，然後\n',
    },
    {
      name: 'a machine-converted file: from three traces, every finding is an error with its fix',
      code: '關系和日志之后，運行于宿主。\n',
      locale: 'zh-TW',
      errors: [
        { line: 1, column: 2, severity: 'error', message: 'Unexpected `系` in zh-TW text, expected `係`' },
        { line: 1, column: 5, severity: 'error', message: 'Unexpected `志` in zh-TW text, expected `誌`' },
        { line: 1, column: 7, severity: 'error', message: 'Unexpected `后` in zh-TW text, expected `後`' },
        { line: 1, column: 11, severity: 'error', message: 'Unexpected `于` in zh-TW text, expected `於` (the file is machine-converted)' },
      ],
      output: '關係和日誌之後，運行於宿主。\n',
    },
    {
      name: 'a span with a Simplified character is an error, fixed as a whole',
      code: '有关于命令\n',
      locale: 'zh-TW',
      errors: [{ line: 1, column: 2, endColumn: 4, severity: 'error', message: 'Unexpected `关于` in zh-TW text, expected `關於`' }],
      output: '有關於命令\n',
    },
    {
      name: 'image alt text',
      code: '![容器的關系](a.png)\n',
      locale: 'zh-TW',
      errors: [{ line: 1, column: 7, endColumn: 8, severity: 'error', message: 'Unexpected `系` in zh-TW text, expected `係`' }],
      output: '![容器的關係](a.png)\n',
    },
    {
      name: 'zh-Hant uses t2s → s2t',
      code: '雲計算與云計算\n',
      locale: 'zh-Hant',
      errors: [{ line: 1, column: 5, severity: 'warning', message: `Unexpected \`云\` in zh-Hant text, expected \`雲\`${one}` }],
      output: null,
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷的關系\r\n',
      locale: 'zh-TW',
      errors: [{ line: 2, column: 5, endColumn: 6, severity: 'error', message: 'Unexpected `系` in zh-TW text, expected `係`' }],
      output: '第一行\r\n𠮷的關係\r\n',
    },
  ],
});
