import rule from '../../src/typography/zh-space-around-fullwidth.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '使用 `docker run`，然后（可选）查看日志。\n',
    '见 https://docker.com/ ，然后\n',
    '复制 **上下文（context）** 目录\n',
    { name: 'a separator symbol keeps its spaces', code: '**WSL 2（推荐）** - 新手首选\n\n为什么？ → 因为隔离。\n' },
    '输出 “Hello World” 后终止\n',
    '```\n容器 ，镜像\n```\n',
    { name: 'a space that sets off inline HTML', code: '用法见下文。 <sup class="badge">3.5+</sup>\n\n新增 <kbd>Ctrl</kbd> ，或者点击。\n' },
  ],
  invalid: [
    {
      code: '使用 `docker run` ，然后 （可选） 查看日志。\n',
      errors: [
        { line: 1, column: 16, endColumn: 17, message: 'Unexpected space before full-width `，`, expected none' },
        { line: 1, column: 20, endColumn: 21, message: 'Unexpected space before full-width `（`, expected none' },
        { line: 1, column: 25, endColumn: 26, message: 'Unexpected space after full-width `）`, expected none' },
      ],
      output: '使用 `docker run`，然后（可选）查看日志。\n',
    },
    {
      name: 'a chapter’s habit of spaces after sentence ends is reported once, on its first occurrence, with the count',
      code: '第一句。 第二句。 第三句！ 第四句。\n\n另一段。 还有。\n',
      errors: [{ line: 1, column: 5, endColumn: 6, message: 'Unexpected space after full-width `。` (a habit of this chapter: 4 times, reported here once), expected none' }],
      output: '第一句。第二句。第三句！第四句。\n\n另一段。还有。\n',
    },
    {
      name: 'each space of a habit with `sentenceSpace: "each"`',
      code: '第一句。 第二句。 第三句。\n',
      options: { sentenceSpace: 'each' },
      errors: [
        { line: 1, column: 5, endColumn: 6, message: 'Unexpected space after full-width `。`, expected none' },
        { line: 1, column: 10, endColumn: 11, message: 'Unexpected space after full-width `。`, expected none' },
      ],
      output: '第一句。第二句。第三句。\n',
    },
    {
      name: 'spaces after fewer than two thirds of the sentence ends are no habit: each is reported',
      code: '第一句。 第二句。 第三句。第四句。第五句。第六句。第七句。\n',
      errors: [
        { line: 1, column: 5, endColumn: 6, message: 'Unexpected space after full-width `。`, expected none' },
        { line: 1, column: 10, endColumn: 11, message: 'Unexpected space after full-width `。`, expected none' },
      ],
      output: '第一句。第二句。第三句。第四句。第五句。第六句。第七句。\n',
    },
    {
      name: 'curly quotes when asked',
      code: '输出 “你好” 后\n',
      options: { curlyQuotes: true },
      errors: [
        { line: 1, column: 3, message: 'Unexpected space before full-width `“`, expected none' },
        { line: 1, column: 8, message: 'Unexpected space after full-width `”`, expected none' },
      ],
      output: '输出“你好”后\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷 。\r\n',
      errors: [{ line: 2, column: 3, endColumn: 4, message: 'Unexpected space before full-width `。`, expected none' }],
      output: '第一行\r\n𠮷。\r\n',
    },
  ],
});
