import rule from '../../src/structure/fence-unclosed.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: ['```sh\ndocker run hello-world\n```\n', '~~~~\ncode\n~~~~~\n', '> ```\n> code\n> ```\n', '    indented code\n'],
  invalid: [
    {
      code: '正文\n\n```sh\ndocker run hello-world\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 4, message: 'Unexpected unclosed code fence ` ``` `, expected a closing ` ``` ` before the end of its block' }],
    },
    {
      name: 'a shorter closing fence does not close (CRLF, 𠮷)',
      code: '𠮷\r\n\r\n~~~~\r\n𠮷\r\n~~~\r\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 5, message: 'Unexpected unclosed code fence `~~~~`, expected a closing `~~~~` before the end of its block' }],
    },
  ],
});
