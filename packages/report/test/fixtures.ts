import type { Finding } from '@tongwen/book';
import type { FormatContext } from '@tongwen/report';

/** Three findings (error, warning with a cause, info after a surrogate pair) and the lines they point at. */
export const findings: Finding[] = [
  { ruleId: 'link-missing-file', severity: 'error', file: 'a/章节.md', line: 3, column: 2, endLine: 3, endColumn: 17, message: 'Unexpected link to missing file `instal.md`', fingerprint: '0123456789abcdef' },
  { ruleId: 'contents-orphan', severity: 'warning', file: 'b.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected file `b.md` missing from the contents list `SUMMARY.md`', fingerprint: 'fedcba9876543210', cause: { file: 'SUMMARY.md', line: 1, column: 1 } },
  { ruleId: 'zh-tw-vocabulary', severity: 'info', file: 'b.md', line: 12, column: 7, endLine: 12, endColumn: 9, message: 'Unexpected `數據`, expected `資料`', fingerprint: '1111111111111111', fix: [{ start: 1, end: 2, text: 'x' }] },
];

export const context: FormatContext = {
  tool: { name: 'tongwen', version: '1.2.3' },
  rules: [
    { id: 'link-missing-file', family: 'structure', description: 'Links point at files that exist', fixable: false, severity: 'error', docs: 'packages/rules/docs/link-missing-file.md' },
    { id: 'contents-orphan', family: 'structure', description: 'Every chapter is in the contents list', fixable: false, severity: 'warning' },
  ],
  sources: { 'a/章节.md': { 3: '见[安装](instal.md)。' }, 'b.md': { 1: '# 乙', 12: '𠮷野家說：數據' } },
};
