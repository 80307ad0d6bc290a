import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tongwen } from './helpers.js';

const temp = mkdtempSync(path.join(tmpdir(), 'tongwen-gate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const root = path.join(temp, 'book');
const cache = path.join(temp, 'cache');
const git = (...args: string[]): string => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
const file = (name: string): string => path.join(root, name);

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
}
/** `tongwen check ARGS --format json`: the exit code and the findings as `rule file:line`. */
async function gated(...args: string[]): Promise<{ code: number; stderr: string; findings: string[] }> {
  const { code, stdout, stderr } = await tongwen(['check', ...args, '--cache-location', cache, '--format', 'json'], root);
  const findings = stdout ? (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`) : [];
  return { code, stderr, findings };
}

describe.skipIf(!hasShared)(`the gate: --changed-since and --staged on a copy of docker_practice-2018${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  // In a hook, not at collection: a skipped suite must not touch ../shared.
  beforeAll(() => {
    cpSync(corpusPath('docker_practice-2018'), root, { recursive: true, filter: (source) => path.basename(source) !== '.git' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'book');
  });

  it('with nothing staged, exits 0 with one line on stderr', async () => {
    expect(await gated('--staged')).toEqual({ code: 0, stderr: 'tongwen: nothing to check: no Markdown file, contents list or configuration is staged\n', findings: [] });
  });

  it('--changed-since HEAD~1 reports exactly what a rename broke, not the finding below an edited line', async () => {
    // The old finding: a zh-quotes warning on line 107 of best_practices.md; two lines are inserted at line 3.
    expect((await gated()).findings).toContain('zh-quotes appendix/best_practices.md:107');
    git('mv', 'install/mirror.md', 'install/mirrors.md');
    const practices = readFileSync(file('appendix/best_practices.md'), 'utf8').split('\n');
    practices.splice(2, 0, '新增的一行。', '');
    writeFileSync(file('appendix/best_practices.md'), practices.join('\n'));
    git('commit', '-q', '-a', '-m', 'rename mirror.md, edit best_practices.md');
    const html = path.join(temp, 'report.html');
    const { code, stdout } = await tongwen(['check', '--changed-since', 'HEAD~1', '--cache-location', cache, '--format', 'json', '--format', `html:${html}`], root);
    const report = JSON.parse(stdout) as { findings: JsonFinding[]; summary: Record<string, number> };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      'contents-missing-file SUMMARY.md:20',
      'link-missing-file basic_concept/repository.md:19',
      'link-missing-file image/pull.md:36',
      'link-missing-file install/centos.md:148',
      'link-missing-file install/debian.md:188',
      'link-missing-file install/mac.md:73',
      'contents-orphan install/mirrors.md:1',
      'link-missing-file install/raspberry-pi.md:148',
      'link-missing-file install/ubuntu.md:178',
      'link-missing-file install/windows.md:29',
    ]);
    expect(report.summary).toEqual({ files: 163, errors: 9, warnings: 1, infos: 0 });
    expect(code).toBe(1);
    // The HTML report keeps the old findings behind its toggle: the old finding is there, two lines lower.
    const previous = readFileSync(html, 'utf8').split('<section id="previous">')[1] ?? '';
    expect(previous).toMatch(/^<details><summary>\d+ findings that were there before<\/summary>/);
    expect(previous).toMatch(/<span class="rule">zh-quotes<\/span> <[^>]*class="loc"[^>]*>appendix\/best_practices\.md:109:/);
    expect(await gated('--changed-since', 'HEAD')).toEqual({ code: 0, stderr: '', findings: [] });
  });

  it('--staged checks the staged text, not the work tree, and what the staged rename breaks elsewhere', async () => {
    const image = readFileSync(file('basic_concept/image.md'), 'utf8');
    appendFileSync(file('basic_concept/image.md'), '\n另见 [不存在的一节](nowhere.md)。\n');
    git('add', 'basic_concept/image.md');
    git('mv', 'basic_concept/container.md', 'basic_concept/containers.md');
    writeFileSync(file('basic_concept/image.md'), image); // fixed in the work tree only
    const lines = image.split('\n').length;
    expect(await gated('--staged')).toEqual({
      code: 1,
      stderr: '',
      findings: ['contents-missing-file SUMMARY.md:11', 'contents-orphan basic_concept/containers.md:1', `link-missing-file basic_concept/image.md:${lines + 1}`],
    });
  });

  it('--staged does not report what is broken in the work tree only', async () => {
    git('reset', '-q', '--hard');
    appendFileSync(file('basic_concept/image.md'), '\n新增的一句。\n');
    git('add', 'basic_concept/image.md');
    appendFileSync(file('basic_concept/image.md'), '\n另见 [不存在的一节](nowhere.md)。\n');
    expect(await gated('--staged')).toEqual({ code: 0, stderr: '', findings: [] });
    expect((await gated('basic_concept/image.md')).findings).toEqual([`link-missing-file basic_concept/image.md:${readFileSync(file('basic_concept/image.md'), 'utf8').split('\n').length - 1}`]);
  });

  it('an unknown revision is exit 2; --staged with --changed-since is a usage error', async () => {
    expect(await gated('--changed-since', 'no-such-branch')).toEqual({ code: 2, stderr: 'tongwen: Unknown revision `no-such-branch`, expected a commit (a branch, tag or SHA)\n', findings: [] });
    expect((await tongwen(['check', '--staged', '--changed-since', 'HEAD'], root)).code).toBe(2);
  });
});
