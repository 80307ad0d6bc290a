import rule from '../../src/typography/zh-quotes.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'code-like table cells written without backticks', code: '| 参数 | 说明 |\n| --- | --- |\n| {"v":"测试"} | JSON |\n| name="张三" | 赋值 |\n' },
    { name: 'quotes inside a template tag are syntax', code: '{% note warn "警告！" %}\n内容\n{% endnote %}\n' },
    '所谓“镜像”，就是‘层’的组合。\n',
    { code: '所謂「鏡像」，就是『層』的組合。\n', locale: 'zh-TW' },
    'Say "hello" to 容器。\n',
    '```\n"镜像"\n```\n',
    { code: '所谓「镜像」\n', options: { style: 'corner' } },
    { name: 'English quotes inside Chinese text', code: '他说 "Hello, world" 然后离开。\n' },
    { name: 'the book’s dominant style (`consistent`)', files: { 'a.md': '所谓「镜像」\n', 'b.md': '「容器」和「仓库」\n' }, path: 'a.md', options: { style: 'consistent' } },
    { name: 'nested quotes', code: '所谓“他说‘你好’”的意思。\n' },
    {
      name: 'each script has its own dominant style (`consistent`): zh-TW pages beside more zh-Hans ones',
      files: { 'pages.zh/a.md': '这个问题说的“镜像”和“容器”\n', 'pages.zh/b.md': '这个问题说的“容器”和“仓库”\n', 'pages.zh_TW/a.md': '所謂「鏡像」\n' },
      path: 'pages.zh_TW/a.md',
      options: { style: 'consistent' },
    },
  ],
  invalid: [
    {
      code: '所谓「镜像」，就是『层』的组合。\n',
      errors: [
        { line: 1, column: 3, endColumn: 7, message: 'Unexpected `「…」` in zh-Hans text, expected `“…”`' },
        { line: 1, column: 10, endColumn: 13, message: 'Unexpected `『…』` in zh-Hans text, expected `‘…’`' },
      ],
      output: '所谓“镜像”，就是‘层’的组合。\n',
    },
    {
      code: '所謂“鏡像”\n',
      locale: 'zh-TW',
      errors: [{ line: 1, column: 3, message: 'Unexpected `“…”` in zh-TW text, expected `「…」`' }],
      output: '所謂「鏡像」\n',
    },
    {
      name: 'straight quotes around Chinese',
      code: '提及 "字符串" 时\n',
      errors: [{ line: 1, column: 4, endColumn: 9, message: 'Unexpected `"…"` in zh-Hans text, expected `“…”`' }],
      output: '提及 “字符串” 时\n',
    },
    {
      name: 'the exceptions to the book’s dominant style (`consistent`)',
      files: { 'a.md': '所谓“镜像”\n', 'b.md': '「容器」和「仓库」\n' },
      path: 'a.md',
      options: { style: 'consistent' },
      errors: [{ line: 1, column: 3, endColumn: 7, message: 'Unexpected `“…”` in zh-Hans text, expected `「…」`' }],
      output: '所谓「镜像」\n',
    },
    {
      name: 'a curly mark closed by a straight one',
      code: '他说“你好"，然后离开。\n',
      errors: [{ line: 1, column: 6, endColumn: 7, message: 'Unexpected `"` closing `“`, expected `”`' }],
      output: '他说“你好”，然后离开。\n',
    },
    {
      name: 'an unclosed mark is never paired with a later one',
      code: '他说“你好，然后说“再见”。\n',
      errors: [{ line: 1, column: 3, endColumn: 4, message: 'Unexpected unclosed `“`, expected a closing `”`' }],
      output: null,
    },
    {
      name: 'a corner mark closed by a curly one',
      code: '所謂「鏡像”，就是\n',
      locale: 'zh-TW',
      errors: [{ line: 1, column: 6, endColumn: 7, message: 'Unexpected `”` closing `「`, expected `」`' }],
      output: '所謂「鏡像」，就是\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n「𠮷」\r\n',
      errors: [{ line: 2, column: 1, endColumn: 5, message: 'Unexpected `「…」` in zh-Hans text, expected `“…”`' }],
      output: '第一行\r\n“𠮷”\r\n',
    },
  ],
});
