import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGitSession, gitSource } from '@tongwen/workspace';
import { afterAll, describe, expect, it } from 'vitest';

const top = realpathSync(mkdtempSync(path.join(tmpdir(), 'tongwen-git-index-')));
afterAll(() => rmSync(top, { recursive: true, force: true }));
const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd: top, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(top, file)), { recursive: true });
  writeFileSync(path.join(top, file), text);
};

/** What `git ls-files -s` lists under `prefix`: regular files of stage 0, by path from the prefix, without `intended` (files added with `git add -N`). */
function listed(prefix: string, intended: readonly string[]): Array<[string, string]> {
  return git('ls-files', '-s', '-z', ...(prefix ? ['--', prefix] : []))
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const [fields = '', file = ''] = record.split('\t');
      const [mode, sha, stage] = fields.split(' ');
      return { mode, sha: sha!, stage, file };
    })
    .filter(({ mode, stage, file }) => (mode === '100644' || mode === '100755') && stage === '0' && !intended.includes(file))
    .map(({ sha, file }): [string, string] => [prefix ? file.slice(prefix.length + 1) : file, sha]);
}

/** The index as a source lists it, with whether `git ls-files` ran. */
function fromSource(prefix: string): { blobs: Array<[string, string]>; lsFiles: boolean } {
  const session = createGitSession();
  const source = gitSource(prefix ? path.join(top, prefix) : top, { kind: 'index' }, {}, session);
  return { blobs: [...source.blobIds!()], lsFiles: session.commands.includes('ls-files') };
}

describe('the index read from its file', () => {
  it('lists what `git ls-files -s` lists (stage 0, regular files), without intent-to-add files; another version is left to git', () => {
    git('init', '-q');
    write('book/a.md', '# 甲\n');
    write('book/可执行.sh', '#!/bin/sh\n');
    write(`book/${'长'.repeat(40)}/${'x'.repeat(200)}.md`, '# 长\n');
    write('book/conflict.md', '# 冲突\n');
    write('top.md', '# 顶\n');
    execFileSync('chmod', ['+x', path.join(top, 'book/可执行.sh')]);
    symlinkSync('a.md', path.join(top, 'book/link.md'));
    git('add', '-A');
    git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},book/module`);
    git('commit', '-q', '-m', 'book');
    git('checkout', '-q', '-b', 'side');
    write('book/conflict.md', '# 冲突（旁）\n');
    git('commit', '-q', '-a', '-m', 'side');
    git('checkout', '-q', '-');
    write('book/conflict.md', '# 冲突（主）\n');
    git('commit', '-q', '-a', '-m', 'main');
    try {
      git('merge', '-q', 'side');
    } catch {
      // The conflict is the point: stages 1 to 3 of book/conflict.md.
    }
    write('book/intended.md', '# 待加\n');
    git('add', '-N', 'book/intended.md');
    git('update-index', '--skip-worktree', 'book/a.md');
    const intended = ['book/intended.md'];
    for (const prefix of ['', 'book']) {
      const read = fromSource(prefix);
      expect(read.blobs).toEqual(listed(prefix, intended));
      expect(read.lsFiles).toBe(false);
    }
    expect(fromSource('book').blobs.map(([file]) => file)).toEqual(['a.md', '可执行.sh', `${'长'.repeat(40)}/${'x'.repeat(200)}.md`]);
    git('update-index', '--index-version', '4');
    const four = fromSource('book');
    expect(four).toEqual({ blobs: listed('book', intended), lsFiles: true });
  });
});
