import rule from '../../src/structure/heading-empty.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: ['## 安装\n', '## ![logo](logo.png)\n', '正文 ## 不是标题\n'],
  invalid: [
    {
      code: '# 标题\n\n##\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 3, message: 'Unexpected empty level-2 heading, expected heading text' }],
    },
    {
      name: 'only an explicit id; closing hashes (CRLF, 𠮷)',
      code: '𠮷\r\n\r\n### {#id}\r\n\r\n#### ####\r\n',
      errors: [
        { line: 3, column: 1, endLine: 3, endColumn: 10, message: 'Unexpected empty level-3 heading, expected heading text' },
        { line: 5, column: 1, endLine: 5, endColumn: 10, message: 'Unexpected empty level-4 heading, expected heading text' },
      ],
    },
  ],
});
