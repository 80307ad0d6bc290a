import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, checkParallel, inShard, parseShard, type CheckOptions, type CheckResult } from '@tongwen/linter';
import { conventionBook, corpusPath, hasShared, sharedSkipReason } from '@tongwen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The findings as the JSON report writes them: what must not change with the threads. */
const shown = (result: CheckResult): string => JSON.stringify(result.findings);

/** Findings per rule. */
const counts = (result: CheckResult): Record<string, number> => {
  const byRule: Record<string, number> = {};
  for (const finding of result.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  return byRule;
};

/** The union of the shards' findings, in the order of the whole check. */
const union = (parts: CheckResult[], whole: CheckResult): string => {
  const order = new Map(whole.findings.map((finding, index) => [JSON.stringify(finding), index]));
  const all = parts.flatMap((part) => part.findings).sort((a, b) => (order.get(JSON.stringify(a)) ?? -1) - (order.get(JSON.stringify(b)) ?? -1));
  return JSON.stringify(all);
};

describe('the chapter pass as worker tasks (in this thread under vitest)', () => {
  let root = '';
  let options: CheckOptions;
  let whole: CheckResult;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tongwen-parallel-'));
    for (const [file, content] of Object.entries(conventionBook())) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    }
    options = { paths: [root], cwd: root, cache: false };
    whole = check(options);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives the findings of the one-thread check, byte for byte, conventions included', async () => {
    const many = await checkParallel({ ...options, jobs: 2 });
    expect(shown(many)).toBe(shown(whole));
    expect(many.files).toBe(whole.files);
    expect(counts(whole)).toEqual({
      'contents-missing-file': 1,
      'contents-orphan': 1,
      'file-encoding': 1,
      'heading-increment': 2,
      'heading-multiple-titles': 1,
      'image-missing': 1,
      'link-missing-anchor': 1,
      'zh-punctuation-width': 1,
      'zh-spacing': 2,
    });
    // The jump `##` to `####` of three chapters out of six is the book's convention; a block quote's headings are a scope of their own (checked among themselves, never a second title).
    expect(whole.findings.filter((finding) => finding.ruleId === 'heading-increment').map((finding) => `${finding.file}:${finding.line}`)).toEqual(['README.md:7', 'short.md:5']);
  });

  it('gives the same findings through the cache, cold then warm', async () => {
    const cache = path.join(root, '.cache');
    const cold = await checkParallel({ ...options, cache, jobs: 2 });
    const warm = await checkParallel({ ...options, cache, jobs: 2 });
    expect(shown(cold)).toBe(shown(whole));
    expect(shown(warm)).toBe(shown(whole));
  });

  it('splits into shards whose findings add up to the whole check', async () => {
    const parts = [check({ ...options, shard: { index: 1, count: 3 } }), await checkParallel({ ...options, shard: { index: 2, count: 3 }, jobs: 2 }), check({ ...options, shard: { index: 3, count: 3 } })];
    expect(union(parts, whole)).toBe(shown(whole));
    expect(parts.reduce((sum, part) => sum + part.files, 0)).toBe(whole.files);
    // Book rules (contents, links, load problems) report in the first shard only.
    expect(parts.slice(1).flatMap((part) => part.findings.filter((finding) => ['contents-orphan', 'link-missing-anchor', 'file-encoding'].includes(finding.ruleId)))).toEqual([]);
  });

  it('a shard without book rules neither sends nor parses the other shards\' chapters', async () => {
    for (const index of [2, 3]) {
      const shard = { index, count: 3 };
      const part = index === 2 ? await checkParallel({ ...options, shard, jobs: 2 }) : check({ ...options, shard });
      const chapters = [...part.books[0]!.book.chapters.values()];
      // A chapter parsed (here or in the chapter pass) has its facts as values; one on demand, as getters that parse when read.
      const onDemand = chapters.filter((chapter) => typeof Object.getOwnPropertyDescriptor(chapter, 'headings')?.get === 'function').map((chapter) => chapter.path);
      expect(onDemand).toEqual(chapters.map((chapter) => chapter.path).filter((file) => !inShard(shard, file)));
      expect(onDemand.length).toBeGreaterThan(0);
    }
  });

  it('places each chapter in one shard, by its path alone', () => {
    const files = Object.keys(conventionBook());
    for (const file of files) expect([1, 2, 3].filter((index) => inShard({ index, count: 3 }, file))).toHaveLength(1);
    expect(files.filter((file) => inShard({ index: 1, count: 3 }, file))).toEqual(['README.md', 'image.md', 'data.md', 'typography.md', 'orphan.md', 'latin1.md']);
  });

  it('reads `i/n` shards', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('0/3')).toBeUndefined();
    expect(parseShard('4/3')).toBeUndefined();
    expect(parseShard('2')).toBeUndefined();
  });
});

describe.skipIf(!hasShared)(`the chapter pass on a real book${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  it('docker_practice-2026: worker tasks give the one-thread findings, byte for byte', async () => {
    const root = corpusPath('docker_practice-2026');
    const options: CheckOptions = { paths: [root], cwd: root, cache: false };
    const one = check(options);
    const many = await checkParallel({ ...options, jobs: 2 });
    expect(many.findings.length).toBe(one.findings.length);
    expect(shown(many)).toBe(shown(one));
  });
});
