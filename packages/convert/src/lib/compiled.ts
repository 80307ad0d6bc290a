/**
 * The conversion dictionaries in their compiled form: every stage of every
 * OpenCC configuration (opencc-js's dictionaries merged as opencc-js merges
 * them, with tongwen's correction tables of `corrections.ts`) as
 * {@link PhraseTable}s. The convert package's build writes them to one
 * file ({@link compiledFileName}, beside this module) that a converter
 * reads a table at a time (when first used) and uses as it is; where the file is absent (running
 * from the sources), the same tables are built from opencc-js on demand,
 * which is also the reference the differential test compares the file to.
 */
import type { DictGroup, DictLike } from 'opencc-js';
import { reduplicatedMeasures, segmentationWords, simplifiedToTraditional, taiwanPhrases, taiwanTechPhrases } from './corrections.js';
import { Dictionary } from './dictionary.js';
import { JiebaCutter, jiebaWords, naturalLog } from './jieba.js';
import { builtinModule } from './node.js';
import { hasDocumentMode, type OpenccConfig } from './profiles.js';
import { scriptTables, type ScriptTables } from './script.js';
import { blockShift, eagerBlocks, littleEndian, PhraseTable, rootIndex, tableArrays, type TableArrays, type ValueLoader } from './table.js';

// `node:fs` as the built-in module itself, without its ES module facade (see builtinModule).
const { closeSync, existsSync, fstatSync, openSync, readSync } = builtinModule<typeof import('node:fs')>('node:fs');

type OpenCCModule = typeof import('opencc-js');

/** The file the build writes beside this module. */
export const compiledFileName = 'tongwen-dictionaries.bin';

/** One stage of a conversion chain: table numbers. */
export interface StagePlan {
  /** The stage's phrases. */
  dictionary: number;
  /** Its targets of two characters or more that are no source phrase: text already converted. */
  converted: number;
  /** The Taiwan phrase stage: its phrases follow the sense cues of `senses.ts`. */
  senses: boolean;
}

/** The tables of one configuration. */
export interface ConfigPlan {
  normalize: number[];
  /** OpenCC's segmentation (the first stage where the configuration has none). */
  segmentation: StagePlan;
  chain: StagePlan[];
  /** Whether the first stage's table holds every phrase of the segmentation's with the same value. */
  segmentationHeld: boolean;
  /** opencc-js's own tables (no correction): its segmentation, if the configuration has one, and its chain (`segmentation: false`). */
  plain: { segmentation?: number; chain: number[] };
}

/** Where a converter's tables come from: the compiled file or opencc-js. */
export interface DictionarySource {
  plan(config: OpenccConfig): ConfigPlan;
  table(id: number): PhraseTable;
  /** Traditional and regional variant characters → Simplified, by code unit (0: unchanged). */
  simplified(): Uint16Array;
  /** jieba's cut in JavaScript over its compiled dictionary (see `jieba.ts`), where the source has it. */
  segmenter?(): JiebaCutter | undefined;
  /** The script evidence of a configuration with a phrase stage of sense cues (see {@link scriptEvidence}). */
  scriptTables(config: OpenccConfig): ScriptTables;
}

/**
 * The script evidence (`scriptTables` of `script.ts`) of a configuration
 * with a Taiwan phrase stage: its first stage's changes and every stage's
 * values. The build computes it into the compiled file: at a converter's
 * start it read every value of four tables (~10 ms).
 */
export function scriptEvidence(source: DictionarySource, plan: ConfigPlan): ScriptTables {
  const first = plan.chain[0];
  if (!first) throw new Error('Unexpected configuration without stages, expected one at least');
  return scriptTables(
    source.table(first.dictionary),
    plan.chain.flatMap((stage) => [source.table(stage.dictionary), source.table(stage.converted)]),
    source.simplified(),
  );
}

/** One preset configuration of opencc-js (its typings leave out `normalizationChain`). */
interface PresetConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

const magic = 0x32445754; // "TWD2" (2: plain plans, 8-byte aligned arrays, the segmenter section)

/** The tables built from opencc-js and `corrections.ts`, each when first asked for. */
export class OpenccSource implements DictionarySource {
  readonly #configs: Record<string, PresetConfig | undefined>;
  readonly #arrays: TableArrays[] = [];
  readonly #tables: PhraseTable[] = [];
  readonly #ids = new Map<string, number>();
  readonly #dictIds = new Map<unknown, number>();
  readonly #plans = new Map<OpenccConfig, ConfigPlan>();
  #simplified: Uint16Array | undefined;

  constructor(opencc: OpenCCModule) {
    this.#configs = opencc.Locale.configs as Record<string, PresetConfig | undefined>;
  }

  /** The arrays of every table built so far, by number. */
  get arrays(): readonly TableArrays[] {
    return this.#arrays;
  }

  plan(config: OpenccConfig): ConfigPlan {
    let plan = this.#plans.get(config);
    if (plan) return plan;
    const preset = this.#configs[config === 's2twt' ? 's2twp' : config];
    if (!preset) throw new Error(`opencc-js has no configuration \`${config}\``);
    const normalize = (preset.normalizationChain ?? []).map((group) => this.#plainTable(group));
    const chain = preset.conversionChain.map((group) => this.#stage(group, undefined, config === 's2twt'));
    const segmentation = preset.segmentation === undefined ? chain[0]! : this.#stage(segmentationGroup(preset.segmentation), chain[0]);
    const plain = {
      ...(preset.segmentation === undefined ? {} : { segmentation: this.#plainTable(segmentationGroup(preset.segmentation)) }),
      chain: preset.conversionChain.map((group) => this.#plainTable(group)),
    };
    plan = { normalize, segmentation, chain, segmentationHeld: chain[0] !== undefined && this.#holds(chain[0].dictionary, segmentation.dictionary), plain };
    this.#plans.set(config, plan);
    return plan;
  }

  table(id: number): PhraseTable {
    let table = this.#tables[id];
    if (!table) {
      table = new PhraseTable(this.#arrays[id]!);
      this.#tables[id] = table;
    }
    return table;
  }

  simplified(): Uint16Array {
    this.#simplified ??= simplifiedChars(this.#configs);
    return this.#simplified;
  }

  scriptTables(config: OpenccConfig): ScriptTables {
    return scriptEvidence(this, this.plan(config));
  }

  /**
   * A stage of a dictionary group, with tongwen's corrections for the
   * stages that hold OpenCC's STPhrases or TWPhrases (and the tech profile's
   * entries with `tech`). `convertedFrom` gives the already-converted
   * targets of another stage (the segmentation of a chain uses those of its
   * first stage).
   */
  #stage(group: DictGroup, convertedFrom: StagePlan | undefined, tech = false): StagePlan {
    const stPhrases = this.#configs.s2t?.conversionChain[0]?.[0];
    const twPhrases = this.#configs.s2twp?.conversionChain[1]?.[0];
    const st = stPhrases !== undefined && group.includes(stPhrases);
    const tw = twPhrases !== undefined && group.includes(twPhrases);
    const key = `${groupKey(group, this.#dictIds)}${tw && tech ? '+tech' : ''}`;
    let built: Dictionary | undefined;
    const dictionaryOf = (): Dictionary => {
      if (built) return built;
      built = Dictionary.fromGroup(group);
      if (st) for (const [from, to] of [...simplifiedToTraditional, ...reduplicatedMeasures(built.entries())]) built.add(from, to);
      if (tw) for (const [from, to] of [...taiwanPhrases, ...(tech ? taiwanTechPhrases : [])]) built.add(from, to);
      return built;
    };
    const dictionary = this.#tableOf(`phrases:${key}`, () => dictionaryOf().entries());
    const converted =
      convertedFrom?.converted ??
      this.#tableOf(
        `converted:${key}`,
        function* () {
          const phrases = dictionaryOf();
          for (const [from, to] of phrases.entries()) if (to.length >= 2 && to !== from && !phrases.has(to)) yield [to, to] as [string, string];
        },
        (char) => dictionaryOf().get(char),
      );
    return { dictionary, converted, senses: tw };
  }

  /** The table of a dictionary group as opencc-js merges it (earlier dictionaries win), without corrections. */
  #plainTable(group: DictGroup): number {
    return this.#tableOf(`plain:${groupKey(group, this.#dictIds)}`, () => Dictionary.fromGroup(group).entries());
  }

  /** Whether every phrase of table `part` is in table `whole` with the same value. */
  #holds(whole: number, part: number): boolean {
    if (whole === part) return true;
    const table = this.table(whole);
    for (const [key, value] of this.table(part).entries()) if (table.get(key) !== value) return false;
    return true;
  }

  #tableOf(key: string, entries: () => Iterable<readonly [string, string]>, chars?: (char: string) => string | undefined): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#arrays.length;
      this.#arrays.push(tableArrays(entries(), chars));
      this.#ids.set(key, id);
    }
    return id;
  }
}

function segmentationGroup(segmentation: DictLike | DictGroup): DictGroup {
  return Array.isArray(segmentation) && segmentation.every((dict: unknown) => typeof dict === 'string') ? (segmentation as DictGroup) : [segmentation as DictLike];
}

/** Traditional and regional variant characters → Simplified (one UTF-16 unit each), for segmenting: t2s's characters, then tw2s's and hk2s's variants through them. */
function simplifiedChars(configs: Record<string, PresetConfig | undefined>): Uint16Array {
  const chars = new Map<string, string>();
  const add = (dict: DictLike | undefined, then?: Map<string, string>): void => {
    if (typeof dict !== 'string') return;
    for (const entry of dict.split('|')) {
      const [key, value] = entry.split(' ');
      if (key?.length === 1 && value?.length === 1 && key !== value) chars.set(key, then?.get(value) ?? value);
    }
  };
  add(configs.t2s?.conversionChain[0]?.[1]);
  const ts = new Map(chars);
  add(configs.tw2s?.conversionChain[0]?.[1], ts);
  add(configs.hk2s?.conversionChain[0]?.[1], ts);
  const table = new Uint16Array(0x10000);
  for (const [key, value] of chars) table[key.charCodeAt(0)] = value.charCodeAt(0);
  return table;
}

/** Every configuration a converter may ask for. */
export const compiledConfigs: readonly OpenccConfig[] = ['s2t', 't2s', 's2tw', 'tw2s', 's2twp', 'tw2sp', 's2hk', 'hk2s', 's2hkp', 'hk2sp', 't2tw', 'tw2t', 't2hk', 'hk2t', 't2jp', 'jp2t', 's2twt'];

/** A table's arrays in the file: its {@link TableArrays} and its root index ({@link rootIndex}). */
type ArrayName = Exclude<keyof TableArrays, 'maxKey'> | 'root';

interface Header {
  plans: Record<string, ConfigPlan>;
  /** Byte offset and element count of each array of each table, and its longest key. */
  tables: Array<Record<Exclude<ArrayName, 'root'>, [number, number]> & { root?: [number, number]; maxKey: number }>;
  simplified: [number, number];
  /** jieba's words (a table whose values index `weights`), their weights (Float64) and an unknown character's weight. */
  segmenter?: { table: number; weights: [number, number]; unknown: number };
  /** The file's length in bytes (absent from a file of an earlier build). */
  size?: number;
  /** Each configuration's script evidence (`ScriptTables.simplifiedOnly`, 65,536 bytes), where it has a phrase stage (`hasDocumentMode`, see {@link scriptEvidence}). */
  scripts?: Record<string, number>;
}

/** The arrays of a table in the file's order: its lookup arrays, then its values' (read when used). */
const arrayNames: readonly ArrayName[] = ['first', 'value', 'edgeUnit', 'plain', 'root', 'valueStart', 'pool'];

/**
 * Tables whose phrases start with at least this many code units have their
 * root index in the file (128 KB each, 8 tables of 44); smaller ones build it
 * at start in a loop too short for V8 to compile it on the stack.
 */
const storedRoot = 1024;

/** Array `name` of a table as the file stores it (none: a small table's root index). */
function fileArray(table: TableArrays, name: ArrayName): Int32Array | Uint16Array | Uint8Array | undefined {
  if (name !== 'root') return table[name];
  return table.first[1]! - table.first[0]! >= storedRoot ? rootIndex(table) : undefined;
}

/**
 * The compiled file: magic, header length, a JSON header (plans, where each
 * array is), then the arrays, each at a multiple of 4 bytes (little-endian).
 */
export function compileDictionaries(opencc: OpenCCModule, jiebaDictionary?: string): Uint8Array {
  const source = new OpenccSource(opencc);
  const plans: Record<string, ConfigPlan> = {};
  for (const config of compiledConfigs) {
    const plan = source.plan(config);
    // One definition of "has a phrase stage": hasDocumentMode, which callers without the tables ask (checked here, at the build, not in every run).
    if (plan.chain.some((stage) => stage.senses) !== hasDocumentMode(config)) throw new Error(`Unexpected phrase stage of \`${config}\`, expected one exactly where hasDocumentMode says so`);
    plans[config] = plan;
  }
  const jieba = jiebaDictionary === undefined ? undefined : jiebaArrays(jiebaDictionary);
  const allTables = jieba ? [...source.arrays, jieba.table] : source.arrays;
  const arrays: Array<Int32Array | Uint16Array | Uint8Array | Float64Array> = [];
  const tables = allTables.map(
    (table) =>
      Object.fromEntries(
        arrayNames.flatMap((name) => {
          const array = fileArray(table, name);
          return array ? [[name, [arrays.push(array) - 1, array.length]]] : [];
        }),
      ) as Partial<Record<ArrayName, [number, number]>>,
  );
  const simplifiedIndex = arrays.push(source.simplified()) - 1;
  // Array index of each configuration's script evidence; configurations with the same tables share one.
  const scriptIndex = new Map<string, number>();
  const scripts: Record<string, number> = {};
  for (const config of compiledConfigs) {
    if (!hasDocumentMode(config)) continue;
    const key = JSON.stringify(plans[config]!.chain);
    if (!scriptIndex.has(key)) scriptIndex.set(key, arrays.push(source.scriptTables(config).simplifiedOnly) - 1);
    scripts[config] = scriptIndex.get(key)!;
  }
  const weightsIndex = jieba ? arrays.push(jieba.weights) - 1 : -1;
  // Offsets depend on the header's length, which depends on the offsets: lay out twice.
  let headerLength = 0;
  for (;;) {
    let at = align(8 + headerLength);
    const offsets = arrays.map((array) => {
      const offset = at;
      at = align(at + array.byteLength);
      return offset;
    });
    const header: Header = {
      size: at,
      plans,
      tables: tables.map((table, id) => ({
        ...(Object.fromEntries(Object.entries(table).map(([name, [index, length]]) => [name, [offsets[index]!, length]])) as Omit<Header['tables'][number], 'maxKey'>),
        maxKey: allTables[id]!.maxKey,
      })),
      simplified: [offsets[simplifiedIndex]!, 0x10000],
      scripts: Object.fromEntries(Object.entries(scripts).map(([config, index]) => [config, offsets[index]!])),
      ...(jieba ? { segmenter: { table: allTables.length - 1, weights: [offsets[weightsIndex]!, jieba.weights.length] as [number, number], unknown: jieba.unknown } } : {}),
    };
    const json = new TextEncoder().encode(JSON.stringify(header));
    if (json.length !== headerLength) {
      headerLength = json.length;
      continue;
    }
    const bytes = new Uint8Array(at);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, magic, true);
    view.setUint32(4, headerLength, true);
    bytes.set(json, 8);
    arrays.forEach((array, index) => {
      const offset = offsets[index]!;
      if (array instanceof Int32Array) array.forEach((value, i) => view.setInt32(offset + i * 4, value, true));
      else if (array instanceof Float64Array) array.forEach((value, i) => view.setFloat64(offset + i * 8, value, true));
      else if (array instanceof Uint16Array) array.forEach((value, i) => view.setUint16(offset + i * 2, value, true));
      else bytes.set(array, offset);
    });
    return bytes;
  }
}

/** Every array starts at a multiple of 8 bytes (a Float64Array view needs it). */
function align(offset: number): number {
  return (offset + 7) & ~7;
}

/**
 * jieba's dictionary (the text of its `dict.txt`) and tongwen's
 * {@link segmentationWords} as a table whose value is the word's frequency
 * (as text), and the weight of each value, `ln(freq) − ln(total)`, with
 * correctly rounded logarithms (see `naturalLog`).
 */
function jiebaArrays(dictionary: string): { table: TableArrays; weights: Float64Array; unknown: number } {
  const { words, total } = jiebaWords(dictionary, segmentationWords);
  const table = tableArrays(
    [...words].map(([word, freq]) => [word, String(freq)] as const),
    () => undefined,
  );
  const values = new PhraseTable(table);
  const logTotal = naturalLog(total);
  const weights = new Float64Array(values.valueCount);
  for (let index = 0; index < weights.length; index++) weights[index] = naturalLog(Number(values.valueOf(index))) - logTotal;
  return { table, weights, unknown: naturalLog(1) - logTotal };
}

/** Fills `target` with the compiled file's bytes from `offset`. */
type ReadInto = (offset: number, target: Uint8Array) => void;

/** Elements of `valueStart` and `pool` read at a time when values are first used. */
const valueChunk = 1024;

/**
 * A {@link ValueLoader} range of `array` (zeroed, the file's elements from
 * byte `offset`), read a chunk of {@link valueChunk} elements at a time when
 * first asked for; missing chunks next to each other in one read; after
 * {@link eagerBlocks} reads, every missing chunk at once (a long text's
 * values: one read, not hundreds).
 */
function chunkLoader(into: ReadInto, offset: number, array: Int32Array | Uint16Array): (from: number, to: number) => void {
  const per = array.BYTES_PER_ELEMENT;
  const done = new Uint8Array(Math.ceil(array.length / valueChunk));
  let reads = 0;
  let missing = done.length;
  return (from, to) => {
    if (from >= to || missing === 0) return;
    const eager = reads >= eagerBlocks;
    const last = eager ? done.length : Math.min(Math.ceil(to / valueChunk), done.length);
    for (let chunk = eager ? 0 : Math.floor(from / valueChunk); chunk < last; chunk++) {
      if (done[chunk] === 1) continue;
      let end = chunk + 1;
      while (end < last && done[end] === 0) end++;
      const start = chunk * valueChunk;
      const count = Math.min(end * valueChunk, array.length) - start;
      into(offset + start * per, new Uint8Array(array.buffer, array.byteOffset + start * per, count * per));
      reads++;
      missing -= end - chunk;
      done.fill(1, chunk, end);
      chunk = end - 1;
    }
  };
}

/**
 * The tables of a compiled file, read as they are used: a table's lookup
 * arrays a node block at a time (see {@link ValueLoader.block}), its values
 * a chunk at a time (see {@link ValueLoader}), both into arrays given
 * zeroed, whose pages stay untouched until read. Fresh pages are most of
 * what a table costs a converter's start (reading the 1.1 MB of lookup
 * arrays of s2t's phrases cost ~3 ms CPU in page faults); a short text
 * walks a few blocks. A file already in memory is used as it is (views).
 */
export class CompiledSource implements DictionarySource {
  /** The file's bytes where they are in memory (else read through {@link #into}). */
  readonly #bytes: Uint8Array | undefined;
  readonly #into: ReadInto;
  #simplified: Uint16Array | undefined;
  readonly #header: Header;
  readonly #tables: PhraseTable[] = [];

  /** `source`: the file's bytes, or a function reading a range of it (and `size`, the file's length, where known). */
  constructor(source: Uint8Array | ReadInto, size?: number) {
    if (typeof source === 'function') {
      this.#into = source;
    } else {
      // Typed-array views need aligned offsets; a Buffer from the pool may start anywhere.
      const bytes = source.byteOffset % 8 === 0 ? source : new Uint8Array(source);
      this.#bytes = bytes;
      this.#into = (offset, target) => target.set(bytes.subarray(offset, offset + target.length));
    }
    const known = size ?? this.#bytes?.length;
    const start = known !== undefined && known < 8 ? new Uint8Array(0) : this.#read(0, 8);
    const view = new DataView(start.buffer, start.byteOffset, start.byteLength);
    if (start.byteLength < 8 || view.getUint32(0, true) !== magic) throw new Error(`Unexpected compiled dictionary format${formatName(start)}, expected \`TWD2\` (a file of another build: build the package again)`);
    const length = view.getUint32(4, true);
    if (known !== undefined && 8 + length > known) throw new Error(truncated(known, 8 + length));
    this.#header = parseHeader(this.#read(8, length));
    if (known !== undefined && this.#header.size !== undefined && known !== this.#header.size) throw new Error(truncated(known, this.#header.size));
  }

  /** `length` bytes from `offset`, in a buffer whose start is 8-byte aligned: a view where the file is in memory. */
  #read(offset: number, length: number): Uint8Array {
    if (this.#bytes) return this.#bytes.subarray(offset, offset + length);
    const bytes = new Uint8Array(length);
    this.#into(offset, bytes);
    return bytes;
  }

  plan(config: OpenccConfig): ConfigPlan {
    const plan = this.#header.plans[config];
    if (!plan) throw new Error(`Unexpected configuration \`${config}\`, expected one of the compiled dictionary's`);
    return plan;
  }

  table(id: number): PhraseTable {
    let table = this.#tables[id];
    if (!table) {
      const where = this.#header.tables[id];
      if (!where) throw new Error(`Unexpected table ${id} of the compiled dictionary, expected one of ${this.#header.tables.length}`);
      table = this.#bytes ? this.#viewTable(this.#bytes, where) : this.#readTable(where);
      this.#tables[id] = table;
    }
    return table;
  }

  /** A table of the file in memory: views of its arrays. */
  #viewTable(bytes: Uint8Array, where: Header['tables'][number]): PhraseTable {
    const array = <T>(make: new (buffer: ArrayBufferLike, offset: number, length: number) => T, [offset, length]: [number, number]): T => new make(bytes.buffer, bytes.byteOffset + offset, length);
    return new PhraseTable(
      {
        first: array(Int32Array, where.first),
        value: array(Int32Array, where.value),
        edgeUnit: array(Uint16Array, where.edgeUnit),
        valueStart: array(Int32Array, where.valueStart),
        pool: array(Uint16Array, where.pool),
        plain: array(Uint8Array, where.plain),
        maxKey: where.maxKey,
      },
      undefined,
      where.root && array(Uint16Array, where.root),
    );
  }

  /**
   * A table read as it is used: zeroed arrays, filled a node block (lookups)
   * or a chunk (values) at a time. A table of one block, or without a stored
   * root index (built from the root's block at once), has its lookup arrays
   * read in one range.
   */
  #readTable(where: Header['tables'][number]): PhraseTable {
    const nodes = where.value[1];
    const valueStart = new Int32Array(where.valueStart[1]);
    const pool = new Uint16Array(where.pool[1]);
    const loader: ValueLoader = { starts: chunkLoader(this.#into, where.valueStart[0], valueStart), units: chunkLoader(this.#into, where.pool[0], pool) };
    const values = { valueStart, pool, maxKey: where.maxKey };
    if (!where.root || nodes <= 1 << blockShift) {
      // The lookup arrays lie in one range: first, value, edgeUnit, plain (see `arrayNames`).
      const from = where.first[0];
      const bytes = this.#read(from, where.plain[0] + where.plain[1] - from);
      const array = <T>(make: new (buffer: ArrayBufferLike, offset: number, length: number) => T, [offset, length]: [number, number]): T => new make(bytes.buffer, bytes.byteOffset + offset - from, length);
      const root = where.root && this.#read(where.root[0], where.root[1] * 2);
      const lookups = { first: array(Int32Array, where.first), value: array(Int32Array, where.value), edgeUnit: array(Uint16Array, where.edgeUnit), plain: array(Uint8Array, where.plain) };
      return new PhraseTable({ ...lookups, ...values }, loader, root && new Uint16Array(root.buffer, root.byteOffset, where.root![1]));
    }
    const first = new Int32Array(where.first[1]);
    const value = new Int32Array(nodes);
    const edgeUnit = new Uint16Array(where.edgeUnit[1]);
    const plain = new Uint8Array(nodes);
    const part = (array: Int32Array | Uint16Array | Uint8Array, [offset]: [number, number], from: number, to: number): void => {
      const per = array.BYTES_PER_ELEMENT;
      if (to > from) this.#into(offset + from * per, new Uint8Array(array.buffer, array.byteOffset + from * per, (to - from) * per));
    };
    loader.block = (index) => {
      const from = index << blockShift;
      const to = Math.min(from + (1 << blockShift), nodes);
      part(first, where.first, from, to + 1);
      part(value, where.value, from, to);
      part(plain, where.plain, from, to);
      part(edgeUnit, where.edgeUnit, first[from]!, first[to]!);
    };
    loader.blocks = () => {
      part(first, where.first, 0, first.length);
      part(value, where.value, 0, nodes);
      part(plain, where.plain, 0, nodes);
      part(edgeUnit, where.edgeUnit, 0, edgeUnit.length);
    };
    const root = this.#read(where.root[0], where.root[1] * 2);
    return new PhraseTable({ first, value, edgeUnit, plain, ...values }, loader, new Uint16Array(root.buffer, root.byteOffset, where.root[1]));
  }

  simplified(): Uint16Array {
    // Read once: `Converters.cuts` and the review list ask for it on every text.
    if (this.#simplified) return this.#simplified;
    const [offset, length] = this.#header.simplified;
    const bytes = this.#read(offset, length * 2);
    this.#simplified = new Uint16Array(bytes.buffer, bytes.byteOffset, length);
    return this.#simplified;
  }

  scriptTables(config: OpenccConfig): ScriptTables {
    const offset = this.#header.scripts?.[config];
    // A file without the section (an older build): computed from the tables.
    if (offset === undefined) return scriptEvidence(this, this.plan(config));
    return { simplifiedOnly: this.#read(offset, 0x10000), simplified: this.simplified() };
  }

  segmenter(): JiebaCutter | undefined {
    const where = this.#header.segmenter;
    if (!where) return undefined;
    const [offset, length] = where.weights;
    const bytes = this.#read(offset, length * 8);
    return new JiebaCutter({ words: this.table(where.table), weights: new Float64Array(bytes.buffer, bytes.byteOffset, length), unknown: where.unknown });
  }
}

/** The format a file's first bytes name (`TWD1`), where they are letters and digits. */
function formatName(start: Uint8Array): string {
  const name = String.fromCharCode(...start.subarray(0, 4));
  return /^[A-Z0-9]{4}$/.test(name) ? ` \`${name}\`` : '';
}

function truncated(size: number, expected: number): string {
  return `Unexpected compiled dictionary of ${size} bytes, expected ${expected} (a truncated or damaged file: build the package again)`;
}

function parseHeader(bytes: Uint8Array): Header {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as Header;
  } catch {
    throw new Error('Unexpected compiled dictionary header, expected JSON (a damaged file: build the package again)');
  }
}

/** Closes a compiled file's handle when its reader is gone (a converter keeps reading values as texts ask for them). */
const handles = new FinalizationRegistry<number>((fd) => closeSync(fd));

/** A range of `file`, read through one handle kept open while the reader is referenced; the file's length; and the handle. */
function fileRange(file: URL | string): [ReadInto, number, number] {
  const fd = openSync(file, 'r');
  const into: ReadInto = (offset, bytes) => {
    const length = bytes.length;
    for (let done = 0; done < length; ) {
      const read = readSync(fd, bytes, done, length - done, offset + done);
      if (read === 0) throw new Error(`Unexpected end of \`${String(file)}\` at byte ${offset + done}, expected ${offset + length} bytes`);
      done += read;
    }
  };
  handles.register(into, fd, into);
  return [into, fstatSync(fd).size, fd];
}

/**
 * The compiled file beside this module (or `file`): its header read now,
 * each table when first used; `undefined` when it is absent or on a
 * big-endian machine. Run from the sources (`src/lib/compiled.ts`, the
 * tests), the package's build output is used where it has been built: the
 * same tables the sources would build from opencc-js, without rebuilding
 * them (~1.5 s) in every run (`compiled.test.ts` fails while that file is
 * older than the sources).
 */
export function readCompiled(file?: URL | string): CompiledSource | undefined {
  if (!littleEndian()) return undefined;
  const beside = new URL(`./${compiledFileName}`, import.meta.url);
  const candidates = file !== undefined ? [file] : import.meta.url.endsWith('/src/lib/compiled.ts') ? [beside, new URL(`../../dist/lib/${compiledFileName}`, import.meta.url)] : [beside];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) return undefined;
  const [into, size, fd] = fileRange(found);
  try {
    return new CompiledSource(into, size);
  } catch (error) {
    // A refused file (of another build, truncated, damaged): its handle closed now, not when the reader is collected.
    handles.unregister(into);
    closeSync(fd);
    throw error;
  }
}

/**
 * A key of a dictionary group by the identity of its dictionaries (`0,3`):
 * `ids` numbers each dictionary object the first time it is seen, so the
 * groups of several configurations that share dictionaries share a table.
 */
export function groupKey(group: DictGroup, ids: Map<unknown, number>): string {
  return group
    .map((dict: DictLike) => {
      let id = ids.get(dict);
      if (id === undefined) {
        id = ids.size;
        ids.set(dict, id);
      }
      return id;
    })
    .join(',');
}
