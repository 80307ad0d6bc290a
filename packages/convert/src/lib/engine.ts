import { createRequire } from 'node:module';
import type { DictGroup, DictLike, Trie } from 'opencc-js';
import { glossaryPairs, type Glossary } from './glossary.js';
import { localesOf, type OpenccConfig } from './profiles.js';

/** Converts plain text (no Markdown awareness). */
export type TextConverter = (text: string) => string;

type OpenCCModule = typeof import('opencc-js');

/** One preset configuration of opencc-js (its typings leave out `normalizationChain`). */
interface PresetConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/** Options of {@link createConverters}. */
export interface ConvertersOptions {
  /**
   * Terms converted (or kept) as the glossary says, with OpenCC's
   * segmentation intact: a glossary term competes with the dictionary's
   * phrases by longest match at each position, so it never splits a phrase
   * that starts before it.
   */
  glossary?: Glossary;
}

/**
 * The converters of one run, built lazily: the dictionaries' tries are made
 * the first time a configuration is asked for and shared between the
 * configurations of this instance only (no module-level cache). Create one
 * per run (or per worker) with {@link createConverters}.
 */
export class Converters {
  readonly #opencc: OpenCCModule;
  readonly #glossary: Glossary | undefined;
  readonly #tries = new Map<string, Trie>();
  readonly #dictIds = new Map<DictLike, number>();
  readonly #converters = new Map<OpenccConfig, TextConverter>();

  /** Prefer {@link createConverters}, which loads opencc-js on demand. */
  constructor(opencc: OpenCCModule, options: ConvertersOptions = {}) {
    this.#opencc = opencc;
    this.#glossary = options.glossary;
  }

  /** The configurations built so far (for tests and diagnostics). */
  get built(): OpenccConfig[] {
    return [...this.#converters.keys()];
  }

  /**
   * The converter of an OpenCC configuration, with this instance's glossary
   * for the configuration's direction. Without a glossary the output equals
   * opencc-js's `Converter` output for the same configuration.
   */
  get(config: OpenccConfig): TextConverter {
    let converter = this.#converters.get(config);
    if (!converter) {
      converter = this.#build(config);
      this.#converters.set(config, converter);
    }
    return converter;
  }

  #build(config: OpenccConfig): TextConverter {
    const preset = (this.#opencc.Locale.configs as Record<string, PresetConfig | undefined>)[config];
    if (!preset) throw new Error(`opencc-js has no configuration \`${config}\``);
    const normalize = (preset.normalizationChain ?? []).map((group) => this.#trie(group));
    const chain = preset.conversionChain.map((group) => this.#trie(group));
    let segmentation: Trie | undefined;
    if (preset.segmentation !== undefined) {
      const seg = preset.segmentation;
      segmentation = Array.isArray(seg) && seg.every((dict: unknown) => typeof dict === 'string') ? this.#trie(seg as DictGroup) : this.#trie([seg as DictLike]);
    }
    const locales = localesOf(config);
    const pairs = this.#glossary && locales ? glossaryPairs(this.#glossary, locales.from, locales.to) : [];
    let glossary: Trie | undefined;
    if (pairs.length > 0) {
      glossary = new this.#opencc.Trie();
      for (const [source, target] of pairs) glossary.addWord(source, target);
      // Single-stage configurations have no segmentation in OpenCC; segmenting
      // with their only trie gives the same output and lets terms compete.
      segmentation ??= chain.length === 1 ? chain[0] : undefined;
    }
    const convertSegment = (segment: string): string => {
      let result = segment;
      for (const trie of chain) result = trie.convert(result);
      return result;
    };
    return (text: string): string => {
      let normalized = text;
      for (const trie of normalize) normalized = trie.convert(normalized);
      if (!segmentation && !glossary) return convertSegment(normalized);
      const parts: string[] = [];
      for (const segment of segmentText(normalized, segmentation, glossary)) {
        parts.push(segment.glossary === undefined ? convertSegment(segment.text) : segment.glossary);
      }
      return parts.join('');
    };
  }

  /** A trie of a dictionary group (earlier dictionaries win), shared within this instance. */
  #trie(group: DictGroup): Trie {
    const key = group
      .map((dict: DictLike) => {
        let id = this.#dictIds.get(dict);
        if (id === undefined) {
          id = this.#dictIds.size;
          this.#dictIds.set(dict, id);
        }
        return id;
      })
      .join(',');
    let trie = this.#tries.get(key);
    if (!trie) {
      trie = new this.#opencc.Trie();
      trie.loadDictGroup(group);
      this.#tries.set(key, trie);
    }
    return trie;
  }
}

/**
 * The same as {@link createConverters} for synchronous callers (lint rules):
 * opencc-js is loaded with `require` when this is first called.
 */
export function createConvertersSync(options: ConvertersOptions = {}): Converters {
  return new Converters(createRequire(import.meta.url)('opencc-js') as OpenCCModule, options);
}

/** Load opencc-js (on first call) and create the converters of one run. */
export async function createConverters(options: ConvertersOptions = {}): Promise<Converters> {
  const opencc = await import('opencc-js');
  return new Converters(opencc, options);
}

interface Segment {
  text: string;
  /** The glossary's replacement, when the segment is a glossary term. */
  glossary?: string;
}

/**
 * Maximum-match segmentation as OpenCC does it (dictionary phrases, and runs
 * of unmatched characters kept together), with glossary terms competing:
 * at each position the longer of the dictionary match and the glossary
 * match wins, the glossary on a tie.
 */
function segmentText(text: string, segmentation: Trie | undefined, glossary: Trie | undefined): Segment[] {
  const segments: Segment[] = [];
  let runStart = -1;
  const flush = (end: number): void => {
    if (runStart >= 0) segments.push({ text: text.slice(runStart, end) });
    runStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const term = glossary?.matchPrefix(text, i) ?? null;
    const phrase = segmentation?.matchPrefix(text, i) ?? null;
    if (term && (!phrase || term.end >= phrase.end)) {
      flush(i);
      segments.push({ text: text.slice(i, term.end), glossary: term.value });
      i = term.end;
    } else if (phrase) {
      flush(i);
      segments.push({ text: text.slice(i, phrase.end) });
      i = phrase.end;
    } else {
      if (runStart < 0) runStart = i;
      i += unmatchedLength(text, i);
    }
  }
  flush(text.length);
  return segments;
}

function codePointLength(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Arity of an ideographic description character (U+2FF0–U+2FFF), as opencc-js reads them. */
function idsArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

function idsEnd(text: string, i: number): number {
  const arity = idsArity(text.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(text, i);
  for (let n = 0; n < arity; n++) {
    if (end >= text.length) return 0;
    const child = idsEnd(text, end);
    end = child || end + codePointLength(text, end);
  }
  return end;
}

/** How far an unmatched character reaches: one code point, or a whole ideographic description sequence. */
function unmatchedLength(text: string, i: number): number {
  const end = idsEnd(text, i);
  return end > i ? end - i : codePointLength(text, i);
}
