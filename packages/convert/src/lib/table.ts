/**
 * A phrase table: OpenCC's `from to` pairs as a flat trie over UTF-16 code
 * units in typed arrays, built once (at build time, see `compiled.ts`) and
 * used straight from the bytes it was stored in: nothing is built when a
 * converter starts. Lookups give the longest phrase at a position that a
 * caller accepts, without allocating.
 *
 * Layout (all arrays little-endian, see {@link tableArrays}): nodes are
 * numbered breadth-first, so edge `e` leads to node `e + 1`; node `n`'s
 * children are the edges `first[n] .. first[n + 1]`, sorted by code unit
 * (`edgeUnit`); `value[n]` is the index of its value (or -1); value `v` is
 * `pool[valueStart[v] .. valueStart[v + 1]]`.
 */

/** The typed arrays of one table. */
export interface TableArrays {
  first: Int32Array;
  value: Int32Array;
  edgeUnit: Uint16Array;
  valueStart: Int32Array;
  pool: Uint16Array;
  /**
   * 1 where a node's phrase converts as its characters do one by one (its
   * value is the character conversion of its key: 万事 → 萬事), 0 where it
   * is evidence of its own (头发 → 頭髮): choosing such a phrase or a shorter
   * one gives the same text.
   */
  plain: Uint8Array;
  /** The longest key, in code units. */
  maxKey: number;
}

/**
 * Where a table's values are read when first used (a compiled file's
 * tables): `valueStart` and `pool` are given zeroed, and filled a range at a
 * time. Lookups never read them; decoding a value does, once per value (its
 * string is kept), so a converter's start reads no value it does not use.
 */
export interface ValueLoader {
  /** Fills `valueStart[from, to)` (indices, `to` exclusive). */
  starts(from: number, to: number): void;
  /** Fills `pool[from, to)`. */
  units(from: number, to: number): void;
  /**
   * Where the lookup arrays are given zeroed too: fills those of node block
   * `block` (see {@link blockShift}): `first` of its nodes and of the node
   * after them, `value` and `plain` of its nodes, and `edgeUnit` of their
   * edges. A walk reads a block when it first enters one of its nodes, so
   * a short text reads a few blocks of a large table, not all of it.
   */
  block?(block: number): void;
  /** Fills every block's (with {@link block}): a text that has walked {@link eagerBlocks} blocks reads the rest at once. */
  blocks?(): void;
}

/**
 * Blocks read one by one before the rest of a table's are read at once: a
 * read costs a system call and Node's checks (~5 µs, thousands for a long
 * text at a block each), a page of a block that is never walked ~3 µs.
 */
export const eagerBlocks = 16;

/**
 * Nodes per block of a table whose lookup arrays are read a block at a
 * time (`2 ** blockShift`; see {@link ValueLoader.block}): ~9 KB of a
 * block's `first`, `value` and `plain`, and the edges of its nodes.
 */
export const blockShift = 10;

/** Children above this count are found by binary search, below by a scan. */
const linearChildren = 8;

/** What decodes a long value (a `TextDecoder`). */
interface Utf16Decoder {
  decode(units: Uint16Array): string;
}

/** Values decoded in blocks of this many (a power of two: see `#values`). */
const valueShift = 8;
const valueBlock = 1 << valueShift;


/** Values up to this many code units are decoded with `String.fromCharCode`. */
const shortValue = 32;

/** A phrase table (see the module comment). */
export class PhraseTable {
  readonly #first: Int32Array;
  readonly #value: Int32Array;
  readonly #edgeUnit: Uint16Array;
  readonly #valueStart: Int32Array;
  readonly #poolUnits: Uint16Array;
  readonly #plain: Uint8Array;
  /** The longest key, in code units. */
  readonly maxKey: number;
  #scanRisky = false;
  #scanValue = -1;
  /**
   * Values decoded so far, in blocks of {@link valueBlock} made when first
   * used (each field holds one kind of value from the constructor on: a
   * field whose kind changes later deoptimises the code using it). One
   * array of every value cost a converter's start ~2 ms per large table:
   * fresh pages, most of them never written.
   */
  readonly #values: Array<Array<string | undefined> | undefined>;
  /** The root's children by code unit, 0 where none (the root has thousands; node 0 is the root, no child). */
  readonly #root: Uint16Array;
  /** Ends of the phrases found by the last walk (scratch, reused). */
  #ends = new Int32Array(16);
  #endValues = new Int32Array(16);
  #lastValue = -1;
  readonly #loader: ValueLoader | undefined;
  /** 1 for each node block not read yet (see {@link ValueLoader.block}); all 0 where the lookup arrays are given whole. */
  readonly #cold: Uint8Array;
  /** Blocks read one by one so far. */
  #warmed = 0;
  /** The UTF-16 decoder of long values, made when first needed (making one costs a converter's start ~1 ms, and most tables have no long value). */
  #utf16: Utf16Decoder | undefined;

  /**
   * `loader`: where `arrays.valueStart` and `arrays.pool` are filled from when
   * they are given zeroed (see {@link ValueLoader}); `root`: the root index
   * ({@link rootIndex}) where it was stored with the arrays.
   */
  constructor(arrays: TableArrays, loader?: ValueLoader, root?: Uint16Array) {
    this.#loader = loader;
    this.#first = arrays.first;
    this.#value = arrays.value;
    this.#edgeUnit = arrays.edgeUnit;
    this.#valueStart = arrays.valueStart;
    this.#poolUnits = arrays.pool;
    this.#plain = arrays.plain;
    this.maxKey = arrays.maxKey;
    this.#values = new Array<Array<string | undefined> | undefined>(Math.ceil((this.#valueStart.length - 1) / valueBlock));
    this.#cold = new Uint8Array(Math.ceil(this.#value.length / (1 << blockShift)));
    if (loader?.block) this.#cold.fill(1);
    if (!root) this.#warm(0);
    this.#root = root ?? rootIndex(arrays);
  }

  /** Number of phrases. */
  get size(): number {
    for (let block = 0; block < this.#cold.length; block++) this.#warm(block);
    let size = 0;
    for (const index of this.#value) if (index >= 0) size++;
    return size;
  }

  /** Whether `key` is a phrase. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The value of `key`, if it is a phrase. */
  get(key: string): string | undefined {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) node = this.#child(node, key.charCodeAt(i));
    if (node < 0) return undefined;
    const index = this.#value[node]!;
    return index < 0 ? undefined : this.#valueOf(index);
  }

  /**
   * The end (exclusive) of the longest phrase at `start` that `fits`
   * accepts (asked only of phrases of two code units or more; shorter ones
   * always fit), or -1; its value is then {@link lastValue}.
   */
  longest(text: string, start: number, fits?: (start: number, end: number) => boolean): number {
    let count = 0;
    let node = 0;
    for (let i = start; i < text.length; i++) {
      node = this.#child(node, text.charCodeAt(i));
      if (node < 0) break;
      const index = this.#value[node]!;
      if (index >= 0) {
        if (count === this.#ends.length) this.#grow();
        this.#ends[count] = i + 1;
        this.#endValues[count++] = index;
      }
    }
    while (count > 0) {
      const end = this.#ends[--count]!;
      if (!fits || end - start < 2 || fits(start, end)) {
        this.#lastValue = this.#endValues[count]!;
        return end;
      }
    }
    return -1;
  }

  /**
   * The end of the longest phrase at `start` (-1 if none); whether one of
   * its phrases of two code units or more is not plain (see
   * {@link TableArrays.plain}) is then {@link scanRisky}.
   */
  scan(text: string, start: number): number {
    let end = -1;
    let risky = false;
    let value = -1;
    let node = 0;
    for (let i = start; i < text.length; i++) {
      node = this.#child(node, text.charCodeAt(i));
      if (node < 0) break;
      if (this.#value[node]! >= 0) {
        end = i + 1;
        value = this.#value[node]!;
        if (end - start >= 2 && this.#plain[node] === 0) risky = true;
      }
    }
    this.#scanRisky = risky;
    this.#scanValue = value;
    return end;
  }

  /** See {@link scan}. */
  get scanRisky(): boolean {
    return this.#scanRisky;
  }

  /** The value index (see {@link valueOf}) of the longest phrase the last {@link scan} found. */
  get scanValue(): number {
    return this.#scanValue;
  }

  /** The node under the root of each code unit: 0 where no phrase starts with it (most units of a text). */
  get roots(): Uint16Array {
    return this.#rootChildren();
  }

  /** Whether the phrase of the one code unit `unit` exists with another value (without decoding the value). */
  changesUnit(unit: number): boolean {
    const node = this.#rootChildren()[unit]!;
    if (node !== 0) this.#warm(node >> blockShift);
    const index = node === 0 ? -1 : this.#value[node]!;
    if (index < 0) return false;
    this.#loadValue(index);
    const from = this.#valueStart[index]!;
    return this.#valueStart[index + 1]! - from !== 1 || this.#poolUnits[from] !== unit;
  }

  /** The first code unit of every phrase, each once (the root's children). */
  get firstUnits(): Uint16Array {
    this.#warm(0);
    return this.#edgeUnit.subarray(this.#first[0], this.#first[1]);
  }

  /** The value of the phrase the last successful {@link longest} found. */
  get lastValue(): string {
    return this.#valueOf(this.#lastValue);
  }

  /** The value of the phrase `text[start, end)`, if it is one (no copy of the key). */
  valueAt(text: string, start: number, end: number): string | undefined {
    let node = 0;
    for (let i = start; i < end && node >= 0; i++) node = this.#child(node, text.charCodeAt(i));
    if (node < 0) return undefined;
    const index = this.#value[node]!;
    return index < 0 ? undefined : this.#valueOf(index);
  }

  /**
   * The phrases starting at `start` and ending by `limit`, shortest first,
   * written to `ends` and `values` (value indices, see {@link valueOf}),
   * which hold {@link maxKey} entries at least; returns their count.
   */
  prefixes(text: string, start: number, limit: number, ends: Int32Array, values: Int32Array): number {
    let count = 0;
    let node = 0;
    for (let i = start; i < limit; i++) {
      node = this.#child(node, text.charCodeAt(i));
      if (node < 0) break;
      const index = this.#value[node]!;
      if (index >= 0) {
        ends[count] = i + 1;
        values[count++] = index;
      }
    }
    return count;
  }

  /** Number of distinct values. */
  get valueCount(): number {
    return this.#valueStart.length - 1;
  }

  /** Every phrase starting at `start`, shortest first. */
  matches(text: string, start: number): Array<{ end: number; value: string }> {
    const found: Array<{ end: number; value: string }> = [];
    let node = 0;
    for (let i = start; i < text.length; i++) {
      node = this.#child(node, text.charCodeAt(i));
      if (node < 0) break;
      const index = this.#value[node]!;
      if (index >= 0) found.push({ end: i + 1, value: this.#valueOf(index) });
    }
    return found;
  }

  /** The code units of every value, concatenated (each value once): which characters the table writes. */
  get valueUnits(): Uint16Array {
    this.#loader?.units(0, this.#poolUnits.length);
    return this.#poolUnits;
  }

  /** Every `[key, value]` pair, in code-unit order of the keys. */
  *entries(): Generator<[string, string]> {
    const walk = function* (table: PhraseTable, node: number, prefix: string): Generator<[string, string]> {
      table.#warm(node >> blockShift);
      const index = table.#value[node]!;
      if (index >= 0) yield [prefix, table.#valueOf(index)];
      for (let edge = table.#first[node]!; edge < table.#first[node + 1]!; edge++) {
        yield* walk(table, edge + 1, prefix + String.fromCharCode(table.#edgeUnit[edge]!));
      }
    };
    yield* walk(this, 0, '');
  }

  /** OpenCC's greedy maximum match over the whole text (opencc-js `Trie.convert`), `unmatched` giving the length of an unmatched character. */
  convert(text: string, unmatched: (text: string, i: number) => number): string {
    const roots = this.#rootChildren();
    const parts: string[] = [];
    let run = -1;
    for (let i = 0; i < text.length; ) {
      // No phrase starts with this unit (most of a text): unmatched without a walk.
      const end = roots[text.charCodeAt(i)] === 0 ? -1 : this.longest(text, i);
      if (end < 0) {
        if (run < 0) run = i;
        i += unmatched(text, i);
        continue;
      }
      if (run >= 0) parts.push(text.slice(run, i));
      run = -1;
      parts.push(this.lastValue);
      i = end;
    }
    if (run === 0) return text;
    if (run >= 0) parts.push(text.slice(run));
    return parts.join('');
  }

  #grow(): void {
    const ends = new Int32Array(this.#ends.length * 2);
    ends.set(this.#ends);
    const values = new Int32Array(ends.length);
    values.set(this.#endValues);
    this.#ends = ends;
    this.#endValues = values;
  }

  /** Value number `index` (0 … {@link valueCount} − 1). */
  valueOf(index: number): string {
    return this.#valueOf(index);
  }

  #valueOf(index: number): string {
    let block = this.#values[index >> valueShift];
    if (block === undefined) {
      block = new Array<string | undefined>(valueBlock);
      this.#values[index >> valueShift] = block;
    }
    let value = block[index & (valueBlock - 1)];
    if (value === undefined) {
      // One value at a time: decoding the whole pool costs milliseconds a short text never repays.
      this.#loadValue(index);
      const units = this.#poolUnits.subarray(this.#valueStart[index]!, this.#valueStart[index + 1]!);
      value = units.length <= shortValue ? String.fromCharCode(...units) : this.#decoder().decode(units);
      block[index & (valueBlock - 1)] = value;
    }
    return value;
  }

  /** Value `index`'s range of `valueStart` and its units of `pool` read, where a loader fills them. */
  #loadValue(index: number): void {
    if (!this.#loader) return;
    this.#loader.starts(index, index + 2);
    this.#loader.units(this.#valueStart[index]!, this.#valueStart[index + 1]!);
  }

  #decoder(): Utf16Decoder {
    this.#utf16 ??= new TextDecoder('utf-16le');
    return this.#utf16;
  }

  /** The node under `node` by code unit `unit` (its block read), or -1. */
  #child(node: number, unit: number): number {
    const child = node === 0 ? this.#rootChildren()[unit]! || -1 : this.#edge(node, unit);
    if (child > 0 && this.#cold[child >> blockShift] === 1) this.#warm(child >> blockShift);
    return child;
  }

  /** Node block `block`'s lookup arrays read, if they were not. */
  #warm(block: number): void {
    if (this.#cold[block] !== 1) return;
    if (++this.#warmed > eagerBlocks && this.#loader!.blocks) {
      this.#loader!.blocks();
      this.#cold.fill(0);
      return;
    }
    this.#loader!.block!(block);
    this.#cold[block] = 0;
  }

  #edge(node: number, unit: number): number {
    let low = this.#first[node]!;
    let high = this.#first[node + 1]!;
    if (high - low <= linearChildren) {
      for (; low < high; low++) if (this.#edgeUnit[low] === unit) return low + 1;
      return -1;
    }
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = this.#edgeUnit[middle]!;
      if (found === unit) return middle + 1;
      if (found < unit) low = middle + 1;
      else high = middle;
    }
    return -1;
  }

  #rootChildren(): Uint16Array {
    return this.#root;
  }

}

/**
 * The root's child node of each code unit (0: none): the root has
 * thousands of children. Its children are nodes 1 … (their count), so they
 * fit 16 bits unless phrases start with every one of the 65,536 code units.
 * Half the pages of an Int32Array, and no fill: fresh pages are most of
 * what a table costs a converter's start. The compiled file stores it with
 * each table: built at a converter's start, its loop cost ~1.5 ms (V8
 * compiling it on the stack) for the first table.
 */
export function rootIndex({ first, edgeUnit }: Pick<TableArrays, 'first' | 'edgeUnit'>): Uint16Array {
  const count = first[1]! - first[0]!;
  if (count > 0xffff) throw new Error(`Unexpected table whose phrases start with ${count} different code units, expected at most 65535`);
  const root = new Uint16Array(0x10000);
  for (let edge = first[0]!; edge < first[1]!; edge++) root[edgeUnit[edge]!] = edge + 1;
  return root;
}

/**
 * The arrays of a table of `entries` (a key given twice keeps its first
 * value). Values are shared: equal values are stored once. `chars` gives
 * the character conversion that {@link TableArrays.plain} compares with
 * (default: the table's own one-character entries).
 */
export function tableArrays(entries: Iterable<readonly [string, string]>, chars?: (char: string) => string | undefined): TableArrays {
  const pairs = new Map<string, string>();
  for (const [key, value] of entries) if (key !== '' && !pairs.has(key)) pairs.set(key, value);
  const keys = [...pairs.keys()].sort(compareUnits);
  const charOf = chars ?? ((char: string): string | undefined => pairs.get(char));
  const plainKey = (key: string, value: string): boolean => {
    let converted = '';
    for (const char of key) converted += charOf(char) ?? char;
    return converted === value;
  };
  const valueIndex = new Map<string, number>();
  const poolParts: string[] = [];
  const valueStart: number[] = [0];
  let poolLength = 0;
  const indexOf = (value: string): number => {
    let index = valueIndex.get(value);
    if (index === undefined) {
      index = valueIndex.size;
      valueIndex.set(value, index);
      poolParts.push(value);
      poolLength += value.length;
      valueStart.push(poolLength);
    }
    return index;
  };
  // Breadth-first numbering keeps each node's children contiguous: build a
  // Map trie first, then number it level by level.
  interface Node { children: Map<number, Node>; value: number; plain: boolean }
  const root: Node = { children: new Map(), value: -1, plain: true };
  let maxKey = 0;
  for (const key of keys) {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), value: -1, plain: true };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.value = indexOf(pairs.get(key)!);
    node.plain = plainKey(key, pairs.get(key)!);
    maxKey = Math.max(maxKey, key.length);
  }
  const order: Node[] = [root];
  const first: number[] = [];
  const value: number[] = [];
  const plain: number[] = [];
  const edgeUnit: number[] = [];
  for (let n = 0; n < order.length; n++) {
    const node = order[n]!;
    first.push(edgeUnit.length);
    value.push(node.value);
    plain.push(node.plain ? 1 : 0);
    for (const unit of [...node.children.keys()].sort((a, b) => a - b)) {
      edgeUnit.push(unit);
      order.push(node.children.get(unit)!);
    }
  }
  first.push(edgeUnit.length);
  const pool = new Uint16Array(poolLength);
  let at = 0;
  for (const part of poolParts) for (let i = 0; i < part.length; i++) pool[at++] = part.charCodeAt(i);
  return {
    first: Int32Array.from(first),
    value: Int32Array.from(value),
    edgeUnit: Uint16Array.from(edgeUnit),
    valueStart: Int32Array.from(valueStart),
    pool,
    plain: Uint8Array.from(plain),
    maxKey,
  };
}

const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Whether typed arrays are little-endian here (the compiled file is, and `Buffer`'s `utf16le`). */
export function littleEndian(): boolean {
  return isLittleEndian;
}

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
