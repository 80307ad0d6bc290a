import rule from '../../src/structure/reference-undefined.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'JSX and expressions of an MDX chapter are not prose', path: 'a.mdx', code: '见<Link to="[a][b]">文档</Link>与{"[c][d]"}。\n\n[x]: https://example.com\n' },
    { name: 'bracketed tags in a chapter without definitions', code: '看[youtube][有字幕]的视频。\n' },
    '见[官网][docker]。\n\n[docker]: https://www.docker.com\n',
    '见[Docker][]。\n\n[docker]: https://www.docker.com\n',
    '数组 a[0][1] 与 m[i][j] 是下标。\n',
    '`[x][y]` 和\n\n```\n[x][y]\n```\n',
    '\\[x][y] 已转义。\n',
    '[方括号] 是普通标点。\n',
  ],
  invalid: [
    {
      name: 'a Latin label in a chapter without definitions',
      code: '见[文档][docs]。\n',
      errors: [{ line: 1, column: 2, endLine: 1, endColumn: 12, message: 'Unexpected reference `[文档][docs]` to undefined label `docs`, expected a definition `[docs]: url`' }],
    },
    {
      code: '见[文档][docs]。\n',
      errors: [{ line: 1, column: 2, endLine: 1, endColumn: 12, message: 'Unexpected reference `[文档][docs]` to undefined label `docs`, expected a definition `[docs]: url`' }],
    },
    {
      name: 'collapsed, image, emphasis inside (CRLF, 𠮷)',
      code: '𠮷[官网][]\r\n\r\n![图][logo] 与 [**粗**][x]\r\n',
      errors: [
        { line: 1, column: 3, endLine: 1, endColumn: 9, message: 'Unexpected reference `[官网][]` to undefined label `官网`, expected a definition `[官网]: url`' },
        { line: 3, column: 1, endLine: 3, endColumn: 11, message: 'Unexpected reference `![图][logo]` to undefined label `logo`, expected a definition `[logo]: url`' },
        { line: 3, column: 14, endLine: 3, endColumn: 24, message: 'Unexpected reference `[**粗**][x]` to undefined label `x`, expected a definition `[x]: url`' },
      ],
    },
    {
      name: 'in a heading and a table cell',
      code: '## 见[a][b]\n\n| x |\n| - |\n| [c][d] |\n',
      errors: [
        { line: 1, column: 5, endLine: 1, endColumn: 11, message: 'Unexpected reference `[a][b]` to undefined label `b`, expected a definition `[b]: url`' },
        { line: 5, column: 3, endLine: 5, endColumn: 9, message: 'Unexpected reference `[c][d]` to undefined label `d`, expected a definition `[d]: url`' },
      ],
    },
  ],
});
