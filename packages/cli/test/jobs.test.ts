import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { conventionBook, corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { afterAll, describe, expect, test } from 'vitest';
import { tempBook } from './helpers.js';

const cli = fileURLToPath(new URL('../bin/tongwen.js', import.meta.url));
// Worker threads run the built modules only: this test runs the built CLI.
const built = ['../dist/main.js', '../../linter/dist/lib/check-worker.js'].every((file) => existsSync(fileURLToPath(new URL(file, import.meta.url))));

function check(root: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, 'check', '.', '--no-cache', '--format', 'json', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Report {
  summary: { files: number };
  findings: { file: string; line: number; ruleId: string; fingerprint: string }[];
}

/** Check `root` with one job and with two: the same exit code (1) and the same report, byte for byte. Returns its findings. */
function sameWithTwoJobs(root: string): Report['findings'] {
  const one = check(root, '--jobs', '1');
  const two = check(root, '--jobs', '2');
  expect(one.status).toBe(1);
  expect(two.status).toBe(one.status);
  expect(two.stdout).toBe(one.stdout);
  return (JSON.parse(one.stdout) as Report).findings;
}

describe.skipIf(!built)('tongwen check --jobs and --shard (built CLI, worker threads)', () => {
  if (!built) test.skip('packages/*/dist is not built: run `pnpm build` first (the root test script does)', () => {});
  const root = tempBook(conventionBook());
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('--jobs 2 prints the report of --jobs 1, byte for byte', () => {
    expect(sameWithTwoJobs(root)).toHaveLength(11);
  });

  test('the three shards of --shard I/3 add up to the whole report', () => {
    const whole = JSON.parse(check(root, '--jobs', '2').stdout) as Report;
    const parts = [1, 2, 3].map((index) => JSON.parse(check(root, '--jobs', '2', '--shard', `${index}/3`).stdout) as Report);
    const key = (finding: Report['findings'][number]) => JSON.stringify(finding);
    expect(parts.flatMap((part) => part.findings.map(key)).sort()).toEqual(whole.findings.map(key).sort());
    expect(parts.reduce((sum, part) => sum + part.summary.files, 0)).toBe(whole.summary.files);
  });

  test('a bad --shard or --jobs is a usage error (exit 2)', () => {
    const usage = 'Run `tongwen check --help` for usage.\n';
    expect(check(root, '--shard', '4/3')).toEqual({ status: 2, stdout: '', stderr: `tongwen: Invalid --shard \`4/3\`, expected I/N with 1 ≤ I ≤ N\n${usage}` });
    expect(check(root, '--jobs', '0')).toEqual({ status: 2, stdout: '', stderr: `tongwen: Invalid --jobs \`0\`, expected a whole number of at least 1\n${usage}` });
  });
});

/** A chapter of about `characters` that cannot be cut into sections: one long table, no heading after the first line. */
function uncuttableTable(characters: number): string {
  const rows = ['# 大表', '', '| 名稱 | 說明 | 連結 |', '| --- | --- | --- |'];
  for (let i = 0, length = 0; length < characters; i++) {
    const row = `| 項目 ${i} | 第 ${i} 個項目的說明，含 \`code${i}\` 與 *強調*，用到了Docker | [連結](#a${i}) |`;
    rows.push(row);
    length += row.length + 1;
  }
  return `${rows.join('\n')}\n`;
}

describe.skipIf(!built)('a chapter too large for a worker\'s heap that cannot be cut (built CLI)', () => {
  // `A.md` is the first task: the worker takes it, runs out of its heap and it runs again on a worker sized to it.
  const root = tempBook({ 'A.md': uncuttableTable(330_000), 'README.md': '# 書\n\n見 [大表](A.md)。\n' });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('--jobs 2 prints the report of --jobs 1, byte for byte', () => {
    expect(sameWithTwoJobs(root).length).toBeGreaterThan(100);
  });
});

describe.skipIf(!built || !hasShared)('tongwen check --jobs on a real book (built CLI)', () => {
  if (!hasShared) test.skip(sharedSkipReason, () => {});
  test('docker_practice-2026: --jobs 2 prints the report of --jobs 1, byte for byte', () => {
    const one = check(corpusPath('docker_practice-2026'), '--jobs', '1');
    const two = check(corpusPath('docker_practice-2026'), '--jobs', '2');
    expect(two.status).toBe(one.status);
    expect(two.stdout.length).toBeGreaterThan(1000);
    expect(two.stdout).toBe(one.stdout);
  });
});
