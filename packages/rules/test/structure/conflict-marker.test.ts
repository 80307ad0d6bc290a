import rule from '../../src/structure/conflict-marker.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '标题\n=======\n',
    '```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n```\n',
    '    <<<<<<< HEAD\n    a\n',
    '<<<<<<<< eight\n',
  ],
  invalid: [
    {
      code: '<<<<<<< HEAD\n使用 `docker run` 启动。\n=======\n使用 `docker start` 启动。\n>>>>>>> feature\n',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 13, message: 'Unexpected merge-conflict marker `<<<<<<<`, expected the conflict resolved and the marker removed' },
        { line: 3, column: 1, endLine: 3, endColumn: 8, message: 'Unexpected merge-conflict marker `=======`, expected the conflict resolved and the marker removed' },
        { line: 5, column: 1, endLine: 5, endColumn: 16, message: 'Unexpected merge-conflict marker `>>>>>>>`, expected the conflict resolved and the marker removed' },
      ],
    },
    {
      name: 'CRLF, 𠮷',
      code: '𠮷\r\n<<<<<<<\r\n𠮷\r\n>>>>>>> 𠮷\r\n',
      errors: [
        { line: 2, column: 1, endLine: 2, endColumn: 8, message: 'Unexpected merge-conflict marker `<<<<<<<`, expected the conflict resolved and the marker removed' },
        { line: 4, column: 1, endLine: 4, endColumn: 11, message: 'Unexpected merge-conflict marker `>>>>>>>`, expected the conflict resolved and the marker removed' },
      ],
    },
  ],
});
