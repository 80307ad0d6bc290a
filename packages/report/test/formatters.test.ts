import type { Finding } from '@tongwen/book';
import * as report from '@tongwen/report';
import { formatters, json, stylish } from '@tongwen/report';
import { describe, expect, it } from 'vitest';

const findings: Finding[] = [
  { ruleId: 'link-missing-file', severity: 'error', file: 'a/章节.md', line: 3, column: 2, endLine: 3, endColumn: 17, message: 'Unexpected link to missing file `x.md`', fingerprint: '0123456789abcdef' },
  { ruleId: 'contents-orphan', severity: 'warning', file: 'b.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected file `b.md` missing from the contents list `SUMMARY.md`', fingerprint: 'fedcba9876543210', cause: { file: 'SUMMARY.md', line: 1, column: 1 } },
  { ruleId: 'zh-tw-vocabulary', severity: 'info', file: 'b.md', line: 12, column: 10, endLine: 12, endColumn: 12, message: 'Unexpected `數據`, expected `資料`', fingerprint: '1111111111111111', fix: [{ start: 1, end: 2, text: 'x' }] },
];
const context = { tool: { name: 'tongwen', version: '1.2.3' } };

describe('@tongwen/report', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(report).sort()).toEqual(['displayWidth', 'formatNames', 'formatters', 'json', 'stylish', 'summarize']);
  });

  it('json: the version 1 contract, parsed back', () => {
    const parsed = JSON.parse(json({ findings, files: 7 }, context));
    expect(parsed).toEqual({
      version: 1,
      tool: { name: 'tongwen', version: '1.2.3' },
      summary: { files: 7, errors: 1, warnings: 1 },
      findings: [
        { ruleId: 'link-missing-file', severity: 'error', file: 'a/章节.md', line: 3, column: 2, endLine: 3, endColumn: 17, message: 'Unexpected link to missing file `x.md`', fingerprint: '0123456789abcdef' },
        { ruleId: 'contents-orphan', severity: 'warning', file: 'b.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected file `b.md` missing from the contents list `SUMMARY.md`', fingerprint: 'fedcba9876543210', cause: { file: 'SUMMARY.md', line: 1, column: 1 } },
        { ruleId: 'zh-tw-vocabulary', severity: 'info', file: 'b.md', line: 12, column: 10, endLine: 12, endColumn: 12, message: 'Unexpected `數據`, expected `資料`', fingerprint: '1111111111111111', fixable: true },
      ],
    });
  });

  it('stylish: grouped by file, aligned by display width, with a summary line', () => {
    expect(stylish({ findings, files: 7 }, context)).toBe(
      [
        'a/章节.md',
        '  3:2  error  Unexpected link to missing file `x.md`  link-missing-file',
        '',
        'b.md',
        '  1:1    warning  Unexpected file `b.md` missing from the contents list `SUMMARY.md`  contents-orphan',
        '  12:10  info     Unexpected `數據`, expected `資料`                                  zh-tw-vocabulary',
        '',
        '✖ 1 error, 1 warning, 1 info in 7 files checked',
        '',
      ].join('\n'),
    );
  });

  it('stylish: colours only when asked', () => {
    expect(stylish({ findings: [], files: 1 }, { ...context, color: true })).toBe('\u001B[32m✔\u001B[0m 0 errors, 0 warnings in 1 file checked\n');
  });

  it('is pure: the same input gives the same output', () => {
    for (const format of Object.values(formatters)) expect(format({ findings, files: 7 }, context)).toBe(format({ findings, files: 7 }, context));
  });
});
