import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acquireLock, createAtomicWriter, LockError, lockName, removeFile, removeStaleTemps, tempPrefix, writeFileAtomic, writeFilesAtomic, WriteGuardError } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

describe('writeFileAtomic and its guard', () => {
  it('writes inside the root, making folders, leaving no temporary file', () => {
    const root = tempTree({ 'a.md': 'old\n' });
    writeFileAtomic(root, 'a.md', 'new\n');
    writeFileAtomic(root, 'deep/er/b.md', 'b\n');
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('new\n');
    expect(readFileSync(path.join(root, 'deep/er/b.md'), 'utf8')).toBe('b\n');
    expect(readdirSync(root).sort()).toEqual(['a.md', 'deep']);
  });

  it('refuses a path outside the root, through `..` or through a symlinked folder', () => {
    const top = tempTree({ 'victim.txt': 'keep\n', 'book/a.md': 'a\n' });
    const root = path.join(top, 'book');
    symlinkSync(top, path.join(root, 'escape'));
    expect(() => writeFileAtomic(root, '../victim.txt', 'x')).toThrow(WriteGuardError);
    expect(() => writeFileAtomic(root, 'escape/victim.txt', 'x')).toThrow(WriteGuardError);
    expect(() => removeFile(root, '../victim.txt')).toThrow(WriteGuardError);
    expect(() => removeFile(root, 'escape/victim.txt')).toThrow(WriteGuardError);
    expect(readFileSync(path.join(top, 'victim.txt'), 'utf8')).toBe('keep\n');
  });

  it('never writes through or replaces a symbolic link, even one pointing inside', () => {
    const root = tempTree({ 'a.md': 'a\n' });
    symlinkSync(path.join(root, 'a.md'), path.join(root, 'link.md'));
    expect(() => writeFileAtomic(root, 'link.md', 'x')).toThrow('Unexpected symbolic link `link.md`, expected a regular file: not written through');
    expect(lstatSync(path.join(root, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('a\n');
  });

  it('removes temporary files of dead runs, not those of live ones', () => {
    const dead = `${tempPrefix}999999999-x-a.md`;
    const live = `${tempPrefix}${process.pid}-y-a.md`;
    const root = tempTree({ [dead]: 'half', [live]: 'mine', 'a.md': 'a\n' });
    removeStaleTemps(root);
    expect(readdirSync(root).sort()).toEqual([live, 'a.md'].sort());
  });
});

describe('writeFilesAtomic', () => {
  it('writes every file of several batches in place, each error in its place, leaving no temporary file', async () => {
    const top = tempTree({ 'victim.txt': 'keep\n', 'book/a.md': 'old\n' });
    const root = path.join(top, 'book');
    symlinkSync(path.join(root, 'a.md'), path.join(root, 'link.md'));
    const many = Array.from({ length: 150 }, (_, i) => ({ file: `part${i % 3}/c${i}.md`, data: `第 ${i} 章\n` }));
    const outcomes = await writeFilesAtomic(root, [{ file: 'a.md', data: 'new\n' }, { file: '../victim.txt', data: 'x' }, ...many, { file: 'link.md', data: 'x' }]);
    expect(outcomes.map((outcome) => outcome?.name)).toEqual([undefined, 'WriteGuardError', ...many.map(() => undefined), 'WriteGuardError']);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('new\n');
    expect(readFileSync(path.join(root, 'part2/c149.md'), 'utf8')).toBe('第 149 章\n');
    expect(readFileSync(path.join(top, 'victim.txt'), 'utf8')).toBe('keep\n');
    expect(lstatSync(path.join(root, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['a.md', 'link.md', 'part0', 'part1', 'part2']);
    expect(['part0', 'part1', 'part2'].map((part) => readdirSync(path.join(root, part)).filter((name) => name.startsWith(tempPrefix)))).toEqual([[], [], []]);
    expect(readdirSync(path.join(root, 'part1'))).toHaveLength(50);
  });
});

describe('createAtomicWriter', () => {
  it('writes each file in the background (a batch at a time), the guard of writeFileAtomic for every file', async () => {
    const top = tempTree({ 'victim.txt': 'keep\n', 'book/old.md': 'old\n', 'book/inside/x.md': 'x\n' });
    const root = path.join(top, 'book');
    chmodSync(path.join(root, 'old.md'), 0o600);
    symlinkSync(top, path.join(root, 'escape'));
    symlinkSync(path.join(root, 'inside'), path.join(root, 'alias'));
    symlinkSync(path.join(root, 'old.md'), path.join(root, 'link.md'));
    const writer = createAtomicWriter(root);
    writer.write('old.md', 'new\n');
    // Written in the background, a batch at a time: nothing yet.
    expect(readFileSync(path.join(root, 'old.md'), 'utf8')).toBe('old\n');
    writer.write('escape/victim.txt', 'x');
    writer.write('escape/a/victim.txt', 'x');
    writer.write('../victim.txt', 'x');
    writer.write('link.md', 'x');
    writer.write('', 'x');
    writer.write('alias/y.md', 'y\n');
    for (let i = 0; i < 70; i++) writer.write(`new/deep/c${i}.md`, new TextEncoder().encode(`第 ${i} 章\n`));
    const outcomes = await writer.close();
    expect(outcomes.slice(0, 7).map((outcome) => outcome?.message)).toEqual([
      undefined,
      'Unexpected write to `escape/victim.txt` outside `' + root + '`, expected a path inside it: not written',
      'Unexpected write to `escape/a/victim.txt` outside `' + root + '`, expected a path inside it: not written',
      'Unexpected write to `../victim.txt` outside `' + root + '`, expected a path inside it: not written',
      'Unexpected symbolic link `link.md`, expected a regular file: not written through',
      'Unexpected write to `` outside `' + root + '`, expected a path inside it: not written',
      undefined,
    ]);
    expect(outcomes.slice(7).every((outcome) => outcome === undefined)).toBe(true);
    expect(readFileSync(path.join(root, 'old.md'), 'utf8')).toBe('new\n');
    expect(statSync(path.join(root, 'old.md')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(root, 'inside/y.md'), 'utf8')).toBe('y\n');
    expect(readFileSync(path.join(root, 'new/deep/c69.md'), 'utf8')).toBe('第 69 章\n');
    expect(readFileSync(path.join(top, 'victim.txt'), 'utf8')).toBe('keep\n');
    expect(existsSync(path.join(top, 'a'))).toBe(false);
    expect(lstatSync(path.join(root, 'link.md')).isSymbolicLink()).toBe(true);
    expect([root, path.join(root, 'inside'), path.join(root, 'new/deep')].map((dir) => readdirSync(dir).filter((name) => name.startsWith(tempPrefix)))).toEqual([[], [], []]);
    expect(readdirSync(path.join(root, 'new/deep'))).toHaveLength(70);
  });

  it('refuses to write into a folder swapped for a symbolic link after it was checked, as writeFileAtomic does', async () => {
    const top = tempTree({ 'victim/a.md': 'keep\n', 'book/part/a.md': 'old\n', 'book/part/b.md': 'old\n' });
    const root = path.join(top, 'book');
    const writer = createAtomicWriter(root);
    writer.write('part/a.md', 'new\n');
    // The folder was checked (and remembered) by `write`; the file is written at `close`, after the swap.
    renameSync(path.join(root, 'part'), path.join(root, 'moved'));
    symlinkSync(path.join(top, 'victim'), path.join(root, 'part'));
    writer.write('part/b.md', 'new\n');
    const outcomes = await writer.close();
    const refused = 'Unexpected write to `part/a.md` outside `' + root + '`, expected a path inside it: not written';
    expect(outcomes.map((outcome) => outcome?.message)).toEqual([refused, refused.replace('part/a.md', 'part/b.md')]);
    expect(() => writeFileAtomic(root, 'part/a.md', 'new\n')).toThrow(refused);
    expect(readdirSync(path.join(top, 'victim'))).toEqual(['a.md']);
    expect(readFileSync(path.join(top, 'victim/a.md'), 'utf8')).toBe('keep\n');
    expect(readFileSync(path.join(root, 'moved/a.md'), 'utf8')).toBe('old\n');
  });

  it('abort: the writes started end (each file old or wholly new), the rest are not started, no temporary file is left', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`part/c${i}.md`] = 'old\n';
    const root = tempTree(files);
    const writer = createAtomicWriter(root);
    // Three batches of 64, one after the other: stopped once the first file is renamed, with others of its batch in progress.
    for (let i = 0; i < 150; i++) writer.write(`part/c${i}.md`, `new ${i}\n`);
    while (readFileSync(path.join(root, 'part/c0.md'), 'utf8') === 'old\n') await new Promise((resolve) => setImmediate(resolve));
    // A file handed over after the stop is refused too.
    const aborted = writer.abort();
    writer.write('part/late.md', 'late\n');
    await aborted;
    const outcomes = await writer.close();
    const contents = Object.keys(files).map((file) => readFileSync(path.join(root, file), 'utf8'));
    contents.forEach((text, i) => expect(['old\n', `new ${i}\n`]).toContain(text));
    // Each outcome says what is on disk: a file written is new, one stopped is old.
    expect(outcomes.slice(0, 150).map((outcome, i) => (outcome === undefined) === (contents[i] === `new ${i}\n`))).toEqual(outcomes.slice(0, 150).map(() => true));
    expect(outcomes[0]).toBeUndefined();
    expect(outcomes.filter((outcome) => outcome !== undefined).map((outcome) => outcome.message)).toEqual([
      ...contents.flatMap((text, i) => (text === 'old\n' ? [`part/c${i}.md: not written: the run was interrupted`] : [])),
      'part/late.md: not written: the run was interrupted',
    ]);
    expect(readdirSync(path.join(root, 'part')).filter((name) => name.startsWith(tempPrefix))).toEqual([]);
    expect(existsSync(path.join(root, 'part/late.md'))).toBe(false);
  });

  it('makes the root it writes into', async () => {
    const top = tempTree({});
    const writer = createAtomicWriter(path.join(top, 'out'));
    writer.write('a.md', 'a\n');
    expect(await writer.close()).toEqual([undefined]);
    expect(readdirSync(path.join(top, 'out'))).toEqual(['a.md']);
  });
});

describe('acquireLock', () => {
  it('refuses a second writer while the first holds the lock, and takes over a dead one', () => {
    const root = tempTree({ 'a.md': 'a\n' });
    const release = acquireLock(root);
    // The parent process is alive: its lock is held.
    writeFileSync(path.join(root, lockName), String(process.ppid));
    expect(() => acquireLock(root)).toThrow(LockError);
    writeFileSync(path.join(root, lockName), '999999999');
    const again = acquireLock(root);
    expect(readFileSync(path.join(root, lockName), 'utf8')).toBe(String(process.pid));
    again();
    release();
    expect(existsSync(path.join(root, lockName))).toBe(false);
  });

  it('creates the folder it locks', () => {
    const top = tempTree({});
    const root = path.join(top, 'out');
    acquireLock(root)();
    mkdirSync(root, { recursive: true });
    expect(readdirSync(root)).toEqual([]);
  });
});
