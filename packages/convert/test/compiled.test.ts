import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as OpenCC from 'opencc-js';
import type { DictGroup, DictLike } from 'opencc-js';
import { createConverters, hasDocumentMode, type Converters, type OpenccConfig } from '@tongwen/convert';
import { corpusPath, hasShared, sharedSkipReason, testdataPath } from '@tongwen/test-utils';
import { CompiledSource, compileDictionaries, compiledConfigs, compiledFileName, OpenccSource, readCompiled } from '../src/lib/compiled.js';
import { reduplicatedMeasures, simplifiedToTraditional, taiwanPhrases, taiwanTechPhrases } from '../src/lib/corrections.js';
import { jiebaDictionary } from '../src/lib/segmenter.js';
import { Dictionary } from '../src/lib/dictionary.js';
import { eagerBlocks, PhraseTable, tableArrays } from '../src/lib/table.js';

/** The file the package's build wrote. */
const builtFile = new URL(`../dist/lib/${compiledFileName}`, import.meta.url);
const built = existsSync(builtFile);

interface Preset {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

const presets = OpenCC.Locale.configs as unknown as Record<string, Preset>;
const stPhrases = presets.s2t!.conversionChain[0]![0];
const twPhrases = presets.s2twp!.conversionChain[1]![0];

/** How many handles this process holds open on `file` (Linux's `/proc/self/fd`; `undefined` elsewhere). */
function openHandles(file: string): number | undefined {
  if (!existsSync('/proc/self/fd')) return undefined;
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

/** A stage's phrases as the engine has always made them: opencc-js's group (earlier dictionaries win) and tongwen's corrections. */
function referencePhrases(group: DictGroup, tech: boolean): Dictionary {
  const dictionary = Dictionary.fromGroup(group);
  if (group.includes(stPhrases!)) for (const [from, to] of [...simplifiedToTraditional, ...reduplicatedMeasures(dictionary.entries())]) dictionary.add(from, to);
  if (group.includes(twPhrases!)) for (const [from, to] of [...taiwanPhrases, ...(tech ? taiwanTechPhrases : [])]) dictionary.add(from, to);
  return dictionary;
}

function referenceConverted(phrases: Dictionary): Array<[string, string]> {
  return [...phrases.entries()].filter(([from, to]) => to.length >= 2 && to !== from && !phrases.has(to)).map(([, to]) => [to, to]);
}

const sorted = (entries: Iterable<[string, string]>): Array<[string, string]> => [...new Map(entries)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const same = (table: PhraseTable, entries: Iterable<[string, string]>): boolean => JSON.stringify(sorted(table.entries())) === JSON.stringify(sorted(entries));

describe('compiled dictionaries', () => {
  const bytes = compileDictionaries(OpenCC, jiebaDictionary());
  const compiled = new CompiledSource(bytes);

  test.skipIf(!built)('the built file is what opencc-js and corrections.ts give now (else: run the build)', () => {
    const file = readFileSync(builtFile);
    expect(file.length).toBe(bytes.length);
    expect(Buffer.compare(file, bytes)).toBe(0);
  });

  test.each(compiledConfigs)('%s: every table holds the phrases of its opencc-js dictionaries and corrections', (config) => {
    const preset = presets[config === 's2twt' ? 's2twp' : config]!;
    const plan = compiled.plan(config);
    expect(plan.normalize.length).toBe(preset.normalizationChain?.length ?? 0);
    plan.normalize.forEach((id, index) => expect(same(compiled.table(id), Dictionary.fromGroup(preset.normalizationChain![index]!).entries())).toBe(true));
    expect(plan.chain.length).toBe(preset.conversionChain.length);
    preset.conversionChain.forEach((group, index) => {
      const phrases = referencePhrases(group, config === 's2twt');
      const stage = plan.chain[index]!;
      expect(same(compiled.table(stage.dictionary), phrases.entries()), `${config} stage ${index}`).toBe(true);
      expect(same(compiled.table(stage.converted), referenceConverted(phrases)), `${config} stage ${index} converted`).toBe(true);
      expect(stage.senses).toBe(group.includes(twPhrases!));
    });
    expect(plan.plain.chain.length).toBe(preset.conversionChain.length);
    preset.conversionChain.forEach((group, index) => expect(same(compiled.table(plan.plain.chain[index]!), Dictionary.fromGroup(group).entries()), `${config} plain stage ${index}`).toBe(true));
    if (preset.segmentation === undefined) {
      expect(plan.segmentation).toEqual(plan.chain[0]);
      expect(plan.plain.segmentation).toBeUndefined();
    } else {
      const group = Array.isArray(preset.segmentation) && preset.segmentation.every((dict) => typeof dict === 'string') ? (preset.segmentation as DictGroup) : [preset.segmentation as DictLike];
      expect(same(compiled.table(plan.segmentation.dictionary), referencePhrases(group, false).entries())).toBe(true);
      expect(plan.segmentation.converted).toBe(plan.chain[0]!.converted);
      expect(same(compiled.table(plan.plain.segmentation!), Dictionary.fromGroup(group).entries())).toBe(true);
    }
  });

  test("the first stage holds every phrase of the segmentation with the same value (s2tw, s2twp, s2hk…: the reduplicated measures agree)", () => {
    expect(compiledConfigs.filter((config) => !compiled.plan(config).segmentationHeld)).toEqual(['tw2s', 'tw2sp', 'hk2s', 'hk2sp']);
    const plan = compiled.plan('s2twp');
    // 一种 → 一種 is the characters' conversion: its reduplicated form is in the segmentation and the first stage alike.
    expect([plan.segmentation.dictionary, plan.chain[0]!.dictionary].map((id) => compiled.table(id).get('一种种'))).toEqual(['一種種', '一種種']);
    expect([plan.segmentation.dictionary, plan.chain[0]!.dictionary].map((id) => compiled.table(id).get('一只只'))).toEqual(['一隻隻', '一隻隻']);
  });

  test('the script evidence of each configuration with a phrase stage is what its tables give', () => {
    const reference = new OpenccSource(OpenCC);
    const phrased = compiledConfigs.filter((config) => compiled.plan(config).chain.some((stage) => stage.senses));
    expect(phrased).toEqual(['s2twp', 's2twt']);
    // One definition: the configurations whose plans have a stage of sense cues are hasDocumentMode's.
    expect(compiledConfigs.filter(hasDocumentMode)).toEqual(phrased);
    for (const config of phrased) {
      const { simplifiedOnly, simplified } = compiled.scriptTables(config);
      expect(Buffer.compare(Buffer.from(simplifiedOnly), Buffer.from(reference.scriptTables(config).simplifiedOnly)), config).toBe(0);
      expect(simplified).toBe(compiled.simplified());
    }
  });

  test('the root index stored with a large table, and the one a small table builds, are what its phrases give', () => {
    const plan = compiled.plan('s2t');
    for (const id of [plan.chain[0]!.dictionary, plan.chain[0]!.converted, plan.normalize[0]!]) {
      const table = compiled.table(id);
      const rebuilt = new PhraseTable(tableArrays(table.entries()));
      expect(Buffer.compare(Buffer.from(table.roots.buffer, table.roots.byteOffset, table.roots.byteLength), Buffer.from(rebuilt.roots.buffer)), `table ${id}`).toBe(0);
    }
    expect(compiled.table(plan.chain[0]!.dictionary).firstUnits.length).toBeGreaterThanOrEqual(1024);
    expect(compiled.table(plan.normalize[0]!).firstUnits.length).toBeLessThan(1024);
  });

  /** A source reading `file` through a function, each read recorded. */
  const recorded = (file: Uint8Array): { source: CompiledSource; reads: Array<[number, number]> } => {
    const reads: Array<[number, number]> = [];
    const source = new CompiledSource((offset, target) => {
      reads.push([offset, target.length]);
      target.set(file.subarray(offset, offset + target.length));
    });
    return { source, reads };
  };

  test("a table's lookups read the node blocks they enter, once each; a value is read when first decoded, a chunk of each value array in one read", () => {
    const { source, reads } = recorded(bytes);
    const header = reads.length;
    const table = source.table(source.plan('s2t').chain[0]!.dictionary);
    // Its root index, no lookup array yet.
    expect(reads.length).toBe(header + 1);
    expect(table.longest('头发吧', 0)).toBe(2);
    // 头 (a node of one block) and 头发 (of another): first, value, plain and edgeUnit of each.
    expect(reads.length).toBe(header + 1 + 2 * 4);
    const walked = reads.length;
    expect(table.scan('头发吧', 0)).toBe(2);
    expect(reads.length).toBe(walked);
    expect(table.lastValue).toBe('頭髮');
    expect(reads.length).toBe(walked + 2);
    // Decoded once: asking again reads nothing.
    expect(table.get('头发')).toBe('頭髮');
    expect(reads.length).toBe(walked + 2);
    // Every value, read back, is the one compiled (the whole pool: missing chunks next to each other in one read).
    expect(table.valueUnits.length).toBe(compiled.table(source.plan('s2t').chain[0]!.dictionary).valueUnits.length);
    expect(same(table, compiled.table(source.plan('s2t').chain[0]!.dictionary).entries())).toBe(true);
  });

  test('a file of another format, truncated or with a damaged header is refused with a clear message', () => {
    const size = bytes.length;
    const again = '(a truncated or damaged file: build the package again)';
    expect(() => new CompiledSource(bytes.subarray(0, size - 100))).toThrow(`Unexpected compiled dictionary of ${size - 100} bytes, expected ${size} ${again}`);
    expect(() => new CompiledSource(bytes.subarray(0, 100))).toThrow(new RegExp(`^Unexpected compiled dictionary of 100 bytes, expected \\d+ \\(a truncated`));
    expect(() => new CompiledSource(bytes.subarray(0, 4))).toThrow('Unexpected compiled dictionary format, expected `TWD2` (a file of another build: build the package again)');
    const old = new Uint8Array(bytes);
    old.set([...'TWD1'].map((char) => char.charCodeAt(0)));
    expect(() => new CompiledSource(old)).toThrow('Unexpected compiled dictionary format `TWD1`, expected `TWD2` (a file of another build: build the package again)');
    const damaged = new Uint8Array(bytes);
    damaged[8] = 0x7b + 1;
    expect(() => new CompiledSource(damaged)).toThrow('Unexpected compiled dictionary header, expected JSON (a damaged file: build the package again)');
    // Read from a file: its length is known before any table is read.
    const folder = mkdtempSync(path.join(tmpdir(), 'tongwen-compiled-'));
    try {
      const file = path.join(folder, compiledFileName);
      writeFileSync(file, bytes.subarray(0, size - 8));
      expect(() => readCompiled(file)).toThrow(`Unexpected compiled dictionary of ${size - 8} bytes, expected ${size} ${again}`);
      // A refused file's handle is closed at once (not when the garbage collector gets to the reader).
      if (openHandles(file) !== undefined) expect(openHandles(file)).toBe(0);
      writeFileSync(file, old);
      expect(() => readCompiled(file)).toThrow('Unexpected compiled dictionary format `TWD1`');
      if (openHandles(file) !== undefined) expect(openHandles(file)).toBe(0);
      writeFileSync(file, bytes);
      const read = readCompiled(file)!;
      if (openHandles(file) !== undefined) expect(openHandles(file)).toBe(1);
      expect(read.table(read.plan('s2t').chain[0]!.dictionary).get('头发')).toBe('頭髮');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('every table read block by block is the table in memory: the same entries, lookups and root index', () => {
    const { source, reads } = recorded(bytes);
    const ids = new Set(['s2t', 's2twp', 't2s', 'tw2sp'].flatMap((config) => {
      const plan = compiled.plan(config as OpenccConfig);
      return [...plan.normalize, plan.segmentation.dictionary, plan.segmentation.converted, ...plan.chain.flatMap((stage) => [stage.dictionary, stage.converted])];
    }));
    const text = '头发万事如意吧，干净的头发；頭髮乾淨。数据库的配置文件在服务器上𠮷野家';
    for (const id of ids) {
      const lazy = source.table(id);
      const whole = compiled.table(id);
      for (let i = 0; i < text.length; i++) {
        expect(lazy.longest(text, i), `table ${id} at ${i}`).toBe(whole.longest(text, i));
        expect([lazy.scan(text, i), lazy.scanRisky, lazy.scanValue]).toEqual([whole.scan(text, i), whole.scanRisky, whole.scanValue]);
      }
      expect([...lazy.entries()]).toEqual([...whole.entries()]);
      expect(Buffer.compare(Buffer.from(lazy.roots.buffer, lazy.roots.byteOffset, lazy.roots.byteLength), Buffer.from(whole.roots.buffer, whole.roots.byteOffset, whole.roots.byteLength))).toBe(0);
    }
    // A short text reads a few blocks of each table, each once.
    const { source: fresh, reads: walked } = recorded(bytes);
    const header = walked.length;
    for (const id of ids) for (let i = 0; i < text.length; i++) fresh.table(id).longest(text, i);
    const offsets = walked.slice(header).map(([offset]) => offset);
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  test(`a table that has read ${eagerBlocks} blocks one by one reads the rest at once (four reads), its values likewise; then nothing more`, () => {
    const { source, reads } = recorded(bytes);
    const table = source.table(source.plan('s2t').chain[0]!.dictionary);
    const opened = reads.length;
    const entries = [...table.entries()];
    // At most four reads a block (first, value, plain, edges), four for the rest, and as many value chunks and one for the rest, of two arrays.
    expect(reads.length - opened).toBeLessThanOrEqual(eagerBlocks * 4 + 4 + 2 * (eagerBlocks + 1));
    const read = reads.length;
    expect([...table.entries()]).toEqual(entries);
    expect(reads.length).toBe(read);
    expect(same(table, compiled.table(source.plan('s2t').chain[0]!.dictionary).entries())).toBe(true);
  });

});

function readCases(): Array<{ input: string }> {
  const text = readFileSync(testdataPath('opencc', 'testcases.json'), 'utf8');
  return (JSON.parse(text.replace(/,(\s*[}\]])/g, '$1')) as { cases: Array<{ input: string }> }).cases;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The first text of `texts` that `config` converts differently with the two converters, or `undefined`. */
function firstDifference(a: Converters, b: Converters, config: OpenccConfig, texts: readonly string[]): string | undefined {
  const one = a.get(config);
  const other = b.get(config);
  return texts.find((text) => one(text) !== other(text));
}

describe.skipIf(!hasShared)('plain conversion (`segmentation: false`): the compiled file gives what the opencc-js tables give', () => {
  const production = createConverters({ segmentation: false, ...(built ? { dictionaries: builtFile } : {}) });
  const reference = createConverters({ segmentation: false, dictionaries: 'opencc-js' });

  test.each(compiledConfigs)("%s on OpenCC's test cases and the golden file", async (config) => {
    const texts = [...readCases().map((item) => item.input), readFileSync(testdataPath('opencc', 'golden', 'us_constitution_zhs.txt'), 'utf8')];
    expect(firstDifference(await production, await reference, config, texts)).toBeUndefined();
  });
});

describe.skipIf(!hasShared)('word-aware conversion: the compiled file and the shortcuts give what the opencc-js tables give everywhere', () => {
  // Production: the built file (the sources' fallback where it is absent) with shortcuts; reference: opencc-js's tables, the segmenter asked for every phrase.
  const production = createConverters(built ? { dictionaries: builtFile } : {});
  const reference = createConverters({ dictionaries: 'opencc-js', shortcuts: false });

  test.each(compiledConfigs)("%s on OpenCC's test cases and the golden file", async (config) => {
    const texts = [...readCases().map((item) => item.input), readFileSync(testdataPath('opencc', 'golden', 'us_constitution_zhs.txt'), 'utf8')];
    expect(firstDifference(await production, await reference, config, texts)).toBeUndefined();
  });

  /**
   * On the corpus (minutes for all 17 configurations on 2 cores), one
   * configuration of each stage shape: one stage, Taiwan phrases, the tech
   * profile, and Traditional to Simplified through each region's phrases or
   * characters (every configuration runs on OpenCC's cases and the golden
   * file above).
   */
  const corpusSimplified: readonly OpenccConfig[] = ['s2t', 's2twp', 's2twt'];
  const corpusTraditional: readonly OpenccConfig[] = ['t2s', 'tw2sp', 'hk2s', 't2jp'];

  test('every corpus book, Simplified and Traditional', async () => {
    const a = await production;
    const b = await reference;
    const simplified = ['docker_practice-2026', 'trpl-zh-cn', 'vue-docs-zh-cn', 'hexo-docs-zh/source/zh-cn', 'tldr-zh/pages.zh'].map((book) => markdownFiles(corpusPath(book)).map((file) => readFileSync(file, 'utf8')).join('\n'));
    const traditional = [...['hexo-docs-zh/source/zh-tw', 'tldr-zh/pages.zh_TW'].map((book) => markdownFiles(corpusPath(book)).map((file) => readFileSync(file, 'utf8')).join('\n')), b.get('s2twp')(simplified[0]!), b.get('s2hk')(simplified[1]!)];
    for (const config of corpusSimplified) expect(firstDifference(a, b, config, simplified), config).toBeUndefined();
    for (const config of corpusTraditional) expect(firstDifference(a, b, config, traditional), config).toBeUndefined();
  }, sharedSkipReason as unknown as number);
});
