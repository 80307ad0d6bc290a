import rule from '../../src/typography/zh-punctuation-repeated.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '先安装，再运行。\n',
    { name: 'emphasis and ellipses are not slips', code: '真的吗？！太好了！！等等。。。\n' },
    { name: 'Latin and code', code: 'Use a, b; c: d. 运行 `a，，b` 即可。\n' },
    { name: 'a closing bracket or quote between two marks', code: '见（附录），以及“说明”。\n' },
    { name: 'the marks themselves, listed', code: '统一使用全角字符：，。；：！？\n' },
    { name: 'a half-width colon that starts an address or a path', code: '监听地址：:8080。\n' },
  ],
  invalid: [
    {
      code: '先安装，，再运行。\n',
      errors: [{ line: 1, column: 4, endColumn: 6, message: 'Unexpected repeated `，，`, expected one `，`' }],
      output: '先安装，再运行。\n',
    },
    {
      name: 'a half-width mark beside its full-width form',
      code: '注意：:这很重要。\n',
      errors: [{ line: 1, column: 3, endColumn: 5, message: 'Unexpected repeated `：:`, expected one `：`' }],
      output: '注意：这很重要。\n',
    },
    {
      name: 'two different marks are reported, not fixed (CRLF, 𠮷)',
      code: '第一行\r\n𠮷，。再运行\r\n',
      errors: [{ line: 2, column: 3, endColumn: 5, message: 'Unexpected `，。` (punctuation marks in a row), expected one of them' }],
      output: null,
    },
    {
      name: 'a half-width mark beside another full-width one is reported, not fixed',
      code: '先安装，;再运行。\n',
      errors: [{ line: 1, column: 4, endColumn: 6, message: 'Unexpected `，;` (punctuation marks in a row), expected one of them' }],
      output: null,
    },
  ],
});
