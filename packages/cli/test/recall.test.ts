/**
 * A fixed, small, seeded subset of the recall benchmark (`scripts/recall.mjs`):
 * one defect of a class injected into a copy of a corpus book, the built CLI
 * run on it, and its new findings compared with those of the unmodified copy.
 * Each defect must be found at its place by its rule, and cause no other new
 * finding. The full benchmark (every class, every book, many seeds) is
 * `node scripts/recall.mjs`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasShared, repoRoot, sharedSkipReason } from '@tongwen/test-utils';
import { describe, expect, it, test } from 'vitest';

interface RecallResult {
  cls: string;
  detail: string;
  hit: boolean;
  falseAlarms: string[];
  found: string[];
}

type RecallBook = (name: string, options: { classes: string[]; seeds: number; first: number; noCache: boolean }) => RecallResult[];

async function recallBook(): Promise<RecallBook> {
  const script = pathToFileURL(path.join(repoRoot, 'scripts/recall.mjs')).href;
  return ((await import(script)) as { recallBook: RecallBook }).recallBook;
}

const outcome = (r: RecallResult): string => `${r.cls} ${r.detail}: ${r.hit ? 'hit' : `MISS (found ${r.found.join(' | ') || 'nothing'})`}${r.falseAlarms.length ? `, false alarms ${r.falseAlarms.join(' | ')}` : ''}`;

describe.skipIf(!hasShared)('recall of injected defects on the corpus books', () => {
  if (!hasShared) test.skip(sharedSkipReason, () => {});

  it('docker_practice-2018 (GitBook): contents, links, images, headings, Chinese typography', async () => {
    const classes = ['contents-entry', 'move', 'image', 'outside', 'heading-skip', 'emphasis', 'comma', 'spacing'];
    const results = (await recallBook())('docker_practice-2018', { classes, seeds: 1, first: 0, noCache: true });
    expect(results.map(outcome)).toEqual(PIN_DOCKER);
  });

  it('vue-docs-zh-cn (VitePress): custom ids renamed and repeated', async () => {
    const results = (await recallBook())('vue-docs-zh-cn', { classes: ['anchor', 'duplicate-id'], seeds: 1, first: 0, noCache: true });
    expect(results.map(outcome)).toEqual(PIN_VUE);
  });

  it('hexo-docs-zh (zh-cn/zh-tw pair): naive Traditional conversion, a paragraph dropped or added in one edition', async () => {
    const results = (await recallBook())('hexo-docs-zh', { classes: ['naive-traditional', 'mirror-paragraph'], seeds: 1, first: 0, noCache: true });
    expect(results.map(outcome)).toEqual(PIN_HEXO);
  });
});
