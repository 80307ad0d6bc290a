import * as report from '@tongwen/report';
import { formatters, github, json, markdown, rdjson, sideOutputs, stylish } from '@tongwen/report';
import { describe, expect, it } from 'vitest';
import { context, findings } from './fixtures.js';

describe('@tongwen/report', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(report).sort()).toEqual(['displayWidth', 'formatNames', 'formatters', 'github', 'html', 'json', 'junit', 'loadFormatter', 'markdown', 'rdjson', 'sarif', 'sideOutputs', 'stylish', 'summarize', 'terminalFormats']);
    expect(report.formatNames).toEqual(['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'rdjson', 'html']);
  });

  it('loadFormatter: the formatter of each name (the same function as `formatters`), undefined for an unknown name', async () => {
    expect(Object.keys(formatters)).toEqual(report.formatNames);
    for (const name of report.formatNames) expect(await report.loadFormatter(name)).toBe(formatters[name]);
    expect(await report.loadFormatter('toString')).toBeUndefined();
    expect(await report.loadFormatter('xml')).toBeUndefined();
  });

  it('json: the version 1 contract with infos in the summary, parsed back', () => {
    const parsed = JSON.parse(json({ findings, files: 7 }, context));
    expect(parsed).toEqual({
      version: 1,
      tool: { name: 'tongwen', version: '1.2.3' },
      summary: { files: 7, errors: 1, warnings: 1, infos: 1 },
      findings: [
        { ruleId: 'link-missing-file', severity: 'error', file: 'a/章节.md', line: 3, column: 2, endLine: 3, endColumn: 17, message: 'Unexpected link to missing file `instal.md`', fingerprint: '0123456789abcdef' },
        { ruleId: 'contents-orphan', severity: 'warning', file: 'b.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Unexpected file `b.md` missing from the contents list `SUMMARY.md`', fingerprint: 'fedcba9876543210', cause: { file: 'SUMMARY.md', line: 1, column: 1 } },
        { ruleId: 'zh-tw-vocabulary', severity: 'info', file: 'b.md', line: 12, column: 7, endLine: 12, endColumn: 9, message: 'Unexpected `數據`, expected `資料`', fingerprint: '1111111111111111', fixable: true },
      ],
    });
  });

  it('stylish: clickable paths from the current folder, code frames underlined by display width, infos counted', () => {
    expect(stylish({ findings, files: 7 }, { ...context, pathPrefix: 'docs' })).toBe(
      [
        'docs/a/章节.md:3:2  error  Unexpected link to missing file `instal.md`  link-missing-file',
        '  3 │ 见[安装](instal.md)。',
        '    │   ^^^^^^^^^^^^^^^^^',
        '',
        'docs/b.md:1:1  warning  Unexpected file `b.md` missing from the contents list `SUMMARY.md`  contents-orphan',
        '  1 │ # 乙',
        '    │ ^',
        '  ↳ docs/SUMMARY.md:1:1',
        '',
        'docs/b.md:12:7  info  Unexpected `數據`, expected `資料`  zh-tw-vocabulary',
        '  12 │ 𠮷野家說：數據',
        '     │           ^^^^',
        '',
        '✖ 1 error, 1 warning, 1 info in 7 files checked',
        '',
      ].join('\n'),
    );
  });

  it('stylish: cuts a long line around the span and never prints control characters', () => {
    const line = `${'中'.repeat(60)}\u001B[31m错${'文'.repeat(60)}`;
    const finding = { ...findings[0]!, file: 'c.md', line: 1, column: 66, endLine: 1, endColumn: 67 };
    const out = stylish({ findings: [finding], files: 1 }, { ...context, sources: { 'c.md': { 1: line } } }).split('\n');
    expect(out[1]).toBe(`  1 │ …${'中'.repeat(13)}\uFFFD[31m错${'文'.repeat(16)}…`);
    expect(out[2]).toBe(`    │ ${' '.repeat(1 + 26 + 5)}^^`);
  });

  it('stylish: a line of megabytes is read only around each span (a frame per finding, each the same as on a short line)', () => {
    const line = `${'中'.repeat(1_000_000)}错${'文'.repeat(1_000_000)}`;
    const spans = Array.from({ length: 200 }, (_, i) => ({ ...findings[0]!, file: 'c.md', line: 1, column: 1_000_001 - i, endLine: 1, endColumn: 1_000_002 - i }));
    const out = stylish({ findings: spans, files: 1 }, { ...context, sources: { 'c.md': { 1: line } } }).split('\n');
    expect(out[1]).toBe(`  1 │ …${'中'.repeat(16)}错${'文'.repeat(16)}…`);
    expect(out[2]).toBe(`    │ ${' '.repeat(1 + 32)}^^`);
    expect(out.filter((text) => text.startsWith('  1 │ …')).length).toBe(200);
  });

  it('stylish: colours only when asked', () => {
    expect(stylish({ findings: [], files: 1 }, { ...context, color: true })).toBe('\u001B[32m✔\u001B[0m 0 errors, 0 warnings in 1 file checked\n');
  });

  it('github: every finding in the log, percent-encoded annotations, a job summary as a side output', () => {
    const tricky = { ...findings[0]!, file: 'a,b:c.md', message: 'Unexpected 100%\r\n::error::x' };
    expect(github({ findings: [tricky, findings[2]!], files: 2 }, context)).toBe(
      [
        '::group::tongwen: 2 findings',
        'a,b:c.md:3:2  error  Unexpected 100%\uFFFD\uFFFD::error::x  link-missing-file',
        'b.md:12:7  info  Unexpected `數據`, expected `資料`  zh-tw-vocabulary',
        '::endgroup::',
        '::error file=a%2Cb%3Ac.md,line=3,col=2,endLine=3,endColumn=17,title=tongwen(link-missing-file)::Unexpected 100%25%0D%0A::error::x',
        '::notice file=b.md,line=12,col=7,endLine=12,endColumn=9,title=tongwen(zh-tw-vocabulary)::Unexpected `數據`, expected `資料`',
        'tongwen: 1 error, 0 warnings, 1 info in 2 files checked',
        '',
      ].join('\n'),
    );
    expect(sideOutputs('github', { findings, files: 7 }, context)).toEqual([]);
    expect(sideOutputs('github', { findings, files: 7 }, { ...context, stepSummaryFile: '/tmp/summary.md' })).toEqual([{ file: '/tmp/summary.md', text: markdown({ findings, files: 7 }, { ...context, stepSummaryFile: '/tmp/summary.md' }), append: true }]);
  });

  it('markdown: counts, a table per rule, findings grouped by file, escaped, cut with a count', () => {
    const evil = { ...findings[1]!, message: 'Unexpected <img src=x> @someone *x* in `<b>`' };
    const out = markdown({ findings: [findings[0]!, evil, findings[2]!], files: 7 }, { ...context, maxFindings: 2, linkBase: 'https://github.com/o/r/blob/abc' });
    expect(out).toBe(
      [
        '### ❌ tongwen: 1 error, 1 warning, 1 info in 7 files checked',
        '',
        '| Rule | Errors | Warnings | Infos |',
        '| --- | ---: | ---: | ---: |',
        '| `contents-orphan` | 0 | 1 | 0 |',
        '| `link-missing-file` | 1 | 0 | 0 |',
        '| `zh-tw-vocabulary` | 0 | 0 | 1 |',
        '',
        '**a/章节.md**',
        '',
        '- ❌ [3:2](https://github.com/o/r/blob/abc/a/%E7%AB%A0%E8%8A%82.md#L3) Unexpected link to missing file `instal.md` (`link-missing-file`)',
        '',
        '**b.md**',
        '',
        '- ⚠️ [1:1](https://github.com/o/r/blob/abc/b.md#L1) Unexpected \\<img src=x\\> @\u200Bsomeone \\*x\\* in `<b>` (`contents-orphan`)',
        '',
        '… and 1 more finding not shown.',
        '',
      ].join('\n'),
    );
    expect(markdown({ findings: [], files: 3 }, context)).toBe('### ✅ tongwen: 0 errors, 0 warnings in 3 files checked\n');
  });

  it('rdjson: reviewdog diagnostics with UTF-8 byte columns', () => {
    const parsed = JSON.parse(rdjson({ findings, files: 7 }, context));
    expect(parsed.source).toEqual({ name: 'tongwen' });
    expect(parsed.diagnostics.map((d: { location: unknown }) => d.location)).toEqual([
      { path: 'a/章节.md', range: { start: { line: 3, column: 4 }, end: { line: 3, column: 23 } } },
      { path: 'b.md', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } },
      { path: 'b.md', range: { start: { line: 12, column: 17 }, end: { line: 12, column: 23 } } },
    ]);
    expect(parsed.diagnostics[1]).toMatchObject({ severity: 'WARNING', code: { value: 'contents-orphan' }, related_locations: [{ location: { path: 'SUMMARY.md' } }] });
    expect(parsed.diagnostics[2].severity).toBe('INFO');
  });

  it('is pure: the same input gives the same output', () => {
    for (const format of Object.values(formatters)) expect(format({ findings, files: 7 }, context)).toBe(format({ findings, files: 7 }, context));
  });
});
