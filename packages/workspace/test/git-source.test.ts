import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGitSession, gitSource, readText, type FileSource } from '@tongwen/workspace';
import { afterAll, describe, expect, it } from 'vitest';

const top = realpathSync(mkdtempSync(path.join(tmpdir(), 'tongwen-git-source-')));
afterAll(() => rmSync(top, { recursive: true, force: true }));
const git = (...args: string[]): void => {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd: top, stdio: 'ignore' });
};
const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(top, file)), { recursive: true });
  writeFileSync(path.join(top, file), text);
};
const text = (source: FileSource, file: string): string | undefined => {
  const read = source.read(file);
  return 'bytes' in read ? Buffer.from(read.bytes).toString('utf8') : undefined;
};

describe('gitSource', () => {
  it('reads the staged and committed bytes, whatever the work tree holds, and a session reads each blob once', () => {
    git('init', '-q');
    write('book/a.md', '# 甲\n');
    write('book/b.md', '# 乙\n');
    write('book/c.md', '# 丙\r\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'book');
    write('book/a.md', '# 甲（已暂存）\n');
    git('add', 'book/a.md');
    // The work tree differs from the index: in content (a.md), in line endings only (c.md), or not at all (b.md).
    write('book/a.md', '# 甲（未暂存）\n');
    write('book/c.md', '# 丙\n');
    const session = createGitSession();
    const index = gitSource(path.join(top, 'book'), { kind: 'index' }, {}, session);
    expect(index.list()).toEqual(['a.md', 'b.md', 'c.md']);
    expect(['a.md', 'b.md', 'c.md'].map((file) => text(index, file))).toEqual(['# 甲（已暂存）\n', '# 乙\n', '# 丙\r\n']);
    const head = gitSource(path.join(top, 'book'), { kind: 'commit', ref: 'HEAD' }, {}, session);
    expect(['a.md', 'b.md', 'c.md'].map((file) => text(head, file))).toEqual(['# 甲\n', '# 乙\n', '# 丙\r\n']);
    // The index's three blobs and HEAD's other a.md: four blobs, each held once.
    expect(session.blobs.size).toBe(4);
    expect([...session.repositories.values()]).toEqual([{ top, hasHead: true, index: path.join(top, '.git/index') }]);
  });

  it('a committed file over the size limit is a problem with its size, known from its bytes (the tree is listed without sizes)', () => {
    const head = gitSource(path.join(top, 'book'), { kind: 'commit', ref: 'HEAD' });
    expect(head.size('a.md')).toBeUndefined();
    expect(readText(head, 'a.md', 4)).toEqual({ problem: { ruleId: 'file-too-large', message: 'File is 6 bytes, more than the limit of 4: not checked' } });
    expect(readText(head, 'b.md', 6)).toEqual({ text: '# 乙\n' });
  });
});
