/**
 * Word segmentation of Chinese text, for the code that must not act across
 * a word boundary (the mis-conversion rule; segmentation-aware conversion).
 *
 * jieba's cut (its Simplified dictionary) comes from the compiled
 * dictionaries (`jieba.ts`, read on the first call of
 * {@link WordSegmenter.words}); the native jieba (`@node-rs/jieba`, whose
 * dictionary takes a few hundred milliseconds to build) where they are
 * absent (running from the sources). Keep one segmenter per run (in the
 * run's cache), never at module level.
 */
import { readCompiled } from './compiled.js';
import { loadJieba, type Segmenter } from './segmenter.js';

/** A word of a text: UTF-16 offsets `[start, end)`. */
export interface Word {
  start: number;
  end: number;
}

/** Cuts text into words. */
export interface WordSegmenter {
  /**
   * The words of `text`, in order, covering it exactly (punctuation and
   * Latin runs are words too); `undefined` when jieba cannot be loaded on
   * this platform (no prebuilt binary): callers fall back to their
   * character-level judgement.
   */
  words(text: string): Word[] | undefined;
}

/** A segmenter (jieba's cut over the compiled dictionaries, else {@link loadJieba}) whose dictionary is loaded on first use. */
export function createSegmenter(): WordSegmenter {
  let jieba: Segmenter | null | undefined;
  return {
    words(text: string): Word[] | undefined {
      if (text === '') return [];
      if (jieba === undefined) jieba = readCompiled()?.segmenter() ?? loadJieba() ?? null;
      return jieba ? toWords(text, jieba.cut(text)) : undefined;
    },
  };
}

/** Offsets of `tokens` in `text`; a token that does not match where expected ends the list with one word for the rest. */
export function toWords(text: string, tokens: readonly string[]): Word[] {
  const words: Word[] = [];
  let at = 0;
  for (const token of tokens) {
    if (token === '') continue;
    if (!text.startsWith(token, at)) break;
    words.push({ start: at, end: at + token.length });
    at += token.length;
  }
  if (at < text.length) words.push({ start: at, end: text.length });
  return words;
}

/** The words of `words` that overlap `[from, to)`, as one range. */
export function wordsAround(words: readonly Word[], from: number, to: number): Word {
  let start = from;
  let end = to;
  for (const word of words) {
    if (word.end <= from || word.start >= to) continue;
    start = Math.min(start, word.start);
    end = Math.max(end, word.end);
  }
  return { start, end };
}
