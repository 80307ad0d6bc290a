/**
 * jieba's cut without HMM (`@node-rs/jieba`'s `cut(text, false)`, jieba-rs)
 * in JavaScript, over jieba's own dictionary compiled at build time (see
 * `compiled.ts`): no native call per stretch and no dictionary to load when
 * a converter starts. A block of jieba's "Han" class is cut along the most
 * probable route of its dictionary words (log frequency over the total,
 * the longer end winning a tie, a character no word starts at weighing as
 * a word of frequency 1); single ASCII letters and digits on the route are
 * joined into one word; every other character is a word of its own (`\r\n`
 * one word). The differential test compares it with the native jieba on
 * every corpus book.
 */
import { inJiebaBlock } from './boundaries.js';
import type { Segmenter } from './segmenter.js';
import type { PhraseTable } from './table.js';

/** What the cutter reads: the words (values: an index into `weights`), their weights, and the weight of an unknown character. */
export interface JiebaData {
  words: PhraseTable;
  /** `ln(freq) − ln(total)` of each distinct frequency, by value index of {@link JiebaData.words}. */
  weights: Float64Array;
  /** `ln(1) − ln(total)`. */
  unknown: number;
}

/** jieba's no-HMM cut over compiled data (see the module comment). */
export class JiebaCutter implements Segmenter {
  readonly #data: JiebaData;
  #ends: Int32Array;
  #values: Int32Array;
  #score = new Float64Array(64);
  #next = new Int32Array(64);

  constructor(data: JiebaData) {
    this.#data = data;
    this.#ends = new Int32Array(data.words.maxKey + 1);
    this.#values = new Int32Array(data.words.maxKey + 1);
  }

  cut(text: string): string[] {
    const words: string[] = [];
    for (let i = 0; i < text.length; ) {
      const codePoint = text.codePointAt(i)!;
      if (inJiebaBlock(codePoint)) {
        let end = i;
        while (end < text.length && inJiebaBlock(text.codePointAt(end)!)) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
        this.cutBlock(text, i, end, (from, to) => words.push(text.slice(from, to)));
        i = end;
        continue;
      }
      const length = codePoint === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : codePoint > 0xffff ? 2 : 1;
      words.push(text.slice(i, i + length));
      i += length;
    }
    return words;
  }

  /** The words of the block `text[start, end)` (a run of jieba's Han class), as offsets. */
  cutBlock(text: string, start: number, end: number, word: (from: number, to: number) => void): void {
    this.#route(text, start, end);
    const next = this.#next;
    let left = -1;
    for (let x = start; x < end; ) {
      const y = next[x - start]! + start;
      if (y - x === 1 && isAsciiAlphanumeric(text.charCodeAt(x))) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) word(left, x);
        left = -1;
        word(x, y);
      }
      x = y;
    }
    if (left >= 0) word(left, end);
  }

  /** The best route from each character of the block to its end: `next` (relative to `start`). */
  #route(text: string, start: number, end: number): void {
    const length = end - start;
    if (this.#score.length < length + 1) {
      this.#score = new Float64Array(length * 2 + 1);
      this.#next = new Int32Array(length * 2 + 1);
    }
    const score = this.#score;
    const next = this.#next;
    const { words, weights, unknown } = this.#data;
    score[length] = 0;
    let following = end;
    for (let p = end - 1; p >= start; p--) {
      const unit = text.charCodeAt(p);
      if (unit >= 0xdc00 && unit <= 0xdfff && p > start && isHighSurrogate(text.charCodeAt(p - 1))) continue;
      const count = words.prefixes(text, p, end, this.#ends, this.#values);
      let best = 0;
      let bestEnd = -1;
      for (let k = 0; k < count; k++) {
        const to = this.#ends[k]!;
        const value = weights[this.#values[k]!]! + score[to - start]!;
        if (bestEnd < 0 || value > best || (value === best && to > bestEnd)) {
          best = value;
          bestEnd = to;
        }
      }
      if (bestEnd < 0) {
        best = unknown + score[following - start]!;
        bestEnd = following;
      }
      score[p - start] = best;
      next[p - start] = bestEnd - start;
      following = p;
    }
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isAsciiAlphanumeric(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

/**
 * jieba's dictionary as jieba-rs loads it: each line `word [freq [tag]]`
 * (no frequency: 0), a word given again takes the later frequency; then
 * `extra` words the same way (as `loadDict` does). `total` is the sum of
 * the frequencies.
 */
export function jiebaWords(dictionary: string, extra: ReadonlyArray<readonly [string, number]>): { words: Map<string, number>; total: number } {
  const words = new Map<string, number>();
  for (const line of dictionary.split('\n')) {
    const [word, freq] = line.trim().split(/\s+/);
    if (word) words.set(word, freq === undefined ? 0 : Number(freq));
  }
  for (const [word, freq] of extra) words.set(word, freq);
  let total = 0;
  for (const freq of words.values()) total += freq;
  return { words, total };
}

const scaleBits = 200n;

/** `atanh(p / q)` in fixed point (`scaleBits` fraction bits), for `0 ≤ p/q ≤ 1/3`. */
function atanhFixed(p: bigint, q: bigint): bigint {
  let term = (p << scaleBits) / q;
  let sum = 0n;
  const p2 = p * p;
  const q2 = q * q;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * p2) / q2;
  }
  return sum;
}

/**
 * The natural logarithm of a non-negative integer, correctly rounded (as
 * the C library's `log` that jieba-rs calls gives it; V8's `Math.log` is
 * off by one unit in the last place for some frequencies, which could
 * change a near tie of two routes).
 */
export function naturalLog(n: number): number {
  if (n === 0) return -Infinity;
  const big = BigInt(n);
  const k = big.toString(2).length - 1;
  const power = 1n << BigInt(k);
  const fixed = BigInt(k) * 2n * atanhFixed(1n, 3n) + 2n * atanhFixed(big - power, big + power);
  return Number(fixed) / 2 ** Number(scaleBits);
}
