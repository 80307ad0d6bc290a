import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, InputError, type SourceChoice } from '@tongwen/linter';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'tongwen-git-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (files: Record<string, string>): void => {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
};
const git = (...args: string[]): string => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
const findings = (source: SourceChoice) => check({ paths: ['docs'], cwd: root, cache: false, source }).findings.map(({ ruleId, file, line, column, message, fingerprint }) => ({ ruleId, file, line, column, message, fingerprint }));

const book = {
  'docs/SUMMARY.md': '# 目录\n\n* [安装](install.md)\n* [使用](usage.md)\n* [缺失](missing.md)\n',
  'docs/install.md': '# 安装\n\n运行 docker,然后见 [使用](usage.md#不存在)。\n',
  'docs/usage.md': '# 使用\n\n### 跳级\n\n![图](img/none.png)\n',
  'docs/_book/out.md': '# 输出,\n',
  'docs/drafts/x.md': '# 草稿,\n',
  'docs/tongwen.config.json': '{ "ignore": ["drafts/**"] }',
  'other/unrelated.md': '# 无关,\n',
};

describe('file sources: the work tree, the git index, a commit', () => {
  git('init', '-q');
  write(book);
  git('add', '-A');
  git('commit', '-q', '-m', 'book');

  it('give identical findings (and fingerprints) for identical content', () => {
    const tree = findings({ kind: 'worktree' });
    expect(tree.length).toBeGreaterThan(3);
    expect(findings({ kind: 'index' })).toEqual(tree);
    expect(findings({ kind: 'commit', ref: 'HEAD' })).toEqual(tree);
  });

  it('read what each source holds: staged content, committed content, the work tree', () => {
    write({ 'docs/install.md': '# 安装\n\n运行 docker，然后见 [使用](usage.md)。\n' });
    git('add', 'docs/install.md');
    write({ 'docs/install.md': '# 安装\n\n未暂存的修改,\n' });
    const files = (source: SourceChoice) => findings(source).filter((finding) => finding.file === 'install.md').map((finding) => finding.ruleId);
    expect(files({ kind: 'index' })).toEqual([]);
    expect(files({ kind: 'commit', ref: 'HEAD' })).toEqual(files({ kind: 'commit', ref: 'HEAD~0' }));
    expect(files({ kind: 'commit', ref: 'HEAD' })).not.toEqual([]);
    expect(files({ kind: 'worktree' })).not.toEqual(files({ kind: 'commit', ref: 'HEAD' }));
  });

  it('an unknown revision, or --fix with a git source, is an input error', () => {
    expect(() => check({ paths: ['docs'], cwd: root, cache: false, source: { kind: 'commit', ref: 'no-such-ref' } })).toThrow(InputError);
    expect(() => check({ paths: ['docs'], cwd: root, cache: false, fix: true, source: { kind: 'index' } })).toThrow('Unexpected `--fix` with a git source, expected the work tree');
  });
});
