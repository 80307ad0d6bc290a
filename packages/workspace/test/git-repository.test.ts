import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGitSession, hasCommit, stagedChanges } from '@tongwen/workspace';
import { afterAll, describe, expect, it } from 'vitest';

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'tongwen-git-repository-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');

/** A repository with `book/a.md` staged (and committed unless `unborn`). */
function repository(name: string, unborn = false): string {
  const top = path.join(base, name);
  mkdirSync(path.join(top, 'book'), { recursive: true });
  git(top, 'init', '-q');
  writeFileSync(path.join(top, 'book/a.md'), '# 甲\n');
  git(top, 'add', '-A');
  if (!unborn) git(top, 'commit', '-q', '-m', 'book');
  return top;
}

/** What a gate's session knows of the repository holding `dir` after asking what is staged, and the git commands it ran. */
function asked(dir: string): { repository: unknown; commands: string[] } {
  const session = createGitSession();
  stagedChanges(dir, session);
  return { repository: { ...[...session.repositories.values()][0]!, hasHead: hasCommit(dir, 'HEAD', session) }, commands: session.commands };
}

describe('the repository of a gate, read from .git', () => {
  it('a plain repository, unborn, then with a commit, then with its refs packed, then with HEAD detached: no `rev-parse`', () => {
    const top = repository('plain', true);
    const book = path.join(top, 'book');
    expect(asked(book)).toEqual({ repository: { top, index: path.join(top, '.git/index'), hasHead: false }, commands: ['diff'] });
    git(top, 'commit', '-q', '-m', 'book');
    expect(asked(book)).toEqual({ repository: { top, index: path.join(top, '.git/index'), hasHead: true }, commands: ['diff'] });
    git(top, 'pack-refs', '--all');
    expect(asked(book).repository).toEqual({ top, index: path.join(top, '.git/index'), hasHead: true });
    git(top, 'checkout', '-q', '--detach');
    expect(asked(book).repository).toEqual({ top, index: path.join(top, '.git/index'), hasHead: true });
  });

  it('a linked work tree and a submodule: their own top and index, as `git rev-parse` says', () => {
    const top = repository('main');
    const linked = path.join(base, 'linked');
    git(top, 'worktree', 'add', '-q', linked);
    const inLinked = asked(path.join(linked, 'book'));
    expect(inLinked).toEqual({ repository: { top: linked, index: path.join(top, '.git/worktrees/linked/index'), hasHead: true }, commands: ['diff'] });
    const sub = repository('sub');
    git(top, 'submodule', 'add', '-q', sub, 'vendor/sub');
    const inSub = asked(path.join(top, 'vendor/sub/book'));
    // A submodule's git folder sets `core.worktree`: git is asked.
    expect(inSub).toEqual({ repository: { top: path.join(top, 'vendor/sub'), index: path.join(top, '.git/modules/vendor/sub/index'), hasHead: true }, commands: ['rev-parse', 'diff'] });
    for (const [dir, found] of [[path.join(linked, 'book'), inLinked], [path.join(top, 'vendor/sub/book'), inSub]] as const) {
      const [revTop, revIndex] = git(dir, 'rev-parse', '--show-toplevel', '--git-path', 'index').trim().split('\n');
      expect(found.repository).toMatchObject({ top: revTop, index: path.resolve(dir, revIndex!) });
    }
  });

  it('asks git when the environment or the configuration moves the work tree, or the repository is not plain', () => {
    const top = repository('configured');
    const book = path.join(top, 'book');
    git(top, 'config', 'core.worktree', top);
    expect(asked(book).commands).toEqual(['rev-parse', 'diff']);
    git(top, 'config', '--unset', 'core.worktree');
    expect(asked(book).commands).toEqual(['diff']);
    process.env.GIT_DIR = path.join(top, '.git');
    try {
      // With GIT_DIR alone, git takes the current folder as the top of the work tree.
      expect(asked(book)).toEqual({ repository: { top: book, index: path.join(top, '.git/index'), hasHead: true }, commands: ['rev-parse', 'diff'] });
    } finally {
      delete process.env.GIT_DIR;
    }
  });
});
