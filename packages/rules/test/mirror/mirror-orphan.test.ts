import rule from '../../src/mirror/mirror-orphan.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [
    { name: 'every mirror file has its source', files: { 'zh-hans/a.md': '# 安装\n', 'zh-tw/a.md': '# 安裝\n' }, settings },
    { name: 'a moved source is followed by its code', files: { 'zh-hans/new.md': '# 新\n\n```sh\nhexo server --port 4000\n```\n', 'zh-tw/old.md': '# 舊\n\n```sh\nhexo server --port 4000\n```\n' }, settings },
  ],
  invalid: [
    {
      name: 'a mirror file whose source is gone',
      files: { 'zh-hans/a.md': '# 安装\n', 'zh-tw/a.md': '# 安裝\n', 'zh-tw/old.md': '# 舊\n' },
      settings,
      errors: [{ file: 'zh-tw/old.md', line: 1, column: 1, message: 'Unexpected mirror file `zh-tw/old.md` without a source, expected `zh-hans/old.md`' }],
    },
    {
      name: 'the stamp names the source it was made from',
      files: { 'zh-hans/a.md': '# 安装\n', 'zh-tw/a.md': '# 安裝\n', 'zh-tw/old.md': '# 舊\n' },
      settings,
      mirrorHistory: new Map([['zh-tw/old.md', { kind: 'stamp' as const, source: 'zh-hans/older.md', sections: [] }]]),
      errors: [{ file: 'zh-tw/old.md', line: 1, column: 1, message: 'Unexpected mirror file `zh-tw/old.md` without a source (made from `zh-hans/older.md`, now deleted or moved), expected `zh-hans/older.md`' }],
    },
  ],
});
