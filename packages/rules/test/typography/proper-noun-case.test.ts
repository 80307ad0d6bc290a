import rule from '../../src/typography/proper-noun-case.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '在 GitHub 上使用 JavaScript 和 macOS。\n',
    '运行 docker-compose 或 docker，访问 github.com 和 `github`。\n',
    '见 [链接](https://github.com/javascript) 与 node_modules/github/x.md\n',
    'NGINX 示例配置与 Cisco IOS\n',
    '{% youtube abc %}\n',
    { code: '在 Github 上\n', options: { names: ['GitLab'] } },
  ],
  invalid: [
    {
      code: '在 Github 上使用 Javascript 和 MacOS。\n',
      errors: [
        { line: 1, column: 3, endColumn: 9, message: 'Unexpected `Github`, expected `GitHub`' },
        { line: 1, column: 14, endColumn: 24, message: 'Unexpected `Javascript`, expected `JavaScript`' },
        { line: 1, column: 27, endColumn: 32, message: 'Unexpected `MacOS`, expected `macOS`' },
      ],
      output: '在 GitHub 上使用 JavaScript 和 macOS。\n',
    },
    {
      name: 'link text is prose',
      code: '见 [Github](https://github.com)\n',
      errors: [{ line: 1, column: 4, message: 'Unexpected `Github`, expected `GitHub`' }],
      output: '见 [GitHub](https://github.com)\n',
    },
    {
      name: 'CRLF and a surrogate pair',
      code: '第一行\r\n𠮷 Github\r\n',
      errors: [{ line: 2, column: 4, endColumn: 10, message: 'Unexpected `Github`, expected `GitHub`' }],
      output: '第一行\r\n𠮷 GitHub\r\n',
    },
  ],
});
