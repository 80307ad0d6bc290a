import rule from '../../src/structure/definition-unused.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '[//]: # (这是注释)\n\n[comment]: <> (这也是注释)\n\n正文\n',
    '见[官网][docker]、[Docker][]、[docker]。\n\n[docker]: https://www.docker.com\n',
    '![图][logo]\n\n[LOGO]: logo.png\n',
  ],
  invalid: [
    {
      code: '见[官网][docker]。\n\n[docker]: https://www.docker.com\n[compose]: https://docs.docker.com\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 35, message: 'Unexpected unused definition `[compose]`, expected a reference to it or no definition' }],
    },
    {
      name: 'CRLF, 𠮷',
      code: '𠮷\r\n\r\n[𠮷]: https://x.org\r\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 20, message: 'Unexpected unused definition `[𠮷]`, expected a reference to it or no definition' }],
    },
  ],
});
