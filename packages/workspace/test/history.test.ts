import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { catFile, commitsTouching, textsAtCommits } from '@tongwen/workspace';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

describe('git history', () => {
  const root = tempTree({ 'book/zh/a.md': '# 一\n', 'book/tw/a.md': '# 一\n', 'outside.md': 'x' });
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' }).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  writeFileSync(path.join(root, 'book/zh/a.md'), '# 二\n');
  git('commit', '-q', '-am', 'second: 改 a');
  const book = path.join(root, 'book');

  it('lists the commits touching folders, newest first, paths relative to the folder asked', () => {
    const commits = commitsTouching(book, ['zh', 'tw']);
    expect(commits.map(({ subject, files }) => ({ subject, files: [...files].sort() }))).toEqual([
      { subject: 'second: 改 a', files: ['zh/a.md'] },
      { subject: 'first', files: ['tw/a.md', 'zh/a.md'] },
    ]);
    expect(commits[0]!.hash).toBe(git('rev-parse', '--short', 'HEAD'));
  });

  it('reads old texts in one batch, undefined where missing', () => {
    const [second, first] = commitsTouching(book, ['zh']);
    expect(textsAtCommits(book, [
      { commit: first!.hash, file: 'zh/a.md' },
      { commit: second!.hash, file: 'zh/a.md' },
      { commit: first!.hash, file: 'zh/none.md' },
      { commit: first!.hash, file: 'tw/a.md' },
    ])).toEqual(['# 一\n', '# 二\n', undefined, '# 一\n']);
  });

  it('reads objects by sha in the order asked; a tree is no blob', () => {
    const blob = git('rev-parse', 'HEAD:outside.md');
    const tree = git('rev-parse', 'HEAD^{tree}');
    expect(catFile(root, [tree, blob, '0'.repeat(40)]).map((bytes) => (bytes ? Buffer.from(bytes).toString('utf8') : bytes))).toEqual([undefined, 'x', undefined]);
  });

  it('outside a git work tree, there is no history', () => {
    const plain = tempTree({ 'zh/a.md': '' });
    expect(commitsTouching(plain, ['zh'])).toEqual([]);
    expect(textsAtCommits(plain, [{ commit: 'HEAD', file: 'zh/a.md' }])).toEqual([undefined]);
  });
});
