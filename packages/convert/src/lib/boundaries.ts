/**
 * Word boundaries of a text, segmented only where they are asked for.
 * jieba cuts a text block by block: it splits it into runs of its "Han"
 * class (CJK ideographs, ASCII letters and digits, `+#&._%-`) and cuts each
 * run on its own, every other character being a word of its own (`\r\n`
 * one word). So the boundaries inside one run do not depend on the rest of
 * the text, and a conversion needs the runs where a phrase of two
 * characters or more is a candidate only: {@link Boundaries.ensure} cuts
 * those, once each. The result is {@link wordCuts} of the whole text, where
 * it was asked for (a test compares them on every corpus book).
 */
import type { Segmenter } from './segmenter.js';
import { littleEndian } from './table.js';

/** Whether a code point is in jieba's default Han class (`RE_HAN_DEFAULT`). */
export function inJiebaBlock(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (
      (codePoint >= 0x30 && codePoint <= 0x39) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x61 && codePoint <= 0x7a) ||
      codePoint === 0x2b || codePoint === 0x23 || codePoint === 0x26 || codePoint === 0x2e || codePoint === 0x5f || codePoint === 0x25 || codePoint === 0x2d
    );
  }
  return (
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x20000 && codePoint <= 0x2a6df) ||
    (codePoint >= 0x2a700 && codePoint <= 0x2ebef) ||
    (codePoint >= 0x2f800 && codePoint <= 0x2fa1f)
  );
}

/** What {@link Boundaries} needs: the segmenter (loaded when first needed), the Simplified form of a code unit, and compound splits. */
export interface BoundaryContext {
  /** The segmenter; `undefined` when it cannot be loaded. */
  segmenter(): Segmenter | undefined;
  /** Traditional and variant characters → Simplified, by code unit (0: unchanged). */
  simplified: Uint16Array;
  /** Where a word splits into two words (see `compoundSplit`), cached by the caller. */
  split(word: string): number;
}

/**
 * The word boundaries of one text (`cuts` as {@link wordCuts} gives them,
 * on the text's Simplified form), filled block by block on demand.
 */
export class Boundaries {
  /** 1: a word ends here; 2: a compound's inner boundary; valid where {@link ensure} was asked. */
  readonly cuts: Uint8Array;
  readonly #ready: Uint8Array;
  readonly #text: string;
  readonly #context: BoundaryContext;
  #failed = false;
  #simplifiedText: string | undefined;
  /** The context's code-unit table, read once (the context may give it through a getter that reads the compiled file). */
  #table: Uint16Array | undefined;

  /**
   * `simplified`: the text's Simplified form when the caller knows better
   * than the code-unit table (converted text read back through the phrase
   * stage, see `phraseBoundaries`); of the same length.
   */
  constructor(text: string, context: BoundaryContext, simplified?: string) {
    this.#text = text;
    this.#context = context;
    if (simplified !== undefined && simplified.length === text.length) this.#simplifiedText = simplified;
    this.cuts = new Uint8Array(text.length + 1);
    this.#ready = new Uint8Array(text.length + 1);
  }

  /**
   * Whether the segmenter's words did not add up to a block (or it could
   * not be loaded): the text then has no word boundaries at all, as with
   * {@link wordCuts} returning `undefined`.
   */
  get failed(): boolean {
    return this.#failed;
  }

  /** The text's Simplified form, code unit by code unit (what the words are cut on), built when first asked for. */
  get simplifiedText(): string {
    if (this.#simplifiedText === undefined) {
      // Most texts are Simplified already: the text itself. Else the code units in one buffer, decoded once
      // (appending a character at a time built a rope of the whole text: a quarter of an s2twp conversion).
      const text = this.#text;
      const simplified = this.#context.simplified;
      let first = 0;
      while (first < text.length && (simplified[text.charCodeAt(first)] || text.charCodeAt(first)) === text.charCodeAt(first)) first++;
      if (first === text.length) this.#simplifiedText = text;
      else if (fewChanged(text, first, simplified)) this.#simplifiedText = replacedUnits(text, first, simplified);
      else this.#simplifiedText = text.slice(0, first) + unitsText(simplifiedUnits(text, simplified, first));
    }
    return this.#simplifiedText;
  }

  /** Make `cuts[from..to]` (clamped to the text) valid; `false` once {@link failed}. */
  ensure(from: number, to: number): boolean {
    const last = Math.min(to, this.#text.length);
    for (let k = Math.max(0, from); k <= last && !this.#failed; k++) if (this.#ready[k] === 0) this.#fill(k);
    return !this.#failed;
  }

  /**
   * A text whose `[start - shift, end - shift)` is the Simplified form of
   * this text's `[start, end)`: the whole text's Simplified form once built
   * or given, else the text itself where that stretch is Simplified
   * already, else the stretch's Simplified form alone.
   */
  simplifiedStretch(start: number, end: number): { text: string; shift: number } {
    // Built, or given (converted text read back through the phrase stage: 滑鼠 as 鼠标, which no code unit says).
    if (this.#simplifiedText !== undefined) return { text: this.#simplifiedText, shift: 0 };
    const simplified = this.#context.simplified;
    let k = start;
    while (k < end && (simplified[this.#text.charCodeAt(k)] || this.#text.charCodeAt(k)) === this.#text.charCodeAt(k)) k++;
    if (k === end) return { text: this.#text, shift: 0 };
    return { text: replacedUnits(this.#text.slice(start, end), 0, simplified), shift: start };
  }

  #unit(k: number): number {
    if (this.#simplifiedText !== undefined) return this.#simplifiedText.charCodeAt(k);
    const unit = this.#text.charCodeAt(k);
    return (this.#table ??= this.#context.simplified)[unit] || unit;
  }

  /** The code point starting at `k` of the Simplified text (a low surrogate after a high one: -1). */
  #codePointAt(k: number): number {
    const unit = this.#unit(k);
    if (unit >= 0xdc00 && unit <= 0xdfff && k > 0) {
      const high = this.#unit(k - 1);
      if (high >= 0xd800 && high <= 0xdbff) return -1;
    }
    if (unit >= 0xd800 && unit <= 0xdbff && k + 1 < this.#text.length) {
      const low = this.#unit(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    return unit;
  }

  #fill(k: number): void {
    const length = this.#text.length;
    let start = k;
    if (start < length && this.#codePointAt(start) === -1) start--;
    if (start >= length || !inJiebaBlock(this.#codePointAt(start))) {
      // Outside a block every character is a word (a surrogate pair one character, `\r\n` one word).
      this.cuts[k] = k === start && !(this.#text[k - 1] === '\r' && this.#text[k] === '\n') ? 1 : 0;
      this.#ready[k] = 1;
      return;
    }
    while (start > 0) {
      let before = start - 1;
      if (this.#codePointAt(before) === -1) before--;
      if (!inJiebaBlock(this.#codePointAt(before))) break;
      start = before;
    }
    let end = k;
    while (end < length) {
      const codePoint = this.#codePointAt(end);
      if (codePoint !== -1 && !inJiebaBlock(codePoint)) break;
      end += codePoint > 0xffff ? 2 : 1;
    }
    this.#cutBlock(start, end);
  }

  #cutBlock(start: number, end: number): void {
    const segmenter = this.#context.segmenter();
    if (!segmenter) {
      this.#failed = true;
      return;
    }
    this.cuts[start] = 1;
    if (segmenter.cutBlock) {
      // By offsets in the block's Simplified form: no string per word.
      const { text, shift } = this.simplifiedStretch(start, end);
      segmenter.cutBlock(text, start - shift, end - shift, (from, to) => {
        if (to - from >= 4) {
          const inner = this.#context.split(text.slice(from, to));
          if (inner > 0) this.cuts[shift + from + inner] = 2;
        }
        this.cuts[shift + to] = 1;
      });
      this.#ready.fill(1, start, end + 1);
      return;
    }
    let block = '';
    for (let k = start; k < end; k++) block += String.fromCharCode(this.#unit(k));
    let offset = 0;
    for (const word of segmenter.cut(block)) {
      if (!block.startsWith(word, offset)) {
        this.#failed = true;
        return;
      }
      const inner = this.#context.split(word);
      if (inner > 0) this.cuts[start + offset + inner] = 2;
      offset += word.length;
      this.cuts[start + offset] = 1;
    }
    if (offset !== block.length) {
      this.#failed = true;
      return;
    }
    this.#ready.fill(1, start, end + 1);
  }
}

/** Whether at most one code unit in 32 of `text` from `first` has another Simplified form (a Simplified text's odd variant: 么, 著). */
function fewChanged(text: string, first: number, simplified: Uint16Array): boolean {
  const limit = (text.length - first) >> 5;
  let changed = 0;
  for (let k = first; k < text.length && changed <= limit; k++) {
    const unit = text.charCodeAt(k);
    if ((simplified[unit] || unit) !== unit) changed++;
  }
  return changed <= limit;
}

/** The code units of `text`'s Simplified form from `first` on, code unit by code unit (`simplified`: a unit's Simplified character, 0: itself). */
export function simplifiedUnits(text: string, simplified: Uint16Array, first = 0): Uint16Array {
  const units = new Uint16Array(text.length - first);
  for (let k = 0; k < units.length; k++) {
    const unit = text.charCodeAt(first + k);
    units[k] = simplified[unit] || unit;
  }
  return units;
}

/** `text` with each code unit from `first` that has another Simplified form replaced, the stretches between copied as slices. */
export function replacedUnits(text: string, first: number, simplified: Uint16Array): string {
  const parts: string[] = [text.slice(0, first)];
  let copied = first;
  for (let k = first; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    const to = simplified[unit] || unit;
    if (to === unit) continue;
    if (copied < k) parts.push(text.slice(copied, k));
    parts.push(String.fromCharCode(to));
    copied = k + 1;
  }
  if (copied < text.length) parts.push(text.slice(copied));
  return parts.join('');
}

/** The string of UTF-16 code units (a Uint16Array is in the machine's byte order: decoded as such on little-endian machines, else in slices). */
export function unitsText(units: Uint16Array): string {
  if (littleEndian()) return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  const parts: string[] = [];
  for (let k = 0; k < units.length; k += 8192) parts.push(String.fromCharCode(...units.subarray(k, k + 8192)));
  return parts.join('');
}
