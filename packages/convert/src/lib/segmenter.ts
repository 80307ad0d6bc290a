import { segmentationWords } from './corrections.js';
import { packageRequire } from './node.js';

/**
 * Splits text into words: the concatenation of the words is the text. Used
 * to keep OpenCC's phrase matches inside word boundaries.
 */
export interface Segmenter {
  cut(text: string): string[];
  /**
   * The words of `text[start, end)`, a run of jieba's "Han" class (see
   * `inJiebaBlock`), as offsets: the words {@link cut} gives for that run,
   * without a string per word (where the segmenter can).
   */
  cutBlock?(text: string, start: number, end: number, word: (from: number, to: number) => void): void;
  /** Words with their part of speech (`nr`: a person's name), where the segmenter tags. */
  tag?(text: string): Array<{ word: string; tag: string }>;
}

interface JiebaModule {
  Jieba: { withDict(dict: Uint8Array): JiebaInstance };
}

interface JiebaInstance {
  cut(text: string, hmm?: boolean): string[];
  tag(text: string, hmm?: boolean): Array<{ word: string; tag: string }>;
  loadDict(dict: Uint8Array): void;
}

/**
 * jieba (`@node-rs/jieba`, its default dictionary plus tongwen's
 * {@link segmentationWords}), without HMM guessing of unknown words: unknown
 * stretches fall apart into single characters, which never forbid a phrase.
 * Returns `undefined` when the native module cannot be loaded on this
 * platform (conversion then matches phrases as OpenCC does).
 */
export function loadJieba(): Segmenter | undefined {
  const require = packageRequire();
  let jieba: JiebaInstance;
  try {
    const { Jieba } = require('@node-rs/jieba') as JiebaModule;
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(new TextEncoder().encode(segmentationWords.map(([word, frequency]) => `${word} ${frequency}`).join('\n')));
  } catch {
    return undefined;
  }
  return { cut: (text) => jieba.cut(text, false), tag: (text) => jieba.tag(text, false) };
}

/** The text of jieba's dictionary (`@node-rs/jieba`'s `dict.txt`), for the build to compile; `undefined` where the package is absent. */
export function jiebaDictionary(): string | undefined {
  try {
    const { dict } = packageRequire()('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    return new TextDecoder().decode(dict);
  } catch {
    return undefined;
  }
}

/**
 * A segmenter that cuts with `cutter` and tags with the native jieba, loaded
 * when a text is first tagged (the tags of a word it cannot give are empty).
 */
export function withNativeTags(cutter: Pick<Segmenter, 'cut' | 'cutBlock'>): Segmenter {
  let native: Segmenter | null | undefined;
  return {
    cut: (text) => cutter.cut(text),
    ...(cutter.cutBlock ? { cutBlock: cutter.cutBlock.bind(cutter) } : {}),
    tag: (text) => {
      if (native === undefined) native = loadJieba() ?? null;
      return native?.tag?.(text) ?? cutter.cut(text).map((word) => ({ word, tag: '' }));
    },
  };
}

/**
 * Word boundaries of `text`: `cuts[k]` is 1 when a word ends before offset
 * `k` (0-based UTF-16), for `k` in `0..text.length` (both ends are
 * boundaries), 2 where a compound word splits into two words (see
 * {@link compoundSplit}): a boundary a phrase may start or end on, not one
 * it must not cross (前列腺 in 前列腺癌 = 前列 + 腺癌). `undefined` when the segmenter's words do not add up to the
 * text.
 */
export function wordCuts(segmenter: Segmenter, text: string): Uint8Array | undefined {
  const cuts = new Uint8Array(text.length + 1);
  cuts[0] = 1;
  let offset = 0;
  for (const word of segmenter.cut(text)) {
    if (!text.startsWith(word, offset)) return undefined;
    const inner = compoundSplit(segmenter, word);
    if (inner > 0) cuts[offset + inner] = 2;
    offset += word.length;
    cuts[offset] = 1;
  }
  return offset === text.length ? cuts : undefined;
}

/**
 * Where a compound word of the segmenter splits into two words of two
 * characters or more (归档文件 → 归档 + 文件, 体育项目 → 体育 + 项目), or 0.
 * jieba keeps such compounds as one word, which would hide the boundary a
 * phrase of the dictionary starts on (文件夹 in 归档文件/夹); a split into
 * single characters (更/复杂) is no such boundary.
 */
export function compoundSplit(segmenter: Segmenter, word: string): number {
  if (word.length < 4 || !/^\p{Script=Han}+$/u.test(word)) return 0;
  for (let k = 2; k <= word.length - 2; k++) {
    if (segmenter.cut(word.slice(0, k)).length === 1 && segmenter.cut(word.slice(k)).length === 1) return k;
  }
  return 0;
}

/**
 * Whether a phrase at `[start, end)` may be used: it lies inside one word,
 * or it starts and ends on word boundaries (an idiom, a name or a classical
 * phrase that the segmenter splits into words). A phrase that starts inside
 * one word and ends inside another (个中 in 一个/中央, 面包 in 这/里面/包含)
 * is the greedy match's classic error. A phrase that starts or ends on a
 * compound's inner boundary (see {@link compoundSplit}) may cross a word
 * boundary only when `isWord` says the segmenter knows it as one word
 * (文件夾 in 归档文件/夹; not 函數式編程 in 函数式/编程语言).
 */
export function fitsWords(cuts: Uint8Array | undefined, start: number, end: number, isWord?: (start: number, end: number) => boolean): boolean {
  if (!cuts || end - start < 2) return true;
  if (cuts[start] === 1 && cuts[end] === 1) return true;
  let crosses = false;
  for (let k = start + 1; k < end && !crosses; k++) crosses = cuts[k] === 1;
  if (!crosses) return true;
  // Across a word boundary from a compound's inner boundary: only a phrase the segmenter knows as one word (文件夾, not 函數式編程).
  return cuts[start]! > 0 && cuts[end]! > 0 && isWord?.(start, end) === true;
}
