import rule from '../../src/structure/autolink-swallows-cjk.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    '见 https://example.com/a 中文说明\n',
    '见 <https://example.com/a>中文说明\n',
    '见[链接](https://example.com/a)中文说明\n',
    '见 https://zh.wikipedia.org/wiki/镜像 的说明\n',
    '`https://example.com/a中文` 在代码里\n',
  ],
  invalid: [
    {
      code: '见 https://example.com/a中文说明\n',
      errors: [{ line: 1, column: 24, endLine: 1, endColumn: 28, message: 'Unexpected `中文说明` inside the bare URL `https://example.com/a中文说明`, expected a space (or `<…>`) to end the URL before `中文说明`' }],
      output: '见 https://example.com/a 中文说明\n',
    },
    {
      name: 'full-width punctuation after a Chinese path, www literal (CRLF, 𠮷)',
      code: '𠮷 https://zh.wikipedia.org/wiki/镜像，更多\r\n\r\n见 www.docker.com。\r\n',
      errors: [
        { line: 1, column: 36, endLine: 1, endColumn: 39, message: 'Unexpected `，更多` inside the bare URL `https://zh.wikipedia.org/wiki/镜像，更多`, expected a space (or `<…>`) to end the URL before `，更多`' },
        { line: 3, column: 17, endLine: 3, endColumn: 18, message: 'Unexpected `。` inside the bare URL `www.docker.com。`, expected a space (or `<…>`) to end the URL before `。`' },
      ],
      output: '𠮷 https://zh.wikipedia.org/wiki/镜像 ，更多\r\n\r\n见 www.docker.com 。\r\n',
    },
  ],
});
