import rule from '../../src/structure/contents-target-not-file.js';
import { testRule } from '@tongwen/test-utils';

const expected = (line: number, column: number, endColumn: number, target: string, title: string, why: string) => ({
  file: 'SUMMARY.md',
  line,
  column,
  endLine: line,
  endColumn,
  message: `Unexpected target \`${target}\` for entry \`${title}\`: ${why}, expected a path relative to the contents list (\`file.md\`)`,
});

testRule(rule, {
  valid: [
    { name: 'relative paths, anchors, folders', files: { 'SUMMARY.md': '# 目录\n\n* [简介](README.md)\n* [安装](install/README.md#linux)\n* [根](/README.md)\n* [标题]\n* 附录\n', 'README.md': '# 简介\n', 'install/README.md': '# 安装\n' } },
    { name: 'an mdBook draft', files: { 'SUMMARY.md': '# Summary\n\n- [简介](README.md)\n- [草稿]()\n', 'README.md': '# 简介\n' } },
  ],
  invalid: [
    {
      name: 'URLs, script and data URLs, Windows paths (CRLF, 𠮷)',
      files: {
        'SUMMARY.md': '# 目录\r\n\r\n* [𠮷](README.md)\r\n* [官网](https://example.com/a.md)\r\n* [邮件](mailto:a@example.com)\r\n* [脚本](javascript:alert(1))\r\n* [数据](data:text/html,hi)\r\n* [盘](C:\\\\book\\\\a.md)\r\n* [盘二](D:/book/a.md)\r\n* [共享](\\\\\\\\server\\\\a.md)\r\n',
        'README.md': '# 简介\n',
      },
      errors: [
        expected(4, 8, 32, 'https://example.com/a.md', '官网', 'a URL, not a file of the book'),
        expected(5, 8, 28, 'mailto:a@example.com', '邮件', 'a URL, not a file of the book'),
        expected(6, 8, 27, 'javascript:alert(1)', '脚本', "a script URL, run in the reader's browser"),
        expected(7, 8, 25, 'data:text/html,hi', '数据', 'a `data:` URL, not a file of the book'),
        expected(8, 7, 21, 'C:\\book\\a.md', '盘', 'an absolute Windows path, found only on one machine'),
        expected(9, 8, 20, 'D:/book/a.md', '盘二', 'an absolute Windows path, found only on one machine'),
        expected(10, 8, 24, '\\\\server\\a.md', '共享', 'an absolute Windows path, found only on one machine'),
      ],
    },
  ],
});
