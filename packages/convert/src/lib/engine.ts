import { createRequire } from 'node:module';
import type { DictGroup, DictLike, Trie } from 'opencc-js';
import { simplifiedToTraditional, taiwanPhrases, taiwanTechPhrases } from './corrections.js';
import { Dictionary } from './dictionary.js';
import { glossaryPairs, type Glossary } from './glossary.js';
import { localesOf, type OpenccConfig } from './profiles.js';
import { fitsWords, loadJieba, wordCuts, type Segmenter } from './segmenter.js';
import { classifierForms, keptChars, oneToMany, reviewConversion, type ReviewItem } from './review.js';
import { senseAllows } from './senses.js';

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
  /**
   * Word-aware conversion (default `true`): OpenCC's phrases are matched only
   * where they respect the word boundaries of jieba (`@node-rs/jieba`), text
   * already in the target script is left as it is (converting converted text
   * changes nothing), and tongwen's correction table applies. `false` gives
   * exactly opencc-js's output. A {@link Segmenter} may be passed instead of
   * `true` (tests); when jieba cannot be loaded on a platform, phrases are
   * matched as OpenCC does (see {@link Converters.segmented}).
   */
  segmentation?: boolean | Segmenter;
}

/** One stage of a conversion chain: a dictionary, and its multi-character targets that are already converted text. */
interface Stage {
  dictionary: Dictionary;
  /** Targets (of two characters or more) that are no source phrase: text already converted, kept as it is. */
  converted: Dictionary;
  /** The Taiwan phrase stage: its phrases follow the sense cues of `senses.ts`. */
  senses?: boolean;
}

interface Segment {
  start: number;
  end: number;
  /** The glossary's replacement, when the segment is a glossary term. */
  glossary?: string;
  /** Already in the first stage's target script: the first stage leaves it. */
  converted?: boolean;
}

/**
 * The converters of one run, built lazily: the dictionaries are made the
 * first time a configuration is asked for and shared between the
 * configurations of this instance only (no module-level cache). Create one
 * per run (or per worker) with {@link createConverters}.
 */
export class Converters {
  readonly #opencc: OpenCCModule;
  readonly #glossary: Glossary | undefined;
  readonly #wordAware: boolean;
  #segmenter: Segmenter | undefined | null;
  #simplifiedChars: Map<string, string> | undefined;
  #forms: { forms: Map<string, string[]>; kept: Set<string>; classifiers: Set<string> } | undefined;
  readonly #tries = new Map<string, Trie>();
  readonly #stages = new Map<string, Stage>();
  readonly #dictIds = new Map<DictLike, number>();
  readonly #converters = new Map<OpenccConfig, TextConverter>();

  /** Prefer {@link createConverters}, which loads opencc-js on demand. */
  constructor(opencc: OpenCCModule, options: ConvertersOptions = {}) {
    this.#opencc = opencc;
    this.#glossary = options.glossary;
    this.#wordAware = options.segmentation !== false;
    this.#segmenter = typeof options.segmentation === 'object' ? options.segmentation : this.#wordAware ? null : undefined;
  }

  /** The configurations built so far (for tests and diagnostics). */
  get built(): OpenccConfig[] {
    return [...this.#converters.keys()];
  }

  /** Whether phrases follow word boundaries (jieba loaded); `false` with `segmentation: false` or where jieba is unavailable. */
  get segmented(): boolean {
    return this.#segmenterOf() !== undefined;
  }

  /**
   * The converter of an OpenCC configuration, with this instance's glossary
   * for the configuration's direction. With `segmentation: false` and no
   * glossary the output equals opencc-js's `Converter` output for the same
   * configuration.
   */
  get(config: OpenccConfig): TextConverter {
    let converter = this.#converters.get(config);
    if (!converter) {
      converter = this.#build(config);
      this.#converters.set(config, converter);
    }
    return converter;
  }

  /**
   * Word boundaries of `text` (see {@link wordCuts}), computed on its
   * Simplified form so that Traditional text is cut as the same words;
   * `undefined` without a segmenter.
   */
  cuts(text: string): Uint8Array | undefined {
    const segmenter = this.#segmenterOf();
    if (!segmenter) return undefined;
    const chars = this.#simplified();
    let simplified = '';
    for (let i = 0; i < text.length; i++) simplified += chars.get(text[i]!) ?? text[i]!;
    return wordCuts(segmenter, simplified);
  }

  /**
   * The review list of converting `text` (Simplified) with `config`: the
   * places a human should look at (see `review.ts`), offsets in `text`.
   */
  review(config: OpenccConfig, text: string): ReviewItem[] {
    const preset = (this.#opencc.Locale.configs as Record<string, PresetConfig | undefined>)[config === 's2twt' ? 's2twp' : config];
    const first = preset?.conversionChain[0];
    if (!first || !config.startsWith('s2')) return [];
    const phrased = config === 's2twp' || config === 's2twt';
    return reviewConversion(text, {
      ...this.#oneToMany(),
      phrases: this.#stage(first).dictionary,
      cuts: this.cuts(text),
      convert: this.get(config),
      ...(phrased ? { base: this.get('s2tw') } : {}),
      ...(this.#segmenterOf()?.tag ? { tags: this.#segmenterOf()!.tag!(text), isWord: this.#isWord(text) } : {}),
    });
  }

  #oneToMany(): { forms: Map<string, string[]>; kept: Set<string>; classifiers: Set<string> } {
    if (this.#forms) return this.#forms;
    const configs = this.#opencc.Locale.configs as Record<string, PresetConfig>;
    const pairs = (group: DictGroup | undefined): Array<[string, string]> => [...Dictionary.fromGroup(group ?? []).entries()];
    const st = pairs(configs.s2t?.conversionChain[0]);
    const single = (entries: Array<[string, string]>): Array<[string, string]> => entries.filter(([from, to]) => from.length === 1 && to.length === 1);
    const chars = new Map(single(st));
    const phrases = st.filter(([from]) => from.length > 1);
    this.#forms = { forms: oneToMany(single(pairs(configs.t2s?.conversionChain[0])), chars, phrases), kept: keptChars(chars, phrases), classifiers: classifierForms(chars, phrases) };
    return this.#forms;
  }

  /** Whether the segmenter cuts `text[start, end)` as one word (see {@link fitsWords}). */
  #isWord(text: string): (start: number, end: number) => boolean {
    return (start, end) => this.#segmenterOf()?.cut(text.slice(start, end)).length === 1;
  }

  #segmenterOf(): Segmenter | undefined {
    if (this.#segmenter === null) this.#segmenter = loadJieba();
    return this.#segmenter;
  }

  /** Traditional and regional variant characters → Simplified (one UTF-16 unit each), for segmenting. */
  #simplified(): Map<string, string> {
    if (this.#simplifiedChars) return this.#simplifiedChars;
    const configs = this.#opencc.Locale.configs as Record<string, PresetConfig>;
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
    this.#simplifiedChars = chars;
    return chars;
  }

  #build(config: OpenccConfig): TextConverter {
    const preset = (this.#opencc.Locale.configs as Record<string, PresetConfig | undefined>)[config === 's2twt' ? 's2twp' : config];
    if (!preset) throw new Error(`opencc-js has no configuration \`${config}\``);
    const normalize = (preset.normalizationChain ?? []).map((group) => this.#trie(group));
    const locales = localesOf(config);
    const pairs = this.#glossary && locales ? glossaryPairs(this.#glossary, locales.from, locales.to) : [];
    if (!this.#wordAware) return this.#buildPlain(preset, normalize, pairs);
    const chain = preset.conversionChain.map((group) => this.#stage(group, undefined, config === 's2twt'));
    const segmentation = preset.segmentation === undefined ? chain[0]! : this.#stage(segmentationGroup(preset.segmentation), chain[0]);
    const glossary = new Dictionary();
    for (const [source, target] of pairs) glossary.add(source, target);
    return (text: string): string => {
      let normalized = text;
      for (const trie of normalize) normalized = trie.convert(normalized);
      const cuts = this.cuts(normalized);
      const isWord = this.#isWord(normalized);
      const parts: string[] = [];
      for (const segment of segmentWords(normalized, segmentation, glossary, cuts, isWord)) {
        if (segment.glossary !== undefined) {
          parts.push(segment.glossary);
          continue;
        }
        let result = normalized.slice(segment.start, segment.end);
        chain.forEach((stage, index) => {
          if (index === 0 && segment.converted) return;
          const sameLength = result.length === segment.end - segment.start;
          result = convertStage(stage, result, sameLength ? cuts : undefined, segment.start, sameLength ? { source: normalized, isWord } : undefined);
        });
        parts.push(result);
      }
      return parts.join('');
    };
  }

  /** opencc-js's algorithm, unchanged (greedy maximum match), with glossary terms competing. */
  #buildPlain(preset: PresetConfig, normalize: Trie[], pairs: Array<[string, string]>): TextConverter {
    const chain = preset.conversionChain.map((group) => this.#trie(group));
    let segmentation: Trie | undefined;
    if (preset.segmentation !== undefined) segmentation = this.#trie(segmentationGroup(preset.segmentation));
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
      for (const segment of segmentPlain(normalized, segmentation, glossary)) {
        parts.push(segment.glossary === undefined ? convertSegment(normalized.slice(segment.start, segment.end)) : segment.glossary);
      }
      return parts.join('');
    };
  }

  /**
   * A stage of a dictionary group, with tongwen's corrections for the
   * stages that hold OpenCC's STPhrases or TWPhrases (and the tech profile's
 * entries with `tech`). `convertedFrom` takes
   * the already-converted targets of another stage (the segmentation of a
   * chain uses those of its first stage).
   */
  #stage(group: DictGroup, convertedFrom?: Stage, tech = false): Stage {
    const key = `${this.#groupKey(group)}${tech ? '+tech' : ''}`;
    let stage = this.#stages.get(key);
    if (stage) return stage;
    const dictionary = Dictionary.fromGroup(group);
    const configs = this.#opencc.Locale.configs as Record<string, PresetConfig>;
    const stPhrases = configs.s2t?.conversionChain[0]?.[0];
    const twPhrases = configs.s2twp?.conversionChain[1]?.[0];
    if (stPhrases !== undefined && group.includes(stPhrases)) for (const [from, to] of simplifiedToTraditional) dictionary.add(from, to);
    if (twPhrases !== undefined && group.includes(twPhrases)) for (const [from, to] of [...taiwanPhrases, ...(tech ? taiwanTechPhrases : [])]) dictionary.add(from, to);
    let converted = convertedFrom?.converted;
    if (!converted) {
      converted = new Dictionary();
      for (const [from, to] of dictionary.entries()) if (to.length >= 2 && to !== from && !dictionary.has(to)) converted.add(to, to);
    }
    stage = { dictionary, converted, ...(twPhrases !== undefined && group.includes(twPhrases) ? { senses: true } : {}) };
    this.#stages.set(key, stage);
    return stage;
  }

  #groupKey(group: DictGroup): string {
    return group
      .map((dict: DictLike) => {
        let id = this.#dictIds.get(dict);
        if (id === undefined) {
          id = this.#dictIds.size;
          this.#dictIds.set(dict, id);
        }
        return id;
      })
      .join(',');
  }

  /** A trie of a dictionary group (earlier dictionaries win), shared within this instance. */
  #trie(group: DictGroup): Trie {
    const key = this.#groupKey(group);
    let trie = this.#tries.get(key);
    if (!trie) {
      trie = new this.#opencc.Trie();
      trie.loadDictGroup(group);
      this.#tries.set(key, trie);
    }
    return trie;
  }
}

function segmentationGroup(segmentation: DictLike | DictGroup): DictGroup {
  return Array.isArray(segmentation) && segmentation.every((dict: unknown) => typeof dict === 'string') ? (segmentation as DictGroup) : [segmentation as DictLike];
}

/**
 * One stage over a segment, word-aware: at each position the longest phrase
 * that fits the word boundaries (see {@link fitsWords}) is converted, unless
 * a longer stretch is already converted text (互不干擾 stays: 干擾 is what
 * 干扰 becomes), which is kept. `source` (the whole text, when `text` is
 * its slice at `offset`) gives the Taiwan phrase stage its sense cues, and
 * tells whether a phrase is one word of the segmenter.
 */
function convertStage(stage: Stage, text: string, cuts: Uint8Array | undefined, offset: number, whole?: { source: string; isWord: (start: number, end: number) => boolean }): string {
  const parts: string[] = [];
  const sensed = stage.senses === true && whole !== undefined;
  const fits = (start: number) => (end: number) => fitsWords(cuts, offset + start, offset + end, whole?.isWord) && (!sensed || senseAllows(whole.source, cuts, offset + start, offset + end));
  for (let i = 0; i < text.length; ) {
    const accept = fits(i);
    const phrase = stage.dictionary.longest(text, i, accept);
    const converted = stage.converted.longest(text, i, accept);
    if (converted && (!phrase || converted.end > phrase.end)) {
      parts.push(text.slice(i, converted.end));
      i = converted.end;
    } else if (phrase) {
      parts.push(phrase.value);
      i = phrase.end;
    } else {
      const end = i + unmatchedLength(text, i);
      parts.push(text.slice(i, end));
      i = end;
    }
  }
  return parts.join('');
}

/**
 * OpenCC's segmentation (dictionary phrases, and runs of unmatched
 * characters kept together), word-aware: a phrase that does not fit the
 * word boundaries is not a segment; already-converted text is a segment the
 * first stage leaves; glossary terms compete by longest match (winning a tie).
 */
function segmentWords(text: string, segmentation: Stage, glossary: Dictionary, cuts: Uint8Array | undefined, isWord: (start: number, end: number) => boolean): Segment[] {
  return segmentBy(text, (i) => {
    const accept = (end: number): boolean => fitsWords(cuts, i, end, isWord);
    const term = glossary.size > 0 ? glossary.longest(text, i) : undefined;
    const phrase = segmentation.dictionary.longest(text, i, accept);
    const converted = segmentation.converted.longest(text, i, accept);
    const best: Match | undefined = converted && (!phrase || converted.end > phrase.end) ? { end: converted.end, converted: true } : phrase ? { end: phrase.end } : undefined;
    return term && (!best || term.end >= best.end) ? { end: term.end, glossary: term.value } : best;
  });
}

/** What wins at a position of the segmentation: its end, and a glossary replacement or already-converted text. */
type Match = Omit<Segment, 'start'>;

/**
 * OpenCC's maximum-match loop: at each position the match `matchAt` finds
 * is a segment; runs of unmatched characters are kept together.
 */
function segmentBy(text: string, matchAt: (i: number) => Match | undefined): Segment[] {
  const segments: Segment[] = [];
  let runStart = -1;
  const flush = (end: number): void => {
    if (runStart >= 0) segments.push({ start: runStart, end });
    runStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const match = matchAt(i);
    if (match) {
      flush(i);
      segments.push({ start: i, ...match });
      i = match.end;
    } else {
      if (runStart < 0) runStart = i;
      i += unmatchedLength(text, i);
    }
  }
  flush(text.length);
  return segments;
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

/**
 * Maximum-match segmentation as OpenCC does it (dictionary phrases, and runs
 * of unmatched characters kept together), with glossary terms competing:
 * at each position the longer of the dictionary match and the glossary
 * match wins, the glossary on a tie.
 */
function segmentPlain(text: string, segmentation: Trie | undefined, glossary: Trie | undefined): Segment[] {
  return segmentBy(text, (i) => {
    const term = glossary?.matchPrefix(text, i) ?? null;
    const phrase = segmentation?.matchPrefix(text, i) ?? null;
    if (term && (!phrase || term.end >= phrase.end)) return { end: term.end, glossary: term.value };
    return phrase ? { end: phrase.end } : undefined;
  });
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
