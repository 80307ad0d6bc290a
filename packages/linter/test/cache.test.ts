import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check } from '@tongwen/linter';
import { createRunCache } from '@tongwen/rules';
import { describe, expect, it } from 'vitest';

function book(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongwen-cache-test-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('the content-hash cache', () => {
  it('gives the same findings on a cached run, and new ones for a changed file only', () => {
    const root = book({ 'SUMMARY.md': '* [甲](a.md)\n* [乙](b.md)\n', 'a.md': '# 甲\n\n```sh\nls\n', 'b.md': '# 乙\n\n[丙](c.md)\n' });
    const cache = path.join(root, '.cache');
    const first = check({ paths: ['.'], cwd: root, cache });
    expect(readdirSync(cache)).toHaveLength(1);
    const second = check({ paths: ['.'], cwd: root, cache });
    expect(second.findings).toEqual(first.findings);
    // A cached run keeps what it reused: the next run reuses it again (no chapter rule runs).
    const saved = JSON.parse(readFileSync(path.join(cache, readdirSync(cache)[0]!), 'utf8'));
    expect(Object.values(saved.entries).map((entry) => Array.isArray((entry as { findings?: unknown }).findings))).toEqual([true, true, true]);
    expect(first.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['fence-unclosed', 'a.md', 3],
      ['link-missing-file', 'b.md', 3],
    ]);
    writeFileSync(path.join(root, 'a.md'), '# 甲\n\n```sh\nls\n```\n');
    const third = check({ paths: ['.'], cwd: root, cache });
    expect(third.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['link-missing-file', 'b.md', 3]]);
  });

  it('runs chapter rules again when the book’s file list changes', () => {
    const root = book({ 'a.md': '# 甲\n\n见[站点](example.io)。\n', 'example.io': '' });
    const cache = path.join(root, '.cache');
    expect(check({ paths: ['.'], cwd: root, cache }).findings).toEqual([]);
    rmSync(path.join(root, 'example.io'));
    expect(check({ paths: ['.'], cwd: root, cache }).findings.map((f) => f.ruleId)).toEqual(['link-missing-scheme']);
  });

  it('is not used when turned off or when the rules change', () => {
    const root = book({ 'a.md': '# 甲\n\n```sh\nls\n' });
    const cache = path.join(root, '.cache');
    expect(check({ paths: ['.'], cwd: root, cache }).findings).toHaveLength(1);
    expect(check({ paths: ['.'], cwd: root, cache, rules: { 'fence-unclosed': 'off' } }).findings).toHaveLength(0);
    expect(check({ paths: ['.'], cwd: root, cache: false }).findings).toHaveLength(1);
  });

  it('is not rewritten by a run where nothing changed, and is by one where a chapter changed', () => {
    const root = book({ 'SUMMARY.md': '* [甲](a.md)\n', 'a.md': '# 甲\n\n```sh\nls\n' });
    try {
      const cache = path.join(root, '.cache');
      check({ paths: ['.'], cwd: root, cache });
      const file = path.join(cache, readdirSync(cache)[0]!);
      const written = statSync(file).ino;
      check({ paths: ['.'], cwd: root, cache });
      expect(statSync(file).ino).toBe(written);
      writeFileSync(path.join(root, 'a.md'), '# 甲\n\n```sh\nls\n```\n');
      check({ paths: ['.'], cwd: root, cache });
      expect(statSync(file).ino).not.toBe(written);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('checks a chapter edited with its size and modification time kept (the content is hashed)', () => {
    const root = book({ 'a.md': '# 甲\n\n```sh\nls\n' });
    try {
      const cache = path.join(root, '.cache');
      const chapter = path.join(root, 'a.md');
      const { atime, mtime } = statSync(chapter);
      expect(check({ paths: ['.'], cwd: root, cache }).findings.map((f) => f.ruleId)).toEqual(['fence-unclosed']);
      writeFileSync(chapter, '# 甲\n\n```sh\n\n```');
      utimesSync(chapter, atime, mtime);
      expect(check({ paths: ['.'], cwd: root, cache }).findings).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps the findings of the chapters a run of one chapter did not lint', () => {
    const root = book({ 'SUMMARY.md': '* [甲](a.md)\n* [乙](b.md)\n', 'a.md': '# 甲\n\n```sh\nls\n', 'b.md': '# 乙\n\n正文。\n' });
    try {
      const cache = path.join(root, '.cache');
      const whole = check({ paths: ['.'], cwd: root, cache });
      expect(check({ paths: ['b.md'], cwd: root, cache }).findings).toEqual([]);
      const saved = JSON.parse(readFileSync(path.join(cache, readdirSync(cache)[0]!), 'utf8')) as { entries: Record<string, { findings?: unknown[] }> };
      expect(Object.entries(saved.entries).map(([file, entry]) => [file, entry.findings?.length])).toEqual([
        ['SUMMARY.md', 0],
        ['a.md', 1],
        ['b.md', 0],
      ]);
      expect(check({ paths: ['.'], cwd: root, cache }).findings).toEqual(whole.findings);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps the entries of chapters a run without contents list did not read, findings only for the same file list', () => {
    const root = book({ 'a.md': '# 甲\n\n```sh\nls\n', 'b.md': '# 乙\n\n正文。\n' });
    try {
      const cache = path.join(root, '.cache');
      check({ paths: ['.'], cwd: root, cache });
      check({ paths: ['b.md'], cwd: root, cache });
      const entries = () => Object.entries((JSON.parse(readFileSync(path.join(cache, readdirSync(cache)[0]!), 'utf8')) as { entries: Record<string, { findings?: unknown[] }> }).entries).sort();
      expect(entries().map(([file, entry]) => [file, entry.findings?.length])).toEqual([
        ['a.md', 1],
        ['b.md', 0],
      ]);
      writeFileSync(path.join(root, 'c.md'), '# 丙\n');
      check({ paths: ['b.md'], cwd: root, cache });
      expect(entries().map(([file, entry]) => [file, entry.findings?.length])).toEqual([
        ['a.md', undefined],
        ['b.md', 0],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the resources of a run', () => {
  it('are taken from `resources` when given: two checks build the converters once', () => {
    const root = book({ 'a.md': '# 繁體\n\n這是一個測試，内容里有简体字。\n' });
    try {
      const resources = createRunCache();
      const first = check({ paths: ['.'], cwd: root, cache: false, resources, locale: 'zh-Hant' });
      const converters = resources.memo('tongwen:opencc:converters', () => undefined) as { built: string[] } | undefined;
      expect(converters?.built.length).toBeGreaterThan(0);
      const second = check({ paths: ['.'], cwd: root, cache: false, resources, locale: 'zh-Hant' });
      expect(resources.memo('tongwen:opencc:converters', () => undefined)).toBe(converters);
      expect(second.findings).toEqual(first.findings);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the cache and git sources', () => {
  it('is not rewritten by a check of a commit: it keeps the entries of the work tree', () => {
    const root = book({ 'a.md': '# 甲\n\n```sh\nls\n' });
    try {
      const git = (...args: string[]): void => {
        execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], { cwd: root, stdio: 'ignore' });
      };
      git('init', '-q');
      git('add', 'a.md');
      git('commit', '-q', '-m', 'a');
      writeFileSync(path.join(root, 'a.md'), '# 甲\n\n```sh\nls\n```\n');
      const cache = path.join(root, '.cache');
      expect(check({ paths: ['.'], cwd: root, cache }).findings).toEqual([]);
      const file = path.join(cache, readdirSync(cache)[0]!);
      const written = statSync(file).ino;
      expect(check({ paths: ['.'], cwd: root, cache, source: { kind: 'commit', ref: 'HEAD' } }).findings.map((f) => f.ruleId)).toEqual(['fence-unclosed']);
      expect(statSync(file).ino).toBe(written);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
