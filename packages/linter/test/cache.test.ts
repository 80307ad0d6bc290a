import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseChapter, parseContents } from '@tongwen/book';
import { ChapterCache, check } from '@tongwen/linter';
import { createRunCache } from '@tongwen/rules';
import { hashText, manifestName, manifestStore, saveStore, storeKey } from '@tongwen/workspace';
import { afterAll, describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile } from './store-file.js';

function book(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongwen-cache-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
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
    const saved = readCacheFile(path.join(cache, readdirSync(cache)[0]!));
    expect(Object.values(saved.files).map((entry) => Array.isArray(entry.findings))).toEqual([true, true, true]);
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

  it('is not used when a chapter, the configuration or the tool version changes', () => {
    const root = book({ 'a.md': '# 甲\n\n```sh\nls\n', 'b.md': '# 乙\n' });
    const cache = path.join(root, '.cache');
    const run = (rules: Record<string, 'off' | 'error'> = {}) => check({ paths: ['.'], cwd: root, cache, rules });
    expect(run().findings.map((f) => f.ruleId)).toEqual(['fence-unclosed']);
    const saved = path.join(cache, readdirSync(cache)[0]!);
    const stored = readCacheFile(saved);
    expect([stored.tool, stored.version, Object.keys(stored.files)]).toEqual(['tongwen check', 2, ['a.md', 'b.md']]);
    // The same key reopens every entry; another tool version or configuration none.
    const key = stored.options;
    const facts = (k: string) => {
      const opened = ChapterCache.open(saved, k);
      return [opened.facts('a.md', '# 甲\n\n```sh\nls\n') !== undefined, opened.facts('b.md', '# 乙\n') !== undefined, opened.facts('b.md', '# 乙（改）\n') !== undefined];
    };
    expect(facts(key)).toEqual([true, true, false]);
    expect(facts(storeKey('another version', null))).toEqual([false, false, false]);
    expect(run({ 'fence-unclosed': 'off' }).findings).toEqual([]);
    writeFileSync(path.join(root, 'a.md'), '# 甲\n\n```sh\nls\n```\n');
    expect(run().findings).toEqual([]);
  });

  it('ignores a corrupt or hostile cache file with a note, and the run is correct', () => {
    const root = book({ 'a.md': '# 甲\n\n```sh\nls\n' });
    const cache = path.join(root, '.cache');
    const expected = check({ paths: ['.'], cwd: root, cache: false }).findings;
    check({ paths: ['.'], cwd: root, cache });
    const saved = path.join(cache, readdirSync(cache)[0]!);
    const good = readFileSync(saved);
    const stored = readCacheFile(saved);
    const unexpected = `Unexpected content in \`${saved}\`, expected a \`tongwen check\` store of version 2`;

    writeFileSync(saved, '{"tool":"tongwen check","version":2,"opt');
    const truncated = check({ paths: ['.'], cwd: root, cache });
    expect(truncated.findings).toEqual(expected);
    expect(truncated.notes).toEqual([`${unexpected}: ignored`]);
    // The run saved a good cache again.
    expect(check({ paths: ['.'], cwd: root, cache }).notes).toBeUndefined();
    expect(readFileSync(saved)).toEqual(good);

    // A store cut short after its header (a torn or foreign file) is ignored whole, and saved again.
    writeFileSync(saved, good.subarray(0, good.length - 10));
    const torn = check({ paths: ['.'], cwd: root, cache });
    expect([torn.findings, torn.notes]).toEqual([expected, [`${unexpected} of ${good.length} bytes (a torn or foreign file): ignored`]]);
    expect(readFileSync(saved)).toEqual(good);

    // The JSON layout of earlier versions is outdated: replaced without a note.
    writeFileSync(saved, JSON.stringify({ tool: 'tongwen check', version: 1, options: stored.options, files: stored.files }));
    const old = check({ paths: ['.'], cwd: root, cache });
    expect([old.findings, old.notes]).toEqual([expected, undefined]);
    expect(readFileSync(saved)).toEqual(good);

    // Findings that are not findings, and a path outside the book: those entries are dropped and named (the record when it is read:
    // without the book's summary, the chapter's findings are looked up).
    const { summary: _, ...withoutSummary } = stored;
    const hostile = { ...withoutSummary, files: { 'a.md': { ...stored.files['a.md'], findings: [{ ruleId: 'x', severity: 'fatal' }] }, '../escape.md': stored.files['a.md']! } };
    writeCacheFile(saved, hostile);
    const dropped = check({ paths: ['.'], cwd: root, cache });
    expect(dropped.findings).toEqual(expected);
    expect(dropped.notes).toEqual([`Unexpected entry \`../escape.md\` in \`${saved}\`, expected a path inside its folder: ignored`, `Unexpected entry \`a.md\` in \`${saved}\`, expected a well-formed record: ignored`]);

    writeCacheFile(saved, { tool: 'tongwen convert', version: 2, options: stored.options, files: {} });
    expect(check({ paths: ['.'], cwd: root, cache }).notes).toEqual([`${unexpected}: ignored`]);
  });

  it('reads no chapter’s record in a run that reuses the whole book’s findings, and saves none again', () => {
    const root = book({ 'SUMMARY.md': '* [甲](a.md)\n* [乙](b.md)\n', 'a.md': '# 甲\n\n```sh\nls\n', 'b.md': '# 乙\n\n[丙](c.md)\n' });
    const cache = path.join(root, '.cache');
    const first = check({ paths: ['.'], cwd: root, cache });
    const file = path.join(cache, readdirSync(cache)[0]!);
    // Every chapter's record but the contents list's (the book is built from it) replaced by `0`, not a record; paths and content hashes kept.
    const bytes = readFileSync(file);
    const end = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as { summary: number; records: [string, string, number][] };
    const contents = header.records[0]!;
    expect(contents[0]).toBe('SUMMARY.md');
    const kept = bytes.subarray(end + 1, end + 1 + header.summary + contents[2]);
    const records = header.records.map(([name, tag, length]) => [name, tag, name === contents[0] ? length : 1]);
    const hollow = Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, records })}\n`), kept, Buffer.from('0'.repeat(records.length - 1))]);
    writeFileSync(file, hollow);
    const warm = check({ paths: ['.'], cwd: root, cache });
    expect([warm.findings, warm.notes]).toEqual([first.findings, undefined]);
    expect(readFileSync(file)).toEqual(hollow);
    // A changed chapter: the book's findings are made again, from the chapters' facts; the hollow records are named and replaced.
    writeFileSync(path.join(root, 'b.md'), '# 乙\n\n[丙](c.md)\n\n更多。\n');
    const changed = check({ paths: ['.'], cwd: root, cache });
    expect(changed.findings).toEqual(check({ paths: ['.'], cwd: root, cache: false }).findings);
    expect(changed.notes).toEqual([`Unexpected entry \`a.md\` in \`${file}\`, expected a well-formed record: ignored`]);
    expect(Object.keys(readCacheFile(file).files)).toEqual(['SUMMARY.md', 'a.md', 'b.md']);
    expect(check({ paths: ['.'], cwd: root, cache }).notes).toBeUndefined();
  });

  it('does not reuse findings of a chapter that took the book’s dominant locale once that locale changes', () => {
    const simplified = '# 资源\n\n这是一段很长的简体中文说明文字，用来决定这本书的主要语言。我们在这里写了很多内容，包括安装、配置和使用方法。\n';
    const traditional = '# 資源\n\n這是一段很長的繁體中文說明文字，用來決定這本書的主要語言。我們在這裡寫了很多內容，包括安裝、設定和使用方法。\n';
    const root = book({ 'a.md': simplified, 'b.md': simplified, 'short.md': '# 資源\n\n資源\n' });
    const cache = path.join(root, '.cache');
    const run = () => check({ paths: ['.'], cwd: root, cache }).findings.map((f) => [f.ruleId, f.file, f.line]);
    expect(run()).toEqual([
      ['zh-script-mixed', 'short.md', 1],
      ['zh-script-mixed', 'short.md', 3],
    ]);
    const saved = readCacheFile(path.join(cache, readdirSync(cache)[0]!));
    expect(Object.entries(saved.files).map(([file, entry]) => [file, entry.fallback])).toEqual([
      ['a.md', undefined],
      ['b.md', undefined],
      ['short.md', 'zh-Hans'],
    ]);
    // The book becomes Traditional; short.md does not change, and is Traditional like its book now.
    writeFileSync(path.join(root, 'a.md'), traditional);
    writeFileSync(path.join(root, 'b.md'), traditional);
    const uncached = check({ paths: ['.'], cwd: root, cache: false }).findings.map((f) => [f.ruleId, f.file, f.line]);
    expect(run()).toEqual(uncached);
    expect(uncached.filter(([, file]) => file === 'short.md')).toEqual([]);
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
      const saved = readCacheFile(path.join(cache, readdirSync(cache)[0]!));
      expect(Object.entries(saved.files).map(([file, entry]) => [file, (entry.findings as unknown[] | undefined)?.length])).toEqual([
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
      const entries = () => Object.entries(readCacheFile(path.join(cache, readdirSync(cache)[0]!)).files).sort();
      const counts = () => entries().map(([file, entry]) => [file, (entry.findings as unknown[] | undefined)?.length]);
      expect(counts()).toEqual([
        ['a.md', 1],
        ['b.md', 0],
      ]);
      writeFileSync(path.join(root, 'c.md'), '# 丙\n');
      check({ paths: ['b.md'], cwd: root, cache });
      expect(counts()).toEqual([
        ['a.md', undefined],
        ['b.md', 0],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the contents list in the store', () => {
  const key = storeKey('code', ['contents test']);
  const summary = '# 书\n\n* [甲](a.md)\n* [乙](b.md)\n';

  it('is parsed once for the same bytes and grammar, and again when either changes', () => {
    const root = book({});
    const file = path.join(root, 'store.json');
    const parses: string[] = [];
    const listed = (text: string, grammar = 'auto') => {
      const cache = ChapterCache.open(file, key);
      cache.bookFiles(['SUMMARY.md']);
      cache.facts('SUMMARY.md', text);
      cache.keepFacts(parseChapter('SUMMARY.md', text));
      const parse = () => {
        parses.push(grammar);
        return parseContents(text, 'SUMMARY.md', { grammar: grammar as 'auto' });
      };
      const list = cache.contents('SUMMARY.md', grammar, parse);
      // A second look in the same run is the list already read.
      expect(cache.contents('SUMMARY.md', grammar, parse)).toBe(list);
      expect(cache.saveIfChanged()).toBeUndefined();
      return list;
    };
    const first = listed(summary);
    expect(parses).toEqual(['auto']);
    expect(listed(summary)).toEqual(first);
    expect(parses).toEqual(['auto']);
    expect(listed(summary, 'gitbook')).toEqual(first);
    expect(parses).toEqual(['auto', 'gitbook']);
    const changed = listed(`${summary}* [丙](c.md)\n`, 'gitbook');
    expect(parses).toEqual(['auto', 'gitbook', 'gitbook']);
    expect(changed.entries.map((entry) => entry.path)).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('gives a warm run the findings of a run without the store, before and after the list changes', () => {
    const root = book({ 'SUMMARY.md': summary, 'a.md': '# 甲\n', 'b.md': '# 乙\n' });
    const cache = path.join(root, '.cache');
    const run = () => check({ paths: ['.'], cwd: root, cache }).findings;
    const fresh = () => check({ paths: ['.'], cwd: root, cache: false }).findings;
    const stored = () => (readCacheFile(path.join(cache, readdirSync(cache)[0]!)).files['SUMMARY.md']?.contents as { list: { entries: Array<{ path?: string }> } } | undefined)?.list.entries.map((entry) => entry.path);
    expect(run()).toEqual([]);
    expect(stored()).toEqual(['a.md', 'b.md']);
    expect(run()).toEqual(fresh());
    writeFileSync(path.join(root, 'SUMMARY.md'), `${summary}* [丙](c.md)\n`);
    const changed = run();
    expect(changed.map((f) => [f.ruleId, f.file, f.line])).toEqual([['contents-missing-file', 'SUMMARY.md', 5]]);
    expect(changed).toEqual(fresh());
    expect(stored()).toEqual(['a.md', 'b.md', 'c.md']);
    expect(run()).toEqual(changed);
  });

  it('ignores a stored list of the wrong shape: the list is parsed', () => {
    const root = book({ 'SUMMARY.md': summary, 'a.md': '# 甲\n', 'b.md': '# 乙\n' });
    const cache = path.join(root, '.cache');
    check({ paths: ['.'], cwd: root, cache });
    const file = path.join(cache, readdirSync(cache)[0]!);
    const saved = readCacheFile(file);
    (saved.files['SUMMARY.md']!.contents as { list: { entries: unknown[] } }).list.entries = [{ title: 1 }];
    writeCacheFile(file, saved);
    const warm = check({ paths: ['.'], cwd: root, cache });
    expect(warm.notes?.length).toBe(1);
    expect(warm.findings).toEqual(check({ paths: ['.'], cwd: root, cache: false }).findings);
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

  it('judges a generated mirror from the store’s hashes as from the files: a hand edit after a warm run is found', () => {
    const source = '# 指南\n\n简介。\n';
    const mirror = '# 指南\n\n簡介。\n';
    const root = book({ 'tongwen.config.json': JSON.stringify({ mirrors: [{ source: 'zh-hans', mirror: 'zh-tw', kind: 'generated' }] }), 'zh-hans/a.md': source, 'zh-tw/a.md': mirror });
    saveStore(path.join(root, 'zh-tw', manifestName), manifestStore, { key: 'k', files: { 'a.md': { input: hashText(source), output: hashText(mirror) } } });
    const cache = path.join(root, '.cache');
    const stale = (options: { cache: string | false }) => check({ paths: ['.'], cwd: root, ...options }).findings.filter((f) => f.ruleId === 'mirror-generated-stale').map((f) => f.file);
    expect([stale({ cache }), stale({ cache }), stale({ cache: false })]).toEqual([[], [], []]);
    writeFileSync(path.join(root, 'zh-tw/a.md'), `${mirror}\n手改的一行。\n`);
    expect([stale({ cache }), stale({ cache }), stale({ cache: false })]).toEqual([['zh-tw/a.md'], ['zh-tw/a.md'], ['zh-tw/a.md']]);
  });
});
