/**
 * SIGKILL at fixed moments of the write phase (issue #16): `convert
 * --in-place` and `check --fix` are killed at the k-th kill point of their
 * writes (a temporary file created, half written, complete, renamed: the
 * `TONGWEN_TEST_KILL_AT` hook of @tongwen/workspace), never after a measured
 * delay. After each kill no file is torn; the next run leaves no temporary
 * file or lock behind, and its result equals an uninterrupted run's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { tempBook, tongwen } from './helpers.js';

const cli = fileURLToPath(new URL('../bin/tongwen.js', import.meta.url));
const built = ['../dist/main.js', '../dist/commands/convert.js', '../dist/commands/check.js'].every((file) => existsSync(fileURLToPath(new URL(file, import.meta.url))));

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A small book: eight chapters in two folders, each with Simplified prose and fixable punctuation. */
function fixture(): string {
  const files: Record<string, string> = { 'SUMMARY.md': '# 目录\n\n' };
  for (let i = 1; i <= 8; i++) {
    const file = `${i <= 4 ? 'part1' : 'part2'}/c${i}.md`;
    files['SUMMARY.md'] += `* [第${i}章](${file})\n`;
    files[file] = `# 第${i}章\n\n这是第${i}章的说明,里面有关系和发现。\n\n${'后来的内容继续说明这个系统,以及它的设计。\n'.repeat(i)}`;
  }
  const root = tempBook(files);
  folders.push(root);
  return root;
}

/** Every file of a folder, `/`-separated, with its bytes. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relative);
      else files.set(relative, readFileSync(path.join(root, relative)));
    }
  };
  walk('');
  return files;
}

function copyOf(root: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'tongwen-kill-'));
  folders.push(copy);
  cpSync(root, copy, { recursive: true });
  return copy;
}

/** Run the built CLI in `cwd`, killed at its `at`-th kill point: the signal, or the exit code when it ended first. */
function killedAt(args: string[], cwd: string, at: number): string {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...process.env, TONGWEN_TEST_KILL_AT: String(at), NO_COLOR: '1' }, encoding: 'utf8' });
  return result.signal ?? `exit ${result.status}`;
}

const leftover = (file: string) => path.posix.basename(file).startsWith('.tongwen-tmp-') || file === '.tongwen-lock';

/**
 * Kill points of the write phase: 4 per written file (created, half written,
 * complete, renamed), 32 or more in each run here. Each moment costs a
 * process start, so the normal run takes five per command and
 * `TONGWEN_KILL_MOMENTS=all` all fifteen (30 in all).
 */
const allMoments = [1, 2, 3, 4, 5, 6, 8, 11, 14, 17, 20, 23, 26, 29, 32];
const moments = process.env.TONGWEN_KILL_MOMENTS === 'all' ? allMoments : [1, 3, 6, 14, 32];

describe.skipIf(!built)('SIGKILL at fixed moments of the write phase (built CLI)', () => {
  if (!built) test.skip('packages/cli/dist is not built: run `pnpm build` first (the root test script does)', () => {});

  const commands: { name: string; args: string[]; report: (root: string) => Promise<unknown> }[] = [
    {
      name: 'convert --in-place',
      args: ['convert', '.', '--to', 'zh-Hant', '--in-place', '--jobs', '1'],
      report: async (root) => (await tongwen(['convert', '.', '--to', 'zh-Hant', '--in-place', '--jobs', '1'], root)).code,
    },
    {
      name: 'check --fix',
      args: ['check', '.', '--fix', '--no-cache', '--format', 'json'],
      report: async (root) => {
        const { code, stdout } = await tongwen(['check', '.', '--fix', '--no-cache', '--format', 'json'], root);
        return { code, findings: (JSON.parse(stdout) as { findings: { fingerprint?: string }[] }).findings.map(({ fingerprint: _, ...finding }) => finding) };
      },
    },
  ];

  for (const command of commands) {
    test(`${command.name}: ${moments.length} moments, 0 torn files, 0 leftovers, the same result as an uninterrupted run`, async () => {
      const original = fixture();
      const before = snapshot(original);
      const reference = copyOf(original);
      const expectedResult = await command.report(reference);
      const expected = snapshot(reference);
      expect([...expected.keys()].filter(leftover)).toEqual([]);
      // Every chapter and the contents list change: the write phase has 4 kill points per file.
      expect([...expected].filter(([file, bytes]) => !before.get(file)?.equals(bytes)).length).toBeGreaterThanOrEqual(8);

      const outcomes: string[] = [];
      for (const at of moments) {
        const root = copyOf(original);
        outcomes.push(killedAt(command.args, root, at));
        for (const [file, bytes] of snapshot(root)) {
          if (leftover(file)) continue;
          const whole = before.get(file)?.equals(bytes) || expected.get(file)?.equals(bytes);
          expect(whole, `${file} after a kill at point ${at} is neither the old nor the new version`).toBe(true);
        }
        // The next run finishes the work and cleans up after the killed one.
        expect(await command.report(root), `the run after a kill at point ${at}`).toEqual(expectedResult);
        const after = snapshot(root);
        expect([...after.keys()].filter(leftover), `leftovers after a kill at point ${at}`).toEqual([]);
        expect([...after.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [file, bytes] of after) expect(bytes.equals(expected.get(file)!), `${file} after a kill at point ${at} and a run`).toBe(true);
      }
      expect(outcomes).toEqual(moments.map(() => 'SIGKILL'));
    }, 600_000);
  }

  test('convert --out stopped by SIGINT in its write phase: exit 130 and a message, no torn file, no temporary file or lock left; the next run finishes as an uninterrupted run', async () => {
    const original = fixture();
    const reference = copyOf(original);
    const args = ['convert', '.', '--to', 'zh-TW', '--out', 'tw', '--jobs', '1'];
    expect((await tongwen(args, reference)).code).toBe(0);
    const expected = snapshot(path.join(reference, 'tw'));
    const root = copyOf(original);
    const stopped = spawnSync(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, TONGWEN_TEST_KILL_AT: '6', TONGWEN_TEST_KILL_SIGNAL: 'SIGINT', NO_COLOR: '1' }, encoding: 'utf8' });
    expect({ status: stopped.status, signal: stopped.signal }).toEqual({ status: 130, signal: null });
    expect(stopped.stderr).toBe('tongwen convert: interrupted by SIGINT: each file of tw is as it was or wholly converted; run the same command again to finish\n');
    const stoppedTree = [...snapshot(path.join(root, 'tw'))];
    // The stopped run removed its temporary files and its lock before it ended.
    expect(stoppedTree.map(([file]) => file).filter(leftover)).toEqual([]);
    const written = stoppedTree.filter(([file]) => !leftover(file));
    for (const [file, bytes] of written) expect(expected.get(file)?.equals(bytes), `${file} after the stop`).toBe(true);
    // Stopped in the write phase: not every file is there yet.
    expect(written.length).toBeLessThan(expected.size);
    expect((await tongwen(args, root)).code).toBe(0);
    const after = snapshot(path.join(root, 'tw'));
    expect([...after.keys()].filter(leftover)).toEqual([]);
    expect([...after.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, bytes] of after) expect(bytes.equals(expected.get(file)!), file).toBe(true);
  }, 120_000);
});
