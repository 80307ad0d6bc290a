import rule from '../../src/structure/link-missing-scheme.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '见[官网](https://www.docker.com)。\n',
    '见[安装](install.md)、[图](./a.png)、[根](/docs/x)。\n',
    { name: 'a real file that looks like a host', files: { 'a.md': '[x](notes.io/readme.md)\n', 'notes.io/readme.md': '' } },
    '`[x](www.docker.com)` in code\n',
    '[x](docker.md) [y](compose.yml)\n',
  ],
  invalid: [
    {
      code: '见[官网](www.docker.com)。\n',
      errors: [{ line: 1, column: 7, endLine: 1, endColumn: 21, message: 'Unexpected link `www.docker.com` without a scheme, expected `https://www.docker.com`' }],
      output: '见[官网](https://www.docker.com)。\n',
    },
    {
      name: 'a path on a known host, a definition (CRLF, 𠮷)',
      code: '𠮷[源码](github.com/yeasy/docker_practice)\r\n\r\n[d]: <docs.docker.com/engine/>\r\n',
      errors: [
        { line: 1, column: 8, endLine: 1, endColumn: 40, message: 'Unexpected link `github.com/yeasy/docker_practice` without a scheme, expected `https://github.com/yeasy/docker_practice`' },
        { line: 3, column: 7, endLine: 3, endColumn: 30, message: 'Unexpected link `docs.docker.com/engine/` without a scheme, expected `https://docs.docker.com/engine/`' },
      ],
      output: '𠮷[源码](https://github.com/yeasy/docker_practice)\r\n\r\n[d]: <https://docs.docker.com/engine/>\r\n',
    },
  ],
});

testRule(rule, {
  valid: [
    { name: 'a script whose extension is also a top-level domain is a file, not a web address', code: '见[脚本](setup.sh)。\n' },
  ],
  invalid: [
    {
      name: 'with `www.` or a path, such a domain is a web address',
      code: '见[站点](example.sh/docs)。\n',
      errors: [{ line: 1, column: 7, endColumn: 22, message: 'Unexpected link `example.sh/docs` without a scheme, expected `https://example.sh/docs`' }],
      output: '见[站点](https://example.sh/docs)。\n',
    },
  ],
});
