/**
 * Bad input never ends the run: each case gets its message and exit code,
 * and the other files of the book are still checked (issue #16).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProgress } from '../src/convert/progress.js';
import { tempBook, tongwen } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A book of a bad chapter `a.md` and a good one `b.md` with one known finding. */
function book(bad: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}): string {
  const root = tempBook({ 'SUMMARY.md': '# 目录\n\n* [甲](a.md)\n* [乙](b.md)\n', 'a.md': bad, 'b.md': '# 乙\n\n正文,正文\n', ...extra });
  roots.push(root);
  return root;
}

async function findings(root: string, args: string[] = []): Promise<{ code: number; stderr: string; found: string[] }> {
  const { code, stdout, stderr } = await tongwen(['check', '.', '--no-cache', '--format', 'json', ...args], root);
  const report = JSON.parse(stdout || '{"findings":[]}') as { findings: { ruleId: string; file: string; message: string }[] };
  return { code, stderr, found: report.findings.map((f) => `${f.file} ${f.ruleId}: ${f.message}`) };
}

const other = 'b.md zh-punctuation-width: Unexpected half-width `,` between Chinese characters, expected `，`';

describe('a chapter that cannot be parsed becomes one finding; the others are checked', () => {
  it.each([
    ['5,000 nested block quotes', '>'.repeat(5000) + ' 深\n', 'block quotes and lists are nested more than 32 levels deep on line 3, expected at most 32'],
    ['4,000 nested list items', Array.from({ length: 4000 }, (_, i) => `${' '.repeat(Math.min(i, 200) * 2)}- 项`).join('\n') + '\n', 'block quotes and lists are nested more than 32 levels deep on line 67, expected at most 32'],
    ['emphasis nested 600 deep', '*'.repeat(600) + '深' + '*'.repeat(600) + '\n', 'its syntax tree is more than 256 levels deep, expected at most 256'],
  ])('%s', async (_, text, why) => {
    const { code, found } = await findings(book(`# 甲\n\n${text}`));
    expect(code).toBe(1);
    expect(found).toContain(`a.md chapter-unchecked: Unexpected chapter that cannot be checked: ${why}; expected a chapter within the limits (split it, or flatten its nesting)`);
    expect(found).toContain(other);
  });

  it('10,000 asterisks are checked as text', async () => {
    const { code, found } = await findings(book('# 甲\n\n' + '*'.repeat(10_000) + '\n'));
    expect(code).toBe(0);
    expect(found.filter((f) => f.startsWith('a.md'))).toEqual([]);
    expect(found).toContain(other);
  });
});

describe('convert: a chapter that cannot be converted is named, the others are converted', () => {
  const deep = '# 甲\n\n' + '>'.repeat(5000) + ' 简体中文\n';
  const why = 'block quotes and lists are nested more than 32 levels deep on line 3, expected at most 32; expected a chapter within the limits (split it, or flatten its nesting)';

  it('--out: one stderr line, exit 2, copied unchanged and reported again on the next run', async () => {
    const root = book(deep);
    const out = path.join(root, 'out');
    for (const run of [1, 2]) {
      const { code, stderr } = await tongwen(['convert', '.', '--to', 'zh-Hant', '--out', 'out', '--jobs', '1'], root);
      expect(code, `run ${run}`).toBe(2);
      expect(stderr.split('\n').filter((line) => line.startsWith('a.md'))).toEqual([`a.md: cannot convert: ${why}; copied unchanged, not converted`]);
    }
    expect(readFileSync(path.join(out, 'a.md'), 'utf8')).toBe(deep);
    expect(readFileSync(path.join(out, 'b.md'), 'utf8')).toBe('# 乙\n\n正文,正文\n');
    expect(readFileSync(path.join(out, 'SUMMARY.md'), 'utf8')).toBe('# 目錄\n\n* [甲](a.md)\n* [乙](b.md)\n');
  });

  it('--in-place: left unchanged, the others converted, exit 2', async () => {
    const root = book(deep, { 'c.md': '# 丙\n\n简体\n' });
    const { code, stderr } = await tongwen(['convert', '.', '--to', 'zh-Hant', '--in-place', '--jobs', '1'], root);
    expect(code).toBe(2);
    expect(stderr).toContain(`a.md: cannot convert: ${why}; left unchanged, not converted`);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe(deep);
    expect(readFileSync(path.join(root, 'c.md'), 'utf8')).toBe('# 丙\n\n簡體\n');
    expect(existsSync(path.join(root, '.tongwen-convert.json'))).toBe(false);
  });
});

describe('files and contents lists', () => {
  it('two files differing only in case: a warning on the later one, exit 0, the others checked', async () => {
    const { code, found } = await findings(book('# 甲\n', { 'Intro.md': '# 简介\n', 'intro.md': '# 简介\n' }), ['--rule', 'contents-orphan=off']);
    expect(code).toBe(0);
    expect(found).toContain('intro.md file-case-twin: Unexpected file `intro.md` whose path differs from `Intro.md` only in letter case, expected paths that differ on case-insensitive file systems (macOS, Windows)');
    expect(found.filter((f) => f.includes('file-case-twin'))).toHaveLength(1);
    expect(found).toContain(other);
  });

  it('an empty contents list: one error, the chapters still checked', async () => {
    const root = tempBook({ 'SUMMARY.md': '', 'b.md': '# 乙\n\n正文,正文\n' });
    roots.push(root);
    const { code, found } = await findings(root);
    expect(code).toBe(1);
    expect(found).toContain('SUMMARY.md contents-empty: Unexpected contents list with no entries, expected entries such as `* [title](file.md)`');
    expect(found).toContain(other);
  });

  it('hostile contents entries: a warning each, nothing opened, the chapters still checked', async () => {
    const summary = '# 目录\n\n* [甲](a.md)\n* [乙](b.md)\n* [网](https://example.com/)\n* [脚](javascript:alert(1))\n* [数](data:text/html,x)\n* [盘](C:/Windows/win.ini)\n';
    const { code, found } = await findings(book('# 甲\n', { 'SUMMARY.md': summary }));
    expect(code).toBe(0);
    expect(found.filter((f) => f.includes('contents-target-not-file'))).toEqual([
      'SUMMARY.md contents-target-not-file: Unexpected target `https://example.com/` for entry `网`: a URL, not a file of the book, expected a path relative to the contents list (`file.md`)',
      "SUMMARY.md contents-target-not-file: Unexpected target `javascript:alert(1)` for entry `脚`: a script URL, run in the reader's browser, expected a path relative to the contents list (`file.md`)",
      'SUMMARY.md contents-target-not-file: Unexpected target `data:text/html,x` for entry `数`: a `data:` URL, not a file of the book, expected a path relative to the contents list (`file.md`)',
      'SUMMARY.md contents-target-not-file: Unexpected target `C:/Windows/win.ini` for entry `盘`: an absolute Windows path, found only on one machine, expected a path relative to the contents list (`file.md`)',
    ]);
    expect(found).toContain(other);
  });
});

describe('configuration', () => {
  it('accepts a byte-order mark before the JSON', async () => {
    const { code, found } = await findings(book('# 甲\n\n正文。\n', { 'tongwen.config.json': '\uFEFF{"rules":{"zh-punctuation-width":"off"}}' }));
    expect(code).toBe(0);
    expect(found.filter((f) => f.includes('zh-punctuation-width'))).toEqual([]);
  });

  it('a config nested 100,000 deep is a configuration error (exit 2), not an internal one', async () => {
    const deep = '{"ignore":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const { code, stderr } = await findings(book('# 甲\n', { 'tongwen.config.json': deep }));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tongwen: (Invalid|Cannot read configuration) .*tongwen\.config\.json.*(nested too deeply|expected an array of globs)/);
    expect(stderr).not.toContain('internal error');
  });

  it('--no-external is accepted beside "external": true in the configuration', async () => {
    const { code } = await findings(book('# 甲\n\n[站](https://unreachable.invalid-tld-for-tests/)\n', { 'tongwen.config.json': '{"external":true}' }), ['--no-external']);
    expect(code).toBe(0);
  });
});

describe('messages', () => {
  it('never carry raw control characters from percent-decoded targets', async () => {
    const { found } = await findings(book('# 甲\n\n见[坏](x%1B%5B31m.md)。\n'));
    const line = found.find((f) => f.startsWith('a.md link-missing-file'));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(line).toContain('\\u{1b}[31m');
  });
});

describe('the progress bar', () => {
  it('draws nothing on a terminal 0 columns wide, and never throws', () => {
    let written = '';
    const progress = createProgress({ isTTY: true, columns: 0, write: (s: string) => (written += s) }, 3, 'convert');
    progress.tick('a.md');
    progress.tick('b.md');
    progress.tick('c.md');
    progress.done();
    expect(written).toBe('\r\r');
  });
});
