import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';

const cli = fileURLToPath(new URL('../bin/tongwen.js', import.meta.url));
const built = ['../dist/main.js', '../dist/commands/convert.js', '../dist/convert/worker.js'].every((file) => existsSync(fileURLToPath(new URL(file, import.meta.url))));

function all(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? all(root, relative) : [relative];
  });
}

function tongwen(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [cli, 'convert', ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** Start a conversion and SIGKILL it after `delay` ms (or let it end first). */
function killedRun(args: string[], delay: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'convert', ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

describe.skipIf(!hasShared || !built)('tongwen convert killed at random moments (built CLI)', () => {
  if (!hasShared) test.skip(sharedSkipReason, () => {});
  if (!built) test.skip('packages/cli/dist is not built: run `pnpm build` first (the root test script does)', () => {});

  test('every output file is the old version or the complete new one, never half-written', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'tongwen-kill-'));
    const src = path.join(work, 'src');
    cpSync(corpusPath('docker_practice-2018'), src, { recursive: true });
    const out = path.join(work, 'out');
    const ref = path.join(work, 'ref');
    // The old mirror (zh-Hant) and the reference of the new one (zh-TW).
    expect(tongwen([src, '--to', 'zh-Hant', '--out', out, '--jobs', '2']).status).toBe(0);
    const old = new Map(all(out).map((file) => [file, readFileSync(path.join(out, file))]));
    expect(tongwen([src, '--to', 'zh-TW', '--out', ref, '--jobs', '2']).status).toBe(0);
    const expected = new Map(all(ref).map((file) => [file, readFileSync(path.join(ref, file))]));
    expect(expected.size).toBeGreaterThan(200);

    const outcomes: string[] = [];
    // Fixed moments from start-up to the write phase of a ~2 s conversion: no clock, no randomness.
    for (const delay of [80, 250, 500, 900, 1400, 2000]) {
      outcomes.push(`${delay} ms: ${await killedRun([src, '--to', 'zh-TW', '--out', out, '--jobs', '2'], delay)}`);
      for (const file of all(out)) {
        // Temporary files and the write lock of a killed run: the next run removes or takes them over.
        if (path.basename(file).startsWith('.tongwen-tmp-') || file === '.tongwen-lock') continue;
        const bytes = readFileSync(path.join(out, file));
        const isOld = old.get(file)?.equals(bytes) ?? false;
        const isNew = expected.get(file)?.equals(bytes) ?? false;
        expect(isOld || isNew, `${file} after a kill at ${delay} ms is neither the old nor the new version`).toBe(true);
      }
    }
    // Most delays fall inside the run: at least one run must really have been killed.
    expect(outcomes.filter((outcome) => outcome.endsWith('SIGKILL')).length, outcomes.join(', ')).toBeGreaterThan(0);

    // A run to the end completes the mirror and removes the temporary files of killed runs.
    expect(tongwen([src, '--to', 'zh-TW', '--out', out, '--jobs', '2']).status).toBe(0);
    const final = all(out).sort();
    expect(final).toEqual([...expected.keys()].sort());
    for (const file of final) expect(readFileSync(path.join(out, file)).equals(expected.get(file)!), file).toBe(true);
    expect(tongwen([src, '--to', 'zh-TW', '--out', out, '--check'])).toEqual({ status: 0, stderr: `${out} is up to date\n`.replace(`${out}`, path.relative(process.cwd(), out)) });
  });
});
