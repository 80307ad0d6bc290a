import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGitSession, gitSource, stagedChanges, type FileSource } from '@tongwen/workspace';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'tongwen-staged-head-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let top = '';
let count = 0;
const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd: top, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(top, file)), { recursive: true });
  writeFileSync(path.join(top, file), text);
};
const contents = (source: FileSource): Array<[string, string]> =>
  source.list().map((file) => {
    const read = source.read(file);
    return [file, 'bytes' in read ? Buffer.from(read.bytes).toString('utf8') : `(${read.error})`];
  });

/** HEAD as a gate reads it (after `stagedChanges`, in one session) and as `git ls-tree` lists it (no session), with the git commands the gate ran. */
function bothHeads(root: string): { gate: Array<[string, string]>; tree: Array<[string, string]>; commands: string[] } {
  const session = createGitSession();
  stagedChanges(root, session);
  contents(gitSource(root, { kind: 'index' }, {}, session));
  const gate = contents(gitSource(root, { kind: 'commit', ref: 'HEAD' }, {}, session));
  return { gate, tree: contents(gitSource(root, { kind: 'commit', ref: 'HEAD' })), commands: session.commands };
}

beforeEach(() => {
  top = path.join(base, `repo${++count}`);
  mkdirSync(top);
  git('init', '-q');
  write('book/a.md', '# 甲\n');
  write('book/b.md', '# 乙\n');
  write('book/c.md', '# 丙\n');
  write('book/d.md', '# 丁\n');
  write('other/e.md', '# 戊\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'book');
});

describe('HEAD listed from the index and the staged changes', () => {
  it('undoes a modification, an addition, a rename and a deletion, without `ls-tree`, in one `cat-file` for the changed blobs', () => {
    write('book/a.md', '# 甲（改）\n');
    write('book/new.md', '# 新\n');
    git('add', 'book/a.md', 'book/new.md');
    git('mv', 'book/b.md', 'book/b2.md');
    git('rm', '-q', 'book/c.md');
    write('other/e.md', '# 戊（改）\n');
    git('add', 'other/e.md');
    const { gate, tree, commands } = bothHeads(path.join(top, 'book'));
    expect(gate).toEqual([
      ['a.md', '# 甲\n'],
      ['b.md', '# 乙\n'],
      ['c.md', '# 丙\n'],
      ['d.md', '# 丁\n'],
    ]);
    expect(gate).toEqual(tree);
    // The index's a.md and new.md are on the disk as staged: the one batch is HEAD's (a.md, c.md; b.md is b2.md's blob).
    expect(commands).toEqual(['diff', 'cat-file']);
  });

  it('takes HEAD’s blobs of staged changes into the index’s batch when that batch runs anyway', () => {
    write('book/a.md', '# 甲（改）\n');
    git('add', 'book/a.md');
    // The work tree differs from the index: the index's a.md is read from git, with HEAD's a.md in the same batch.
    write('book/a.md', '# 甲（未暂存）\n');
    const { gate, tree, commands } = bothHeads(path.join(top, 'book'));
    expect(gate).toEqual(tree);
    expect(gate[0]).toEqual(['a.md', '# 甲\n']);
    expect(commands).toEqual(['diff', 'cat-file']);
  });

  it('a file added with `git add -N` (an empty blob in the index, absent from the diff) is in neither the index’s listing nor HEAD’s', () => {
    write('book/a.md', '# 甲（改）\n');
    git('add', 'book/a.md');
    write('book/ita.md', '# 待加\n');
    git('add', '-N', 'book/ita.md');
    const { gate, tree, commands } = bothHeads(path.join(top, 'book'));
    expect(gate.map(([file]) => file)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
    expect(gate).toEqual(tree);
    // The index may hold intent-to-add entries (its version 3): two diffs tell them, no `ls-tree`.
    expect(commands).toEqual(['diff', 'cat-file']);
    const session = createGitSession();
    expect(stagedChanges(path.join(top, 'book'), session).map((change) => path.relative(top, change.file))).toEqual(['book/a.md']);
    expect(gitSource(path.join(top, 'book'), { kind: 'index' }, {}, session).list()).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
    // A file staged empty is a file of the commit, beside an intent-to-add one.
    write('book/empty.md', '');
    git('add', 'book/empty.md');
    expect(gitSource(path.join(top, 'book'), { kind: 'index' }, {}, createGitSession()).list()).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'empty.md']);
  });

  it('a committed empty file is in HEAD; intent-to-add entries are asked for only when the index may hold them (its version 3)', () => {
    write('book/empty.md', '');
    git('add', 'book/empty.md');
    git('commit', '-q', '-m', 'empty');
    write('book/a.md', '# 甲（改）\n');
    git('add', 'book/a.md');
    const indexVersion = (): number => readFileSync(path.join(top, '.git/index')).readUInt32BE(4);
    expect(indexVersion()).toBe(2);
    const plain = bothHeads(path.join(top, 'book'));
    expect(plain.gate.map(([file]) => file)).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'empty.md']);
    expect(plain.gate).toEqual(plain.tree);
    expect(plain.commands).toEqual(['diff', 'cat-file']);
    // An intent-to-add file elsewhere makes the index version 3: the empty file could be one, git is asked which are.
    write('other/ita.md', '# 待加\n');
    git('add', '-N', 'other/ita.md');
    expect(indexVersion()).toBe(3);
    const marked = bothHeads(path.join(top, 'book'));
    expect(marked.gate).toEqual(plain.gate);
    expect(marked.commands).toEqual(['diff', 'cat-file']);
  });

  it('an index git is asked about (version 4) with an intent-to-add file: its header read once, the staged changes asked once', () => {
    write('book/a.md', '# 甲（改）\n');
    git('add', 'book/a.md');
    git('mv', 'book/b.md', 'book/b2.md');
    write('book/ita.md', '# 待加\n');
    git('add', '-N', 'book/ita.md');
    git('update-index', '--index-version', '4');
    const { gate, tree, commands } = bothHeads(path.join(top, 'book'));
    expect(gate.map(([file]) => file)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
    expect(gate).toEqual(tree);
    const session = createGitSession();
    stagedChanges(path.join(top, 'book'), session);
    expect(gitSource(path.join(top, 'book'), { kind: 'index' }, {}, session).list()).toEqual(['a.md', 'b2.md', 'c.md', 'd.md']);
    // The gate's `git diff --cached` says what is staged: one more diff (`--ita-visible-in-index`) finds the intent-to-add file.
    expect(commands).toEqual(['diff', 'ls-files', 'diff', 'cat-file']);
  });

  it('reads the index that GIT_INDEX_FILE names (a hook of `git commit -a`), and a linked work tree’s own index', () => {
    write('book/a.md', '# 甲（另一索引）\n');
    execFileSync('git', ['add', 'book/a.md'], { cwd: top, env: { ...process.env, GIT_INDEX_FILE: path.join(top, '.git/other-index') }, stdio: 'ignore' });
    const before = process.env.GIT_INDEX_FILE;
    process.env.GIT_INDEX_FILE = path.join(top, '.git/other-index');
    try {
      const { gate, tree, commands } = bothHeads(path.join(top, 'book'));
      expect(gate).toEqual(tree);
      expect(gate[0]).toEqual(['a.md', '# 甲\n']);
      expect(commands).toEqual(['diff', 'cat-file']);
    } finally {
      if (before === undefined) delete process.env.GIT_INDEX_FILE;
      else process.env.GIT_INDEX_FILE = before;
    }
    const linked = path.join(base, `linked${count}`);
    git('worktree', 'add', '-q', linked);
    try {
      writeFileSync(path.join(linked, 'book/a.md'), '# 甲（另一工作树）\n');
      writeFileSync(path.join(linked, 'book/ita.md'), '# 待加\n');
      execFileSync('git', ['add', 'book/a.md'], { cwd: linked, stdio: 'ignore' });
      execFileSync('git', ['add', '-N', 'book/ita.md'], { cwd: linked, stdio: 'ignore' });
      const { gate, tree, commands } = bothHeads(path.join(linked, 'book'));
      expect(gate.map(([file]) => file)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
      expect(gate).toEqual(tree);
      // The linked tree's index holds the intent-to-add entry (the main one does not): git is asked which it is.
      expect(commands).toEqual(['diff', 'cat-file']);
    } finally {
      git('worktree', 'remove', '--force', linked);
    }
  });

  it('a file staged as a symbolic link was a file in HEAD; a symbolic link staged as a file was none', () => {
    git('rm', '-q', '--cached', 'book/d.md');
    unlinkSync(path.join(top, 'book/d.md'));
    symlinkSync('a.md', path.join(top, 'book/d.md'));
    symlinkSync('b.md', path.join(top, 'book/link.md'));
    git('add', 'book/d.md', 'book/link.md');
    git('commit', '-q', '-m', 'links');
    unlinkSync(path.join(top, 'book/d.md'));
    write('book/d.md', '# 丁（回来）\n');
    unlinkSync(path.join(top, 'book/a.md'));
    symlinkSync('c.md', path.join(top, 'book/a.md'));
    git('add', 'book/a.md', 'book/d.md');
    const { gate, tree, commands } = bothHeads(path.join(top, 'book'));
    expect(gate.map(([file]) => file)).toEqual(['a.md', 'b.md', 'c.md']);
    expect(gate).toEqual(tree);
    expect(commands).not.toContain('ls-tree');
  });

  it('an unmerged path (a conflict) is left to git', () => {
    git('checkout', '-q', '-b', 'side');
    write('book/a.md', '# 甲（旁）\n');
    git('commit', '-q', '-a', '-m', 'side');
    git('checkout', '-q', '-');
    write('book/a.md', '# 甲（主）\n');
    git('commit', '-q', '-a', '-m', 'main');
    try {
      git('merge', '-q', 'side');
    } catch {
      // The conflict is the point.
    }
    const { gate, tree, commands } = bothHeads(path.join(top, 'book'));
    expect(gate).toEqual(tree);
    expect(gate[0]).toEqual(['a.md', '# 甲（主）\n']);
    expect(commands).toContain('ls-tree');
  });

  it('on an unborn branch, HEAD has nothing', () => {
    top = path.join(base, `repo${++count}`);
    mkdirSync(top);
    git('init', '-q');
    write('book/a.md', '# 甲\n');
    git('add', '-A');
    const session = createGitSession();
    stagedChanges(path.join(top, 'book'), session);
    expect(gitSource(path.join(top, 'book'), { kind: 'commit', ref: 'HEAD' }, {}, session).list()).toEqual([]);
    expect(session.commands).toEqual(['diff']);
  });
});
