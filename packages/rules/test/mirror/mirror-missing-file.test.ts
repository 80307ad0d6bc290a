import rule from '../../src/mirror/mirror-missing-file.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

testRule(rule, {
  valid: [
    { name: 'every source file has its mirror', files: { 'zh-hans/a.md': '# 安装\n', 'zh-tw/a.md': '# 安裝\n' }, settings },
    { name: 'a moved file is followed by its name', files: { 'zh-hans/linux/tar.md': '# tar\n', 'zh-tw/common/tar.md': '# tar\n' }, settings },
    { name: 'no mirrors configured', files: { 'zh-hans/a.md': '# 安装\n' } },
    {
      name: 'a partial mirror (some pages translated by design) misses pages without a finding',
      files: { 'zh-hans/a.md': '# 安装\n', 'zh-hans/b.md': '# 配置\n', 'zh-hans/c.md': '# 部署\n', 'zh-tw/a.md': '# 安裝\n' },
      settings: { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const, partial: true }] },
    },
    { name: 'a generated mirror is left to convert --check', files: { 'zh-hans/a.md': '# 安装\n' }, settings: { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'generated' as const }] } },
  ],
  invalid: [
    {
      name: 'a source file without a mirror',
      files: { 'zh-hans/a.md': '# 安装\n', 'zh-hans/b/c.md': '# 𠮷\r\n', 'zh-tw/a.md': '# 安裝\n' },
      settings,
      errors: [{ file: 'zh-hans/b/c.md', line: 1, column: 1, message: 'Unexpected source file `zh-hans/b/c.md` without a mirror, expected `zh-tw/b/c.md`' }],
    },
  ],
});
