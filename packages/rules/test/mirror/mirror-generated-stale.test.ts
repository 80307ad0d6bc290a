import rule from '../../src/mirror/mirror-generated-stale.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'generated' as const }] };
const files = { 'zh-hans/a.md': '# 安装\n', 'zh-tw/a.md': '# 安裝\n' };

testRule(rule, {
  valid: [
    { name: 'a mirror in step: no drift read', files, settings, mirrorDrift: [] },
    { name: 'no manifest read: nothing judged', files, settings },
  ],
  invalid: [
    {
      name: 'the source changed since the conversion',
      files,
      settings,
      mirrorDrift: [{ state: 'source-changed', source: 'zh-hans/a.md', mirror: 'zh-tw/a.md' }],
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 1, message: 'Unexpected generated mirror file `zh-tw/a.md` older than its source `zh-hans/a.md`, expected it converted again (`tongwen convert`)' }],
    },
    {
      name: 'the output edited by hand',
      files,
      settings,
      mirrorDrift: [{ state: 'hand-edited', source: 'zh-hans/a.md', mirror: 'zh-tw/a.md' }],
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 1, message: 'Unexpected hand edit in generated mirror file `zh-tw/a.md`, expected the text `tongwen convert` wrote from `zh-hans/a.md` (edit the source, then convert)' }],
    },
    {
      name: 'a source without its output, reported on the source',
      files: { 'zh-hans/a.md': '# 安装\n' },
      settings,
      mirrorDrift: [{ state: 'missing', source: 'zh-hans/a.md', mirror: 'zh-tw/a.md' }],
      errors: [{ file: 'zh-hans/a.md', line: 1, column: 1, message: 'Unexpected source file `zh-hans/a.md` without its generated mirror file, expected `zh-tw/a.md` (`tongwen convert`)' }],
    },
    {
      name: 'an output without a source',
      files: { 'zh-tw/a.md': '# 安裝\n' },
      settings,
      mirrorDrift: [{ state: 'extra', source: 'zh-hans/a.md', mirror: 'zh-tw/a.md' }],
      errors: [{ file: 'zh-tw/a.md', line: 1, column: 1, message: 'Unexpected file `zh-tw/a.md` in a generated mirror without a source, expected `zh-hans/a.md` or no such file' }],
    },
  ],
});
