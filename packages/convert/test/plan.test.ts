import { anchorsAfter, anchorsKey, finishQueue, followingAnchors, planConversion, type FragmentRef, type ManifestEntry, type PlanInput, type PlanSource, type PlanStep } from '@tongwen/convert';
import { describe, expect, it } from 'vitest';

const chapter = (path: string, hash = `h-${path}`): PlanSource => ({ path, hash, chapter: true });
const asset = (path: string, hash = `h-${path}`): PlanSource => ({ path, hash, chapter: false });
const entry = (path: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({ input: `h-${path}`, output: `o-${path}`, ...extra });
const key = 'k1';

interface Case {
  name: string;
  input: Partial<PlanInput> & Pick<PlanInput, 'sources'>;
  steps: PlanStep[];
}

const upToDate = { key, files: { 'a.md': entry('a.md'), 'img.png': entry('img.png') } };
const outputs = new Map([
  ['a.md', 'o-a.md'],
  ['img.png', 'o-img.png'],
]);

const cases: Case[] = [
  {
    name: 'a first run (no manifest) converts every chapter and copies every other file',
    input: { sources: [chapter('a.md'), asset('img.png')] },
    steps: [
      { path: 'a.md', action: 'convert' },
      { path: 'img.png', action: 'copy' },
    ],
  },
  {
    name: 'files whose source and output are what the manifest says are skipped, their entries kept',
    input: { sources: [chapter('a.md'), asset('img.png')], manifest: upToDate, outputs },
    steps: [
      { path: 'a.md', action: 'skip', entry: entry('a.md') },
      { path: 'img.png', action: 'skip', entry: entry('img.png') },
    ],
  },
  {
    name: 'a changed source is converted or copied again',
    input: { sources: [chapter('a.md', 'new'), asset('img.png', 'new')], manifest: upToDate, outputs },
    steps: [
      { path: 'a.md', action: 'convert' },
      { path: 'img.png', action: 'copy' },
    ],
  },
  {
    name: 'an output edited or deleted since is written again',
    input: { sources: [chapter('a.md'), asset('img.png')], manifest: upToDate, outputs: new Map([['a.md', 'hand-edited']]) },
    steps: [
      { path: 'a.md', action: 'convert' },
      { path: 'img.png', action: 'copy' },
    ],
  },
  {
    name: 'a manifest of other options or another version makes nothing up to date, but its outputs of gone sources are removed',
    input: { sources: [chapter('a.md')], manifest: { key: 'k0', files: { 'a.md': entry('a.md'), 'old.md': entry('old.md') } }, outputs },
    steps: [
      { path: 'a.md', action: 'convert' },
      { path: 'old.md', action: 'remove' },
    ],
  },
  {
    name: 'outputs of sources that are gone are removed, sorted, after the listed files',
    input: { sources: [chapter('a.md')], manifest: { key, files: { 'z.md': entry('z.md'), 'a.md': entry('a.md'), 'b/c.png': entry('b/c.png') } }, outputs },
    steps: [
      { path: 'a.md', action: 'skip', entry: entry('a.md') },
      { path: 'b/c.png', action: 'remove' },
      { path: 'z.md', action: 'remove' },
    ],
  },
  {
    name: 'a chapter that cannot be decoded is refused, whatever the manifest says',
    input: { sources: [{ ...chapter('gbk.md'), problem: 'File is not UTF-8' }], manifest: { key, files: { 'gbk.md': entry('gbk.md') } }, outputs: new Map([['gbk.md', 'o-gbk.md']]) },
    steps: [{ path: 'gbk.md', action: 'refuse', reason: 'File is not UTF-8' }],
  },
  {
    name: '--check converts and compares everything; a gone source is stale only while its output exists',
    input: { mode: 'check', sources: [chapter('a.md'), asset('img.png')], manifest: { key, files: { ...upToDate.files, 'gone.md': entry('gone.md'), 'deleted.md': entry('deleted.md') } }, outputs: new Map([...outputs, ['gone.md', 'o-gone.md']]) },
    steps: [
      { path: 'a.md', action: 'convert' },
      { path: 'img.png', action: 'copy' },
      { path: 'gone.md', action: 'remove' },
    ],
  },
  {
    name: '--in-place converts every chapter, touches nothing else, and has no manifest',
    input: { mode: 'in-place', sources: [chapter('a.md'), asset('img.png'), { ...chapter('b.md'), problem: 'File is not UTF-8' }], manifest: { key, files: { 'a.md': entry('a.md'), 'gone.md': entry('gone.md') } }, outputs },
    steps: [
      { path: 'a.md', action: 'convert' },
      { path: 'img.png', action: 'skip' },
      { path: 'b.md', action: 'refuse', reason: 'File is not UTF-8' },
    ],
  },
];

describe('planConversion', () => {
  it.each(cases)('$name', ({ input, steps }) => {
    expect(planConversion({ mode: 'out', key, outputs: new Map(), ...input })).toEqual(steps);
  });
});

describe('anchors that follow', () => {
  const steps: PlanStep[] = [
    { path: 'a.md', action: 'convert' },
    { path: 'b.md', action: 'skip', entry: entry('b.md', { anchors: { 安装: '安裝' }, deps: { 'a.md': anchorsKey(new Map([['简介', '簡介']])) } }) },
    { path: 'c.md', action: 'skip', entry: entry('c.md', { deps: { 'b.md': anchorsKey(new Map([['安装', '安裝']])) } }) },
    { path: 'd.png', action: 'copy' },
  ];

  it('keys a chapter’s changed anchors ("" when none change)', () => {
    expect(anchorsKey(undefined)).toBe('');
    expect(anchorsKey(new Map())).toBe('');
    expect(anchorsKey(new Map([['简介', '簡介']]))).toBe('[["简介","簡介"]]');
  });

  it('takes a converted chapter’s anchors from its conversion, a skipped one’s from the manifest', () => {
    const anchors = anchorsAfter(steps, new Map([['a.md', [['简介', '簡介']] as const]]));
    expect([...anchors].map(([file, map]) => [file, [...map]])).toEqual([
      ['a.md', [['简介', '簡介']]],
      ['b.md', [['安装', '安裝']]],
    ]);
    expect(followingAnchors(steps, anchors)).toEqual([]);
  });

  it('converts again a skipped chapter whose links follow anchors that changed since', () => {
    const anchors = anchorsAfter(steps, new Map([['a.md', [['简介', '概述']] as const]]));
    expect(followingAnchors(steps, anchors)).toEqual(['b.md']);
    expect(followingAnchors(steps, anchorsAfter(steps, new Map()))).toEqual(['b.md']);
  });
});

describe('finishQueue: a converted chapter is finished once the chapters its links may follow have arrived', () => {
  const steps: PlanStep[] = [
    { path: 'a.md', action: 'convert' },
    { path: 'b.md', action: 'convert' },
    { path: 'c.md', action: 'convert' },
    { path: 'd.md', action: 'skip', entry: entry('d.md', { anchors: { 安装: '安裝' } }) },
    { path: 'e.md', action: 'skip', entry: entry('e.md', { anchors: { 旧: '舊' } }) },
  ];
  const ref = (target: string, fragment = 'x'): FragmentRef => ({ start: 0, end: 1, target, fragment, encoded: false });
  const conversion = (path: string, fragments: FragmentRef[], anchors: Array<[string, string]> = []) => ({ path, anchors, fragments });
  const names = (list: ReadonlyArray<{ path: string }>) => list.map((item) => item.path);

  it('waits for pending targets (`x.html` opens `x.md`), not for skipped chapters, nor for itself', () => {
    const queue = finishQueue<ReturnType<typeof conversion>>(steps, ['a.md', 'b.md', 'c.md', 'e.md']);
    expect(names(queue.arrive('a.md', conversion('a.md', [ref('b.html'), ref('d.md'), ref('a.md')]), true))).toEqual([]);
    expect(names(queue.arrive('c.md', conversion('c.md', [ref('d.md'), ref('c.md'), ref('zzz.md')]), true))).toEqual(['c.md']);
    expect(queue.waiting).toBe(1);
    // A chapter converted only for the review (not finished) still releases those waiting for it, and its anchors count.
    expect(names(queue.arrive('e.md', conversion('e.md', []), false))).toEqual([]);
    expect(names(queue.arrive('b.md', conversion('b.md', [ref('a.md')], [['简介', '簡介']]), true))).toEqual(['b.md', 'a.md']);
    expect(queue.waiting).toBe(0);
    expect([...queue.anchors].map(([file, map]) => [file, [...map]])).toEqual([
      ['d.md', [['安装', '安裝']]],
      ['b.md', [['简介', '簡介']]],
    ]);
  });

  it('a failed chapter releases those waiting for it', () => {
    const queue = finishQueue<ReturnType<typeof conversion>>(steps, ['a.md', 'b.md']);
    expect(names(queue.arrive('a.md', conversion('a.md', [ref('b')]), true))).toEqual([]);
    expect(names(queue.arrive('b.md', undefined, true))).toEqual(['a.md']);
  });

  it('ends with the anchors of anchorsAfter', () => {
    const queue = finishQueue<ReturnType<typeof conversion>>(steps, ['a.md', 'd.md']);
    queue.arrive('a.md', conversion('a.md', [], [['简介', '概述']]), true);
    queue.arrive('d.md', conversion('d.md', []), false);
    const expected = anchorsAfter(steps, new Map([['a.md', [['简介', '概述']] as const], ['d.md', []]]));
    expect([...queue.anchors].map(([file, map]) => [file, [...map]]).sort()).toEqual([...expected].map(([file, map]) => [file, [...map]]).sort());
  });
});
