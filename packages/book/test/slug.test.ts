import { readFileSync } from 'node:fs';
import { createSlugger, slugOf, type SlugFlavour } from '@tongwen/book';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedSkipReason, testdataPath } from '@tongwen/test-utils';

interface SlugCase {
  heading: string;
  expected: string;
  source: string;
}

interface CaseFile {
  cases: SlugCase[];
  dedupe_sequence_github_fixture: [string, string][];
  dedupe_sequence_cjk_computed: [string, string][];
}

type Comparison = Record<string, string> & { heading: string };

/** Our flavours and the implementation column of slug-comparison.json each one reproduces. */
const implementationOf: Partial<Record<SlugFlavour, string>> = {
  github: 'github_slugger',
  gitbook: 'honkit_github_slugid',
  vitepress: 'vitepress_mdit_vue',
  mdbook: 'mdbook',
};
const flavours = Object.keys(implementationOf) as SlugFlavour[];

const readJson = <T>(name: string): T => JSON.parse(readFileSync(testdataPath('slugs', name), 'utf8')) as T;

describe.skipIf(!hasShared)(`slugs against ../shared/testdata/slugs${hasShared ? '' : ` (${sharedSkipReason})`}`, () => {
  const file = hasShared ? readJson<CaseFile>('cjk-slug-cases.json') : { cases: [], dedupe_sequence_github_fixture: [], dedupe_sequence_cjk_computed: [] };
  const comparison = hasShared ? readJson<Comparison[]>('slug-comparison.json') : [];

  it('reads the data files', () => {
    expect(file.cases.length).toBe(34);
    expect(comparison.length).toBe(29);
  });

  it.each(file.cases.map((c) => [c.heading, c.expected, c.source] as const))('github: %j -> %j (%s)', (heading, expected) => {
    expect(slugOf(heading, 'github')).toBe(expected);
    expect(createSlugger('github').slug(heading)).toBe(expected);
  });

  it.each([
    ['dedupe_sequence_github_fixture'],
    ['dedupe_sequence_cjk_computed'],
  ] as const)('github numbers duplicates through one slugger: %s', (key) => {
    const slugger = createSlugger('github');
    const sequence = file[key];
    expect(sequence.length).toBeGreaterThan(0);
    expect(sequence.map(([heading]) => slugger.slug(heading))).toEqual(sequence.map(([, expected]) => expected));
  });

  for (const flavour of flavours) {
    it(`${flavour} reproduces ${implementationOf[flavour]} on every heading of slug-comparison.json`, () => {
      const column = implementationOf[flavour]!;
      const actual = comparison.map((row) => [row.heading, slugOf(row.heading, flavour)]);
      const expected = comparison.map((row) => [row.heading, row[column]]);
      expect(actual).toEqual(expected);
    });
  }
});

describe('slug flavours (fixtures written here)', () => {
  it('github removes full-width punctuation, U+3000 and `\\p{No}` but keeps `_` and `-`', () => {
    expect(slugOf('第一章　简介（上）', 'github')).toBe('第一章简介上');
    expect(slugOf('①②', 'github')).toBe('');
    expect(slugOf('a_b-c', 'github')).toBe('a_b-c');
    expect(slugOf('𠮷野家 Ⅳ', 'github')).toBe('𠮷野家-ⅳ');
  });

  it('github numbers duplicates and skips anchors already taken', () => {
    const slugger = createSlugger('github');
    expect(['简介', '简介', '简介-1', '简介'].map((t) => slugger.slug(t))).toEqual(['简介', '简介-1', '简介-1-1', '简介-2']);
    slugger.reset();
    expect(slugger.slug('简介')).toBe('简介');
  });

  it('gitbook never numbers duplicates', () => {
    const slugger = createSlugger('gitbook');
    expect(['简介', '简介', '简介'].map((t) => slugger.slug(t))).toEqual(['简介', '简介', '简介']);
  });

  it('gitbook collapses dashes and drops one leading dash', () => {
    expect(slugOf('(注意) a  b', 'gitbook')).toBe('注意-a-b');
  });

  it('vitepress numbers duplicates from -1, skipping anchors already taken', () => {
    const slugger = createSlugger('vitepress');
    expect(['简介', '简介', '简介 1', '简介'].map((t) => slugger.slug(t))).toEqual(['简介', '简介-1', '简介-1-1', '简介-2']);
  });

  it('vitepress prefixes a leading digit with `_`', () => {
    expect(slugOf('2.1 镜像', 'vitepress')).toBe('_2-1-镜像');
  });

  it('mdbook counts per base anchor only, as mdBook does (it can repeat an anchor)', () => {
    const slugger = createSlugger('mdbook');
    expect(['简介', '简介', '简介-1'].map((t) => slugger.slug(t))).toEqual(['简介', '简介-1', '简介-1']);
  });

  it('mdbook turns any Unicode whitespace into `-` and keeps `\\p{No}`', () => {
    expect(slugOf('  ①　简介 ', 'mdbook')).toBe('①-简介');
  });
});

describe('the hexo flavour', () => {
  it('keeps letter case and replaces ASCII punctuation runs by one `-`', () => {
    const slugger = createSlugger('hexo');
    expect(['Settings & Their Default Values', '布局（Layout）', 'Install Node.js', 'Install Node.js'].map((text) => slugger.slug(text))).toEqual([
      'Settings-Their-Default-Values',
      '布局（Layout）',
      'Install-Node-js',
      'Install-Node-js-1',
    ]);
  });

  it('numbers duplicates per base anchor as hexo-renderer-marked does (`headingId[id]++`), not skipping taken ones', () => {
    const slugger = createSlugger('hexo');
    expect(['简介', '简介', '简介-1', '简介'].map((text) => slugger.slug(text))).toEqual(['简介', '简介-1', '简介-1', '简介-2']);
  });

  it('removes diacritics as hexo-util slugize does (NFD, marks dropped, ligatures spelt out), keeping case and full-width punctuation', () => {
    expect(slugOf('Café Æther ß：配置', 'hexo')).toBe('Cafe-AEther-s：配置');
  });
});
