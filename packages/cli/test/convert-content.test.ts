import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '@tongwen/test-utils';
import { runConvert } from '../src/commands/convert.js';

const hasSample = existsSync(path.join(repoRoot, 'content/zh-hans/SUMMARY.md'));

describe.skipIf(!hasSample)('the committed mirrors of content/zh-hans', () => {
  // `pnpm mirrors` regenerates both with these very arguments.
  test.each([
    ['zh-Hant', 'content/zh-hant', []],
    ['zh-TW', 'content/zh-tw', ['--profile', 'phrases']],
  ])('tongwen convert content/zh-hans --to %s --out %s --check passes (regenerate with `pnpm mirrors`)', async (to, out, extra) => {
    let stdout = '';
    let stderr = '';
    const code = await runConvert(['content/zh-hans', '--to', to, '--out', out, ...extra, '--check'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: repoRoot,
      env: {},
    });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: `${out} is up to date\n` });
  });
});
