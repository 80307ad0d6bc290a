import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasCommit, stagedChanges } from '@tongwen/workspace';
import { afterAll, describe, expect, it } from 'vitest';

const top = realpathSync(mkdtempSync(path.join(tmpdir(), 'tongwen-changes-')));
const git = (...args: string[]): void => {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], { cwd: top, stdio: 'ignore' });
};

afterAll(() => {
  rmSync(top, { recursive: true, force: true });
});

describe('stagedChanges and hasCommit', () => {
  it('give everything staged on an unborn branch, then what is staged against HEAD, from any folder of the work tree', () => {
    git('init', '-q');
    mkdirSync(path.join(top, 'book'));
    writeFileSync(path.join(top, 'book/a.md'), '# 甲\n');
    writeFileSync(path.join(top, 'book/b.md'), '# 乙\n');
    git('add', '-A');
    const sub = path.join(top, 'book');
    expect(hasCommit(sub, 'HEAD')).toBe(false);
    expect(stagedChanges(sub)).toEqual([
      { status: 'A', file: path.join(top, 'book/a.md') },
      { status: 'A', file: path.join(top, 'book/b.md') },
    ]);
    git('commit', '-q', '-m', 'book');
    expect(hasCommit(sub, 'HEAD')).toBe(true);
    expect(stagedChanges(sub)).toEqual([]);
    writeFileSync(path.join(top, 'book/a.md'), '# 甲\n\n正文。\n');
    git('add', 'book/a.md');
    git('rm', '-q', 'book/b.md');
    expect(stagedChanges(sub)).toEqual([
      { status: 'M', file: path.join(top, 'book/a.md') },
      { status: 'D', file: path.join(top, 'book/b.md') },
    ]);
  });
});
