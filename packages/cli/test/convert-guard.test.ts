import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runConvert } from '../src/commands/convert.js';
import { manifestName } from '../src/convert/manifest.js';
import { tempBook } from './helpers.js';

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = tempBook(files);
  made.push(root);
  return root;
}

async function convert(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runConvert(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

describe('tongwen convert writes only inside its output folder', () => {
  test('a crafted manifest naming `../victim.txt` deletes nothing outside', async () => {
    const root = tree({ 'victim.txt': 'keep\n', 'src/a.md': '关系\n' });
    expect((await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(root, 'out', manifestName), 'utf8')) as { files: Record<string, unknown> };
    const entry = { input: 'x', output: 'y' };
    manifest.files = { ...manifest.files, '../victim.txt': entry, [path.join(root, 'victim.txt')]: entry, 'a/../../victim.txt': entry };
    writeFileSync(path.join(root, 'out', manifestName), JSON.stringify(manifest));
    const stored = path.join(root, 'out', manifestName);
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).toEqual({
      code: 0,
      stdout: '',
      stderr: `tongwen: Unexpected 3 entries \`../victim.txt\`, \`${path.join(root, 'victim.txt')}\`, \`a/../../victim.txt\` in \`${stored}\`, expected a path inside its folder and a well-formed record: ignored\n1 files: 0 converted, 0 written, 1 unchanged since the last run to out\n`,
    });
    expect(readFileSync(path.join(root, 'victim.txt'), 'utf8')).toBe('keep\n');
    expect(Object.keys((JSON.parse(readFileSync(path.join(root, 'out', manifestName), 'utf8')) as { files: object }).files)).toEqual(['a.md']);
  });

  test('a corrupt manifest is ignored with a message, and the run is correct', async () => {
    const root = tree({ 'src/a.md': '关系\n', 'src/b.txt': 'b\n', 'src/gone.md': '去\n' });
    expect((await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).code).toBe(0);
    const stored = path.join(root, 'out', manifestName);
    const good = readFileSync(stored, 'utf8');
    const expected = readFileSync(path.join(root, 'out/a.md'), 'utf8');
    writeFileSync(path.join(root, 'out/a.md'), 'stale\n');
    rmSync(path.join(root, 'src/gone.md'));
    writeFileSync(stored, good.slice(0, 40));
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).toEqual({
      code: 0,
      stdout: '',
      stderr: `tongwen: Unexpected content in \`${stored}\`, expected JSON: ignored\n2 files: 1 converted, 1 written to out\n`,
    });
    expect(readFileSync(path.join(root, 'out/a.md'), 'utf8')).toBe(expected);
    // Without a record, an output whose source is gone is not known to be tongwen's: it stays.
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual([manifestName, 'a.md', 'b.txt', 'gone.md']);
    expect(Object.keys((JSON.parse(readFileSync(stored, 'utf8')) as { files: object }).files)).toEqual(['a.md', 'b.txt']);
  });

  test('a symbolic link to a file outside the book is not copied; one inside is', async () => {
    const root = tree({ 'secret.txt': 'secret\n', 'src/a.md': '关系\n' });
    symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'src/leak.txt'));
    symlinkSync(path.join(root, 'src/a.md'), path.join(root, 'src/alias.md'));
    expect((await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).code).toBe(0);
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual([manifestName, 'a.md', 'alias.md']);
    expect(existsSync(path.join(root, 'out/leak.txt'))).toBe(false);
  });

  test('an --out that resolves to SRC through a link is refused', async () => {
    const root = tree({ 'src/a.md': '关系\n' });
    symlinkSync(path.join(root, 'src'), path.join(root, 'mirror'));
    expect(await convert(['src', '--to', 'zh-TW', '--out', 'mirror'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tongwen convert: Unexpected `--out` that is SRC (after resolving links), expected `--in-place`\nRun `tongwen convert --help` for usage.\n',
    });
    expect(readFileSync(path.join(root, 'src/a.md'), 'utf8')).toBe('关系\n');
  });

  test('an output file that is a symbolic link is not written through', async () => {
    const root = tree({ 'victim.md': 'keep\n', 'src/a.md': '关系\n' });
    expect((await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).code).toBe(0);
    rmSync(path.join(root, 'out/a.md'));
    symlinkSync(path.join(root, 'victim.md'), path.join(root, 'out/a.md'));
    writeFileSync(path.join(root, 'src/a.md'), '关系。\n');
    const result = await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a.md: cannot write: Unexpected symbolic link `a.md`, expected a regular file: not written through\n');
    expect(readFileSync(path.join(root, 'victim.md'), 'utf8')).toBe('keep\n');
  });

  test('a second run on the same output folder is refused while the first holds the lock', async () => {
    const root = tree({ 'src/a.md': '关系\n' });
    expect((await convert(['src', '--to', 'zh-TW', '--out', 'out'], root)).code).toBe(0);
    writeFileSync(path.join(root, 'out/.tongwen-lock'), String(process.ppid));
    const result = await convert(['src', '--to', 'zh-TW', '--out', 'out'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`(process ${process.ppid} holds`);
  });
});
