import rule from '../../src/structure/file-case-twin.js';
import { testRule } from '@tongwen/test-utils';

testRule(rule, {
  valid: [
    { name: 'distinct names', files: { 'SUMMARY.md': '* [简介](intro.md)\n', 'intro.md': '# 简介\n', 'setup.md': '# 安装\n', 'docs/intro.md': '# 简介\n' } },
  ],
  invalid: [
    {
      name: 'Intro.md and intro.md, Images/ and images/, a twin in normalisation',
      files: {
        'SUMMARY.md': '* [简介](intro.md)\n',
        'Intro.md': '# 简介\n',
        'intro.md': '# 简介\n',
        'Images/a.png': '',
        'images/a.png': '',
        'caf\u00e9.md': '# 𠮷\n',
        'cafe\u0301.md': '# 𠮷\n',
      },
      errors: [
        { file: 'caf\u00e9.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected file `caf\u00e9.md` whose path differs from `cafe\u0301.md` only in letter case, expected paths that differ on case-insensitive file systems (macOS, Windows)' },
        { file: 'images/a.png', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected file `images/a.png` whose path differs from `Images/a.png` only in letter case, expected paths that differ on case-insensitive file systems (macOS, Windows)' },
        { file: 'intro.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected file `intro.md` whose path differs from `Intro.md` only in letter case, expected paths that differ on case-insensitive file systems (macOS, Windows)' },
      ],
    },
  ],
});
