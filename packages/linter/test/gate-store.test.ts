import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '@tongwen/book';
import { check, checkGate } from '@tongwen/linter';
import { hashText } from '@tongwen/workspace';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile, type CacheFile } from './store-file.js';

const files: Record<string, string> = {
  'SUMMARY.md': '* [甲](a.md)\n* [乙](b.md)\n* [丙](c.md)\n',
  'a.md': '# 甲\n\n见[乙的一节](b.md#一节)。\n\n```sh\nls\n',
  'b.md': '# 乙\n\n## 一节\n\n正文。\n',
  'c.md': '# 丙\n\n见[甲](a.md)和[丁](d.md)。\n',
};

let root = '';
let cache = '';
const git = (...args: string[]): string => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
const write = (file: string, text: string): void => writeFileSync(path.join(root, file), text);

beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tongwen-gate-store-')));
  cache = path.join(root, '.cache');
  for (const [file, text] of Object.entries(files)) write(file, text);
  write('.gitignore', '.cache/\n');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'book');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const shown = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity} ${f.fingerprint} ${f.message}`);
/** `--staged` through the store, and without it: the two must agree. */
function staged(useCache: boolean): { findings: string[]; previous: string[] } {
  const gated = checkGate({ paths: [], cwd: root, cache: useCache ? cache : false }, { kind: 'staged' });
  return { findings: shown(gated?.result.findings ?? []), previous: shown(gated?.previous ?? []) };
}

/** Warm the store with a check of the committed book, then plant a finding in its book summary: a summary used when it should not be shows it. */
function warmAndPoison(key?: string): void {
  check({ paths: ['.'], cwd: root, cache });
  const file = path.join(cache, readdirSync(cache)[0]!);
  const store = readCacheFile(file) as CacheFile & { summary: { findings: Finding[] } };
  const planted: Finding = { ruleId: 'link-missing-file', severity: 'error', file: 'b.md', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'planted', fingerprint: '0123456789abcdef' };
  store.summary.findings.push(planted);
  if (key) store.options = key;
  writeCacheFile(file, store);
}

describe('--staged on a warm store gives the findings of an uncached --staged', () => {
  it('uses the store when nothing it depends on changed (the planted finding shows: the control)', () => {
    warmAndPoison();
    expect(shown(check({ paths: ['.'], cwd: root, cache }).findings).filter((line) => line.includes('planted'))).toHaveLength(1);
  });

  it('after a change of the contents list', () => {
    warmAndPoison();
    write('SUMMARY.md', '* [甲](a.md)\n* [乙](b.md)\n');
    git('add', 'SUMMARY.md');
    const uncached = staged(false);
    expect(uncached.findings.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['contents-orphan c.md:1']);
    expect(staged(true)).toEqual(uncached);
  });

  it('after a chapter is renamed', () => {
    warmAndPoison();
    git('mv', 'b.md', 'b2.md');
    const uncached = staged(false);
    expect(uncached.findings.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['contents-missing-file SUMMARY.md:2', 'link-missing-file a.md:3', 'contents-orphan b2.md:1']);
    expect(staged(true)).toEqual(uncached);
  });

  it('after a change of the configuration', () => {
    warmAndPoison();
    write('tongwen.config.json', '{ "rules": { "link-missing-file": "warn" } }\n');
    write('c.md', `${files['c.md']}\n更多。\n`);
    git('add', '-A');
    const uncached = staged(false);
    expect(uncached.findings.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['link-missing-file c.md:3 warning']);
    expect(staged(true)).toEqual(uncached);
  });

  it('after a change of the tool version (a store saved under another key)', () => {
    warmAndPoison('a store of another version');
    write('b.md', `${files['b.md']}\n见[戊](e.md)。\n`);
    git('add', 'b.md');
    const uncached = staged(false);
    expect(uncached.findings.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['link-missing-file b.md:7']);
    expect(staged(true)).toEqual(uncached);
  });
});

describe('the side store of --staged', () => {
  const sideFiles = (): Record<string, { hash: string }> => {
    const side = readdirSync(cache).find((name) => name.endsWith('.commit.json'));
    return side ? (readCacheFile(path.join(cache, side)).files as Record<string, { hash: string }>) : {};
  };

  it('keeps HEAD’s version of a staged chapter that the check of the index replaced in the book’s store', () => {
    check({ paths: ['.'], cwd: root, cache });
    write('b.md', `${files['b.md']}\n更多。\n`);
    git('add', 'b.md');
    const uncached = staged(false);
    // c.md's link to d.md is a book finding outside the staged file: HEAD is checked too.
    expect(uncached.previous.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['fence-unclosed a.md:5', 'link-missing-file c.md:3']);
    expect(staged(true)).toEqual(uncached);
    expect(Object.entries(sideFiles()).map(([file, entry]) => [file, entry.hash])).toEqual([['b.md', hashText(files['b.md']!)]]);
    expect(staged(true)).toEqual(uncached);
  });
});
