import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusPath, hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { sarifValidator } from '../../report/test/sarif-schema.js';
import { tempBook, tongwen } from './helpers.js';

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongwen-report-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('tongwen check --format', () => {
  it('writes several reports in one run, and the GitHub job summary to GITHUB_STEP_SUMMARY', async () => {
    const root = tempBook({ 'SUMMARY.md': '# 书\n\n* [简介](README.md)\n', 'README.md': '# 简介\n\n见[安装](instal.md)。\n' });
    temps.push(root);
    const out = temp();
    const summary = path.join(out, 'summary.md');
    writeFileSync(summary, 'before\n');
    const { code, stdout, stderr } = await tongwen(['check', '.', '--format', 'github', '--format', `json:${path.join(out, 'r.json')}`, '--format', `markdown:${path.join(out, 'r.md')}`], root, { GITHUB_STEP_SUMMARY: summary });
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toContain('::error file=README.md,line=3,col=7,endLine=3,endColumn=16,title=tongwen(link-missing-file)::Unexpected link to missing file `instal.md`\n');
    expect(JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')).summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
    const markdown = readFileSync(path.join(out, 'r.md'), 'utf8');
    expect(markdown.startsWith('### ❌ tongwen: 1 error, 0 warnings in 2 files checked\n')).toBe(true);
    expect(readFileSync(summary, 'utf8')).toBe(`before\n${markdown}`);
  });

  it('refuses two reports on stdout and a link base that is not http(s)', async () => {
    const root = tempBook({ 'a.md': '# 甲\n' });
    temps.push(root);
    expect((await tongwen(['check', '--format', 'json', '--format', 'sarif'], root)).stderr).toBe('tongwen: Unexpected second report on stdout, expected `--format NAME:FILE` for all but one\nRun `tongwen check --help` for usage.\n');
    expect((await tongwen(['check', '--format', 'html', '--link-base', 'javascript:alert(1)'], root)).stderr).toBe('tongwen: Invalid --link-base `javascript:alert(1)`, expected an http(s) URL\nRun `tongwen check --help` for usage.\n');
  });
});

describe.skipIf(!hasShared)(`reports of docker_practice-2026 (${hasShared ? 'corpus present' : sharedSkipReason})`, () => {
  it('SARIF validates against the SARIF 2.1.0 schema; rdjson and markdown come from the same run', async () => {
    const out = temp();
    const files = { sarif: path.join(out, 'r.sarif'), rdjson: path.join(out, 'r.rdjson'), markdown: path.join(out, 'r.md') };
    const { code, stderr } = await tongwen(['check', corpusPath('docker_practice-2026'), ...Object.entries(files).flatMap(([name, file]) => ['--format', `${name}:${file}`])], repoRoot);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const log = JSON.parse(readFileSync(files.sarif, 'utf8'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results;
    expect(results.length).toBeGreaterThan(100);
    // Paths are relative to the current folder, percent-encoded, and point at real files.
    const first = results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(path.isAbsolute(decodeURIComponent(first))).toBe(false);
    expect(readFileSync(path.join(repoRoot, decodeURIComponent(first)), 'utf8').length).toBeGreaterThan(0);
    const ids = new Set(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id));
    expect(results.every((r: { ruleId: string; ruleIndex: number }) => log.runs[0].tool.driver.rules[r.ruleIndex].id === r.ruleId && ids.has(r.ruleId))).toBe(true);
    const rd = JSON.parse(readFileSync(files.rdjson, 'utf8'));
    expect(rd.diagnostics).toHaveLength(results.length);
    // rdjson columns count UTF-8 bytes: never fewer than the UTF-16 columns of the same finding.
    expect(rd.diagnostics.every((d: { location: { range: { start: { column: number } } } }, i: number) => d.location.range.start.column >= results[i].locations[0].physicalLocation.region.startColumn)).toBe(true);
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown).toMatch(/\n… and \d+ more findings not shown\.\n$/);
  });
});
