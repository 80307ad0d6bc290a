import rule from '../../src/structure/fence-unclosed.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: ['````markdown\n```sh\nls\n```\n````\n', '```sh\ndocker run hello-world\n```\n', '~~~~\ncode\n~~~~~\n', '> ```\n> code\n> ```\n', '    indented code\n'],
  invalid: [
    {
      name: 'a fence opener with an info string inside an open block',
      code: '```sh\ndocker ps\n\n正文\n\n```json\n{}\n```\n',
      errors: [{ line: 6, column: 1, endLine: 6, endColumn: 8, message: 'Unexpected code fence ` ```json ` inside the code block opened on line 1, expected a closing ` ``` ` before it' }],
    },
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
