/**
 * Word segmentation of Chinese text, for the code that must not act across
 * a word boundary (the mis-conversion rule; segmentation-aware conversion).
 *
 * jieba (`@node-rs/jieba`, its Simplified dictionary) is loaded on the first
 * call of {@link Segmenter.words} only: building it takes most of a second,
 * and most runs never need it. Keep one segmenter per run (in the run's
 * cache), never at module level.
 */
import { createRequire } from 'node:module';

/** A word of a text: UTF-16 offsets `[start, end)`. */
export interface Word {
  start: number;
  end: number;
}

/** Cuts text into words. */
export interface Segmenter {
  /**
   * The words of `text`, in order, covering it exactly (punctuation and
   * Latin runs are words too); `undefined` when jieba cannot be loaded on
   * this platform (no prebuilt binary): callers fall back to their
   * character-level judgement.
   */
  words(text: string): Word[] | undefined;
}

interface JiebaModule {
  Jieba: { withDict(dict: Uint8Array): { cut(text: string, hmm?: boolean): string[] } };
}

/** A segmenter whose dictionary is loaded on first use. */
export function createSegmenter(): Segmenter {
  let jieba: { cut(text: string, hmm?: boolean): string[] } | null | undefined;
  const load = (): { cut(text: string, hmm?: boolean): string[] } | null => {
    if (jieba === undefined) {
      try {
        const require = createRequire(import.meta.url);
        const { Jieba } = require('@node-rs/jieba') as JiebaModule;
        const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
        jieba = Jieba.withDict(dict);
      } catch {
        jieba = null;
      }
    }
    return jieba;
  };
  return {
    words(text: string): Word[] | undefined {
      if (text === '') return [];
      const cutter = load();
      return cutter ? toWords(text, cutter.cut(text, false)) : undefined;
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
