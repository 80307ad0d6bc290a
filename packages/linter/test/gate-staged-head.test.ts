import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '@tongwen/book';
import { check, checkGate } from '@tongwen/linter';
import { createGitSession, type GitSession } from '@tongwen/workspace';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile, type CacheFile } from './store-file.js';

const files: Record<string, string> = {
  'SUMMARY.md': '* [甲](a.md)\n* [乙](b.md)\n* [丙](c.md)\n',
  'a.md': '# 甲\n\n见[乙的一节](b.md#一节)。\n',
  'b.md': '# 乙\n\n## 一节\n\n正文。\n',
  'c.md': '# 丙\n\n见[甲](a.md)和[丁](d.md)。\n',
};

let root = '';
const git = (...args: string[]): string => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
const write = (file: string, text: string): void => writeFileSync(path.join(root, file), text);

beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tongwen-gate-head-')));
  for (const [file, text] of Object.entries(files)) write(file, text);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'book');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const shown = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

/** A session that never learns what is staged: HEAD is listed by `git ls-tree`, the reference path. */
function referenceSession(): GitSession {
  const session = createGitSession();
  const staged: GitSession['staged'] = new Map();
  staged.set = () => staged;
  return { ...session, staged };
}

/** `--staged` (no store) with HEAD from the index and the staged changes, and with HEAD from `git ls-tree`: the two must agree. */
function staged(): { findings: string[]; previous: string[]; commands: string[] } {
  const session = createGitSession();
  const run = (git: GitSession) => checkGate({ paths: [], cwd: root, cache: false, git }, { kind: 'staged' });
  const fast = run(session);
  const reference = run(referenceSession());
  const result = { findings: shown(fast?.result.findings ?? []), previous: shown(fast?.previous ?? []) };
  expect(result).toEqual({ findings: shown(reference?.result.findings ?? []), previous: shown(reference?.previous ?? []) });
  return { ...result, commands: session.commands };
}

describe('--staged with HEAD listed from the index and the staged changes', () => {
  it('a staged deletion: what it breaks elsewhere is new, what was broken before is not', () => {
    git('rm', '-q', 'b.md');
    expect(staged()).toEqual({
      findings: ['contents-missing-file SUMMARY.md:2', 'link-missing-file a.md:3'],
      previous: ['link-missing-file c.md:3'],
      commands: ['diff', 'cat-file'],
    });
  });

  it('a staged rename: the chapter’s old findings keep their names, what the rename breaks is new', () => {
    git('mv', 'c.md', 'c2.md');
    expect(staged()).toEqual({
      findings: ['contents-missing-file SUMMARY.md:3', 'contents-orphan c2.md:1', 'link-missing-file c2.md:3'],
      previous: [],
      commands: ['diff'],
    });
  });

  it('a chapter added with `git add -N` next to a staged change is not in the commit, nor in HEAD', () => {
    write('b.md', `${files['b.md']}\n更多。\n`);
    git('add', 'b.md');
    write('d.md', '# 丁\n');
    git('add', '-N', 'd.md');
    // The index holds d.md as the empty blob, marked as only intended: a commit leaves it out, so c.md's link to it stays broken.
    expect(staged()).toEqual({
      findings: [],
      previous: ['link-missing-file c.md:3'],
      commands: ['diff', 'cat-file'],
    });
  });
});

describe('--staged on a warm store: HEAD known by its git listing', () => {
  /** `--staged` through the store at `.cache`, with the git commands it ran; the same findings as without the store. */
  function cached(): { findings: string[]; previous: string[]; commands: string[] } {
    const session = createGitSession();
    const gated = checkGate({ paths: [], cwd: root, cache: path.join(root, '.cache'), git: session }, { kind: 'staged' });
    const uncached = checkGate({ paths: [], cwd: root, cache: false }, { kind: 'staged' });
    const result = { findings: shown(gated?.result.findings ?? []), previous: shown(gated?.previous ?? []) };
    expect(result).toEqual({ findings: shown(uncached?.result.findings ?? []), previous: shown(uncached?.previous ?? []) });
    return { ...result, commands: session.commands };
  }

  it('reads no blob of HEAD once a run saw its listing: a repeated gate, and the gate after a commit', () => {
    write('.gitignore', '.cache/\n');
    check({ paths: ['.'], cwd: root, cache: path.join(root, '.cache') });
    write('b.md', `${files['b.md']}\n更多。\n`);
    git('add', 'b.md');
    // c.md's link to d.md is a book finding outside the staged file: HEAD is checked, and its b.md read once.
    const first = cached();
    expect(first).toEqual({ findings: [], previous: ['link-missing-file c.md:3'], commands: ['diff', 'cat-file'] });
    expect(cached()).toEqual({ ...first, commands: ['diff'] });
    git('commit', '-q', '-m', 'b');
    write('a.md', `${files['a.md']}\n见[丁](d.md)。\n`);
    git('add', 'a.md');
    // HEAD is the index the last gate listed: its findings are the store's.
    expect(cached()).toEqual({ findings: ['link-missing-file a.md:5'], previous: ['link-missing-file c.md:3'], commands: ['diff'] });
  });

  it('a summary is taken only for its own listing: a planted finding under another listing does not show', () => {
    write('.gitignore', '.cache/\n');
    check({ paths: ['.'], cwd: root, cache: path.join(root, '.cache') });
    write('b.md', `${files['b.md']}\n更多。\n`);
    git('add', 'b.md');
    cached();
    const side = path.join(root, '.cache', readdirSync(path.join(root, '.cache')).find((name) => name.endsWith('.commit.json'))!);
    const store = readCacheFile(side) as CacheFile & { summary: { listing: string; findings: Finding[] } };
    store.summary.findings.push({ ruleId: 'link-missing-file', severity: 'error', file: 'c.md', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'planted', fingerprint: '0123456789abcdef' });
    store.summary.listing = `${store.summary.listing.slice(0, -1)}0`;
    writeCacheFile(side, store);
    expect(cached().commands).toEqual(['diff', 'cat-file']);
  });
});
