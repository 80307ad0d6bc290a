import { parseChapter } from '@tongwen/book';
import { sectionsOf, type MirrorBasis } from '@tongwen/rules';
import rule from '../../src/mirror/mirror-stale.js';
import { testRule } from '@tongwen/test-utils';
const settings = { mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'human' as const }] };

const before = '# 标题\n\n简介。\n\n## 安装\n\n运行 npm。\n\n## 配置\n\n编辑文件。\n';
const after = before.replace('运行 npm。', '运行 pnpm。');
const mirror = '# 標題\n\n簡介。\n\n## 安裝\n\n執行 npm。\n\n## 設定\n\n編輯檔案。\n';
const hashes = sectionsOf(parseChapter('zh-hans/a.md', before)).map((section) => section.hash);
const history = (basis: Partial<MirrorBasis>) => new Map([['zh-tw/a.md', { kind: 'stamp' as const, source: 'zh-hans/a.md', sections: hashes, ...basis }]]);

testRule(rule, {
  valid: [
    { name: 'the source unchanged since the stamp', files: { 'zh-hans/a.md': before, 'zh-tw/a.md': mirror }, settings, mirrorHistory: history({}) },
    { name: 'no history: nothing to compare', files: { 'zh-hans/a.md': after, 'zh-tw/a.md': mirror }, settings },
  ],
  invalid: [
    {
      name: 'one source section changed since the stamp',
      files: { 'zh-hans/a.md': after, 'zh-tw/a.md': mirror },
      settings,
      mirrorHistory: history({}),
      errors: [{ file: 'zh-tw/a.md', line: 5, column: 1, message: 'Unexpected stale section `## 安裝`, expected it in step with source section `## 安装` of `zh-hans/a.md` changed since the stamp' }],
    },
    {
      name: 'a retitled source section is info',
      files: { 'zh-hans/a.md': before.replace('## 配置', '## 设置'), 'zh-tw/a.md': mirror },
      settings,
      mirrorHistory: history({}),
      errors: [{ file: 'zh-tw/a.md', line: 9, column: 1, severity: 'info', message: 'Unexpected heading `## 設定` of a retitled source section `## 设置` of `zh-hans/a.md` (retitled since the stamp), expected the heading reviewed' }],
    },
    {
      name: 'since the mirror\'s last commit, with the source\'s commits; a moved source',
      files: { 'zh-hans/new/a.md': after, 'zh-tw/a.md': mirror },
      settings,
      mirrorHistory: new Map([['zh-tw/a.md', { kind: 'git' as const, source: 'zh-hans/a.md', sections: hashes, commit: 'abc1234', commits: ['def5678 Use pnpm'] }]]),
      errors: [
        { file: 'zh-tw/a.md', line: 1, column: 1, severity: 'info', message: 'Unexpected source `zh-hans/new/a.md` moved from `zh-hans/a.md` since commit abc1234: def5678, expected the mirror stamped again' },
        { file: 'zh-tw/a.md', line: 5, column: 1, message: 'Unexpected stale section `## 安裝`, expected it in step with source section `## 安装` of `zh-hans/new/a.md` changed since commit abc1234: def5678' },
      ],
    },
  ],
});
