import { Boundaries } from './boundaries.js';
import { OpenccSource, readCompiled, type ConfigPlan, type DictionarySource } from './compiled.js';
import { Dictionary } from './dictionary.js';
import { glossaryPairs, type Glossary } from './glossary.js';
import { packageRequire } from './node.js';
import { hasDocumentMode, localesOf, type OpenccConfig } from './profiles.js';
import { phraseBoundaries, phraseWords, scriptCounts, type ScriptTables } from './script.js';
import { compoundSplit, fitsWords, loadJieba, withNativeTags, wordCuts, type Segmenter } from './segmenter.js';
import { classifierForms, keptChars, oneToMany, reviewConversion, type ReviewItem } from './review.js';
import { characterSenses, senseAllows, senseWordAt, senses, type Sense } from './senses.js';
import { PhraseTable, tableArrays } from './table.js';

/** Converts plain text (no Markdown awareness). */
export interface TextConverter {
  (text: string): string;
  /**
   * Phrase configurations (s2twp, s2twt, s2hkp): the converter for the
   * pieces of one document whose prose is `prose`: where the document is
   * already in the target script, a piece with no script of its own (文件
   * alone) is taken as converted too (see `script.ts`).
   */
  forDocument?: (prose: string) => TextConverter;
}

type OpenCCModule = typeof import('opencc-js');

/** One preset configuration of opencc-js (its typings leave out `normalizationChain`). */
interface PresetConfig {
  normalizationChain?: readonly import('opencc-js').DictGroup[];
  segmentation?: import('opencc-js').DictLike | import('opencc-js').DictGroup;
  conversionChain: readonly import('opencc-js').DictGroup[];
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
  /**
   * Where the word-aware converters' dictionaries come from: `compiled`
   * (default) reads the file the package's build compiled from opencc-js
   * and tongwen's tables (each table read when first used), falling back to `opencc-js` where
   * the file is absent; `opencc-js` builds the same tables from opencc-js
   * (the reference of the differential test); a URL reads that compiled
   * file (and throws if it is absent).
   */
  dictionaries?: 'compiled' | 'opencc-js' | URL;
  /**
   * Take the longest phrase without asking the segmenter wherever the
   * choice cannot change the output (default `true`, see
   * `trustedPositions`); `false` asks it for every phrase (the reference
   * of the differential test). The output is the same either way.
   */
  shortcuts?: boolean;
}

/** One stage of a conversion chain, its tables resolved. */
interface Stage {
  dictionary: PhraseTable;
  /** Targets (of two characters or more) that are no source phrase: text already converted, kept as it is. */
  converted: PhraseTable;
  /** The Taiwan phrase stage: its phrases follow the sense cues of `senses.ts`. */
  senses: boolean;
  /** The code units no phrase of the stage starts with (see {@link quietUnits}). */
  quiet: Uint8Array;
}

/** What wins at a position of the segmentation. */
const enum Kind {
  /** A run of characters no phrase matches. */
  Plain,
  /** A phrase of the segmentation. */
  Phrase,
  /** Text already in the first stage's target script: the first stage leaves it. */
  Converted,
  /** A glossary term. */
  Term,
}

/** Whether a phrase may be used at `[start, end)` of the text being converted. */
type Accept = (start: number, end: number) => boolean;

/**
 * The converters of one run, built lazily: the tables are read the first
 * time a configuration is asked for and shared between the configurations
 * of this instance only (no module-level cache). Create one per run (or per
 * worker) with {@link createConverters}.
 */
export class Converters {
  readonly #loadOpencc: () => OpenCCModule;
  #openccModule: OpenCCModule | undefined;
  readonly #glossary: Glossary | undefined;
  readonly #wordAware: boolean;
  readonly #dictionaries: 'compiled' | 'opencc-js' | URL;
  readonly #shortcuts: boolean;
  #source: DictionarySource | undefined;
  #segmenter: Segmenter | undefined | null;
  #forms: { forms: Map<string, string[]>; kept: Set<string>; classifiers: Set<string> } | undefined;
  readonly #converters = new Map<OpenccConfig, TextConverter>();
  readonly #splits = new Map<string, number>();
  readonly #words = new Map<string, boolean>();

  /** Prefer {@link createConverters}, which loads opencc-js only where a configuration needs it. */
  constructor(opencc: OpenCCModule | (() => OpenCCModule), options: ConvertersOptions = {}) {
    this.#loadOpencc = typeof opencc === 'function' ? opencc : () => opencc;
    this.#glossary = options.glossary;
    this.#wordAware = options.segmentation !== false;
    this.#dictionaries = options.dictionaries ?? 'compiled';
    this.#shortcuts = options.shortcuts !== false;
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
    const chars = this.#source_().simplified();
    let simplified = '';
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      simplified += chars[unit] ? String.fromCharCode(chars[unit]!) : text[i]!;
    }
    return wordCuts(segmenter, simplified);
  }

  /**
   * The review list of converting `text` (Simplified) with `config`: the
   * places a human should look at (see `review.ts`), offsets in `text`.
   */
  review(config: OpenccConfig, text: string): ReviewItem[] {
    if (!config.startsWith('s2')) return [];
    const first = this.#source_().plan(config).chain[0];
    if (!first) return [];
    const phrased = hasDocumentMode(config);
    return reviewConversion(text, {
      ...this.#oneToMany(),
      phrases: this.#source_().table(first.dictionary),
      cuts: this.cuts(text),
      convert: this.get(config),
      ...(phrased ? { base: this.get('s2tw') } : {}),
      ...(this.#segmenterOf()?.tag ? { tags: this.#segmenterOf()!.tag!(text), isWord: this.#isWord(text) } : {}),
    });
  }

  #opencc(): OpenCCModule {
    this.#openccModule ??= this.#loadOpencc();
    return this.#openccModule;
  }

  #source_(): DictionarySource {
    if (this.#source) return this.#source;
    if (this.#dictionaries instanceof URL) {
      this.#source = readCompiled(this.#dictionaries);
      if (!this.#source) throw new Error(`Unexpected missing file \`${this.#dictionaries.href}\`, expected compiled dictionaries`);
    } else this.#source = (this.#dictionaries === 'compiled' ? readCompiled() : undefined) ?? new OpenccSource(this.#opencc());
    return this.#source;
  }

  #oneToMany(): { forms: Map<string, string[]>; kept: Set<string>; classifiers: Set<string> } {
    if (this.#forms) return this.#forms;
    const configs = this.#opencc().Locale.configs as Record<string, PresetConfig>;
    const pairs = (group: import('opencc-js').DictGroup | undefined): Array<[string, string]> => [...Dictionary.fromGroup(group ?? []).entries()];
    const st = pairs(configs.s2t?.conversionChain[0]);
    const single = (entries: Array<[string, string]>): Array<[string, string]> => entries.filter(([from, to]) => from.length === 1 && to.length === 1);
    const chars = new Map(single(st));
    const phrases = st.filter(([from]) => from.length > 1);
    this.#forms = { forms: oneToMany(single(pairs(configs.t2s?.conversionChain[0])), chars, phrases), kept: keptChars(chars, phrases), classifiers: classifierForms(chars, phrases) };
    return this.#forms;
  }

  /** Whether the segmenter cuts `text[start, end)` as one word (see {@link fitsWords}). */
  #isWord(text: string): (start: number, end: number) => boolean {
    return (start, end) => {
      const word = text.slice(start, end);
      let one = this.#words.get(word);
      if (one === undefined) {
        one = this.#segmenterOf()?.cut(word).length === 1;
        this.#words.set(word, one);
      }
      return one;
    };
  }

  /** Where a word of the segmenter splits into two words (see {@link compoundSplit}), once per word. */
  #split(word: string): number {
    if (word.length < 4) return 0;
    let split = this.#splits.get(word);
    if (split === undefined) {
      const segmenter = this.#segmenterOf();
      split = segmenter ? compoundSplit(segmenter, word) : 0;
      this.#splits.set(word, split);
    }
    return split;
  }

  #segmenterOf(): Segmenter | undefined {
    if (this.#segmenter === null) {
      // jieba's cut in JavaScript over the compiled dictionary; the native jieba where the source has none (the opencc-js reference).
      const cutter = this.#source_().segmenter?.();
      this.#segmenter = cutter ? withNativeTags(cutter) : loadJieba();
    }
    return this.#segmenter;
  }

  #build(config: OpenccConfig): TextConverter {
    const locales = localesOf(config);
    const pairs = this.#glossary && locales ? glossaryPairs(this.#glossary, locales.from, locales.to) : [];
    if (this.#wordAware) return this.#idempotent(config, this.#buildWordAware(this.#source_(), this.#source_().plan(config), pairs), pairs);
    return buildPlain(this.#source_(), this.#source_().plan(config === 's2twt' ? 's2twp' : config), pairs);
  }

  /**
   * The converter of a configuration with a Taiwan phrase stage (s2twp,
   * s2twt), such that converting converted text changes nothing (see
   * `script.ts`): text already in the target script goes through the same
   * chain with every value that stage writes kept as it is, so the stage
   * cannot change it again (文件 stays, not 檔案) and the character stages
   * keep what it wrote (the tech profile's 平台); its keys are localised
   * (數據庫 → 資料庫, as OpenCC does), its words cut on the Simplified form
   * the stage read (網路 as 网络). A document wholly in the target script
   * (no Simplified-only character in its prose: a Taiwan edition) keeps the
   * stage's keys too: its words are its author's (連接埠 is no 連線埠).
   */
  #idempotent(config: OpenccConfig, converter: TextConverter, pairs: Array<[string, string]>): TextConverter {
    const source = this.#source_();
    const plan = source.plan(config);
    if (!hasDocumentMode(config)) return converter;
    const phraseStages = plan.chain.filter((stage) => stage.senses);
    let tables: ScriptTables | undefined;
    // Built once, on the first piece (every piece asks for them).
    const tablesOf = (): ScriptTables => (tables ??= source.scriptTables(config));
    // Built once each, on the first piece that needs it (`simplified()` reads the compiled file).
    let written: TextConverter | undefined;
    let localised: TextConverter | undefined;
    const phraseTables = (): PhraseTable[] => phraseStages.map((stage) => source.table(stage.dictionary));
    // A document wholly in the target script: every word of the phrase stage kept (its author's words).
    const writtenOf = (): TextConverter => (written ??= this.#buildWordAware(source, plan, [...pairs, ...phraseWords(phraseTables(), 'keys')]));
    // Other converted text: the stage's values kept, its keys localised where the first pass would have taken them.
    const localisedOf = (): TextConverter => {
      if (localised) return localised;
      const tables = phraseTables();
      const simplified = source.simplified();
      const context = { segmenter: () => this.#segmenterOf(), simplified, split: (word: string) => this.#split(word) };
      localised = this.#buildWordAware(source, plan, [...pairs, ...phraseWords(tables, 'values')], phraseBoundaries(tables, simplified, (text, form) => new Boundaries(text, context, form)));
      return localised;
    };
    const pieceWise = (documentConverted: boolean, convertedOf: () => TextConverter): TextConverter => (text) => {
      const { traditional, simplified } = scriptCounts(text, tablesOf());
      return traditional > simplified || (traditional === simplified && documentConverted) ? convertedOf()(text) : converter(text);
    };
    const own = pieceWise(false, localisedOf);
    const inConverted = pieceWise(true, localisedOf);
    const inWritten = pieceWise(true, writtenOf);
    own.forDocument = (prose) => {
      const { traditional, simplified } = scriptCounts(prose, tablesOf());
      if (traditional <= simplified) return own;
      return simplified > 0 ? inConverted : inWritten;
    };
    return own;
  }

  /** `cut`: a text's word boundaries, on the Simplified form they and the sense cues read (default: cut code unit by code unit, `new Boundaries`). */
  #buildWordAware(source: DictionarySource, plan: ConfigPlan, pairs: Array<[string, string]>, cut?: (text: string) => Boundaries): TextConverter {
    const normalize = plan.normalize.map((id) => source.table(id));
    const stages = new Map<string, Stage>();
    const stage = (ids: ConfigPlan['chain'][number]): Stage => {
      const key = `${ids.dictionary}/${ids.converted}/${ids.senses}`;
      let built = stages.get(key);
      if (!built) {
        const dictionary = source.table(ids.dictionary);
        const converted = source.table(ids.converted);
        built = { dictionary, converted, senses: ids.senses, quiet: quietUnits([dictionary, converted]) };
        stages.set(key, built);
      }
      return built;
    };
    const chain = plan.chain.map(stage);
    const segmentation = stage(plan.segmentation);
    const glossary = glossaryTable(pairs);
    const quiet = glossary ? quietUnits([segmentation.dictionary, segmentation.converted, glossary]) : segmentation.quiet;
    // The first stage converts a phrase of the segmentation to its own value when its table holds the segmentation's phrases with the same values.
    const firstHoldsSegmentation = plan.chain[0] !== undefined && !plan.chain[0].senses && plan.segmentationHeld;
    const segmentationIsFirst = plan.chain[0] !== undefined && plan.chain[0].dictionary === plan.segmentation.dictionary && plan.chain[0].converted === plan.segmentation.converted && !plan.chain[0].senses;
    const split = (word: string): number => this.#split(word);
    // The Simplified forms are read when a text is first cut into words (a text whose phrases all fit needs none).
    const context = { segmenter: () => this.#segmenterOf(), get simplified() { return source.simplified(); }, split };
    // Islands whose choices cannot change the output need no word boundaries (see trustedPositions). Not with a later
    // stage (s2tw, s2twp, s2hk…): the trust scan and the later stage's scan of every text cost more than the word
    // boundaries they spare (CPU per conversion of docker_practice-2026, s2twp: ~95 ms without, ~120–160 ms with).
    const shortcuts = this.#shortcuts && firstHoldsSegmentation && glossary === undefined && chain.length === 1;
    const wordAware = this.#segmenter !== undefined;
    // The trust scan's matches, reused by the segmentation where its tables are the first stage's (one stage: s2t, t2s); grown as needed.
    let memo: ScanMemo | undefined;
    const memoFor = (length: number): ScanMemo | undefined => {
      if (segmentation !== chain[0]) return undefined;
      if (!memo || memo.ends.length < length) memo = { ends: new Int32Array(length), values: new Int32Array(length), convertedEnds: new Int32Array(length) };
      return memo;
    };
    return (text: string): string => {
      let normalized = text;
      for (const table of normalize) normalized = table.convert(normalized, unmatchedLength);
      const run = (boundaries: Boundaries | undefined, trusted?: Uint8Array, scans?: ScanMemo): string =>
        convertText(normalized, { segmentation, chain, glossary, quiet, firstHoldsSegmentation, segmentationIsFirst, boundaries, trusted, scans, isWord: this.#isWord(normalized) });
      if (!wordAware) return run(undefined);
      const boundaries = cut ? cut(normalized) : new Boundaries(normalized, context);
      if (shortcuts) {
        const scans = memoFor(normalized.length);
        const converted = run(boundaries, trustedPositions(normalized, chain[0]!, scans), scans);
        return boundaries.failed ? run(undefined) : converted;
      }
      const converted = run(boundaries);
      // The segmenter's words did not add up (or it could not be loaded): no word boundaries, as OpenCC.
      return boundaries.failed ? run(undefined) : converted;
    };
  }
}

/** The glossary's terms as a table (a term given twice: the later target), or `undefined` without terms. */
function glossaryTable(pairs: ReadonlyArray<[string, string]>): PhraseTable | undefined {
  if (pairs.length === 0) return undefined;
  const dictionary = new Dictionary();
  for (const [from, to] of pairs) dictionary.add(from, to);
  return new PhraseTable(tableArrays(dictionary.entries()));
}

/**
 * opencc-js's algorithm, unchanged (greedy maximum match), over opencc-js's
 * own tables (`ConfigPlan.plain`), with glossary terms competing.
 */
function buildPlain(source: DictionarySource, plan: ConfigPlan, pairs: ReadonlyArray<[string, string]>): TextConverter {
  const normalize = plan.normalize.map((id) => source.table(id));
  const chain = plan.plain.chain.map((id) => source.table(id));
  let segmentation = plan.plain.segmentation === undefined ? undefined : source.table(plan.plain.segmentation);
  const glossary = glossaryTable(pairs);
  // Single-stage configurations have no segmentation in OpenCC; segmenting with their only table gives the same output and lets terms compete.
  if (glossary) segmentation ??= chain.length === 1 ? chain[0] : undefined;
  const convertSegment = (segment: string): string => {
    let result = segment;
    for (const table of chain) result = table.convert(result, unmatchedLength);
    return result;
  };
  return (text: string): string => {
    let normalized = text;
    for (const table of normalize) normalized = table.convert(normalized, unmatchedLength);
    if (!segmentation && !glossary) return convertSegment(normalized);
    const parts: string[] = [];
    for (const segment of segmentPlain(normalized, segmentation, glossary)) {
      parts.push(segment.glossary === undefined ? convertSegment(normalized.slice(segment.start, segment.end)) : segment.glossary);
    }
    return parts.join('');
  };
}

/** What {@link convertText} converts with. */
interface TextPlan {
  segmentation: Stage;
  chain: Stage[];
  glossary: PhraseTable | undefined;
  /** The code units no phrase of the segmentation or the glossary starts with (see {@link quietUnits}). */
  quiet: Uint8Array;
  /** The first stage gives a segmentation phrase its own value (`ConfigPlan.segmentationHeld`). */
  firstHoldsSegmentation: boolean;
  /** The segmentation is the first stage (the same tables). */
  segmentationIsFirst: boolean;
  boundaries: Boundaries | undefined;
  /** Positions whose phrase choices of the segmentation and the first stage need no word boundaries (see {@link trustedPositions}). */
  trusted?: Uint8Array | undefined;
  /** The trust scan's matches (of every position no quiet unit starts), where the segmentation is the first stage. */
  scans?: ScanMemo | undefined;
  isWord: (start: number, end: number) => boolean;
}

/** The longest matches of the first stage's tables at each position the trust scan walked (see {@link trustedPositions}). */
interface ScanMemo {
  /** End of the longest phrase (-1: none). */
  ends: Int32Array;
  /** Its value index. */
  values: Int32Array;
  /** End of the longest already-converted target (-1: none). */
  convertedEnds: Int32Array;
}

/**
 * The positions of `text` where the segmentation and the first stage may
 * take the longest phrase without asking the word boundaries, because every
 * choice gives the same output there. The text falls into islands: stretches
 * that no phrase crosses (a phrase starting in one ends in it). Within an
 * island whose phrases are all plain (each converts as its characters do one
 * by one: see `TableArrays.plain`), every choice of phrases gives the first
 * stage's character conversion of the island, and leaves the island at its
 * end. Only for a plan of one stage whose table holds the segmentation's
 * phrases (`firstHoldsSegmentation`): with a later stage the segments, which
 * bound its phrases, may differ with the choices, and proving that they do
 * not cost more than the word boundaries it spared.
 */
function trustedPositions(text: string, first: Stage, scans?: ScanMemo): Uint8Array {
  const quiet = first.quiet;
  const trusted = new Uint8Array(text.length);
  let start = 0;
  let reach = 0;
  let unsafe = false;
  let decision = false;
  const close = (end: number): void => {
    if (decision && !unsafe) trusted.fill(1, start, end);
    start = end;
    unsafe = false;
    decision = false;
  };
  for (let p = 0; p < text.length; p++) {
    if (p === reach && p > start) close(p);
    if (quiet[text.charCodeAt(p)] === 1) {
      // No phrase starts here: a character on its own.
      if (p + 1 > reach) reach = p + 1;
      continue;
    }
    const phraseEnd = first.dictionary.scan(text, p);
    unsafe ||= first.dictionary.scanRisky;
    const convertedEnd = first.converted.scan(text, p);
    unsafe ||= first.converted.scanRisky;
    if (scans) {
      scans.ends[p] = phraseEnd;
      scans.values[p] = first.dictionary.scanValue;
      scans.convertedEnds[p] = convertedEnd;
    }
    const end = Math.max(phraseEnd, convertedEnd, p + 1);
    if (end - p >= 2) decision = true;
    if (end > reach) reach = end;
  }
  close(text.length);
  return trusted;
}

/**
 * OpenCC's segmentation (dictionary phrases, and runs of unmatched
 * characters kept together), word-aware: a phrase that does not fit the
 * word boundaries is not a segment; already-converted text is a segment the
 * first stage leaves; glossary terms compete by longest match (winning a
 * tie). Each segment then goes through the chain (see {@link convertStage}).
 */
function convertText(text: string, plan: TextPlan): string {
  const { segmentation, chain, glossary, boundaries, isWord, trusted, scans } = plan;
  const fits: Accept = (start, end) => boundaries === undefined || !boundaries.ensure(start, end) || fitsWords(boundaries.cuts, start, end, isWord);
  // A word of the character stage with two senses: its phrase only where no cue marks the other sense (senses.ts).
  const check: Accept = (start, end) => fits(start, end) && (!senseWordAt(text, start, end, characterSenses) || senseAllowsAt(text, boundaries, start, end, characterSenses));
  // The segmentation and the first stage skip the word boundaries in trusted islands; later stages always ask.
  const accept: Accept = trusted === undefined ? check : (start, end) => trusted[start] === 1 || check(start, end);
  const out: string[] = [];
  // One stage whose table is the segmentation's: a phrase converts to its value and a run no phrase matches stays as it is.
  const single = chain.length === 1 && plan.segmentationIsFirst;
  const emit = (start: number, end: number, kind: Kind, value: string): void => {
    if (kind === Kind.Term || (single && kind === Kind.Phrase)) {
      out.push(value);
      return;
    }
    let result = text.slice(start, end);
    if (single) {
      out.push(result);
      return;
    }
    for (let index = 0; index < chain.length; index++) {
      if (index === 0 && kind === Kind.Converted) continue;
      if (index === 0 && kind === Kind.Phrase) {
        // The first stage's longest phrase within the segment is the whole segment wherever its table has that phrase:
        // the segmentation found it fitting through the same `accept` (a stage with sense cues asks more), and nothing longer fits in the segment.
        const own = plan.firstHoldsSegmentation ? value : chain[0]!.senses ? undefined : chain[0]!.dictionary.valueAt(text, start, end);
        if (own !== undefined) {
          result = own;
          continue;
        }
      }
      const sameLength = result.length === end - start;
      result = convertStage(chain[index]!, result, sameLength ? start : -1, text, index === 0 ? accept : check, boundaries);
    }
    out.push(result);
  };
  const quiet = plan.quiet;
  const length = text.length;
  let run = -1;
  for (let i = 0; i < length; ) {
    if (quiet[text.charCodeAt(i)] === 1) {
      // A run of characters no phrase or term starts with (most of a Markdown text): part of an unmatched run.
      if (run < 0) run = i;
      i++;
      while (i < length && quiet[text.charCodeAt(i)] === 1) i++;
      continue;
    }
    const termEnd = glossary ? glossary.longest(text, i) : -1;
    // Where the trust scan found that every phrase here fits, or that none has two units (nothing to ask), its longest matches are the answer.
    const scanned = scans !== undefined && (trusted![i] === 1 || (scans.ends[i]! <= i + 1 && scans.convertedEnds[i]! <= i + 1));
    const phraseEnd = scanned ? scans.ends[i]! : segmentation.dictionary.longest(text, i, accept);
    const phraseValue = phraseEnd < 0 ? '' : scanned ? segmentation.dictionary.valueOf(scans.values[i]!) : segmentation.dictionary.lastValue;
    const convertedEnd = scanned ? scans.convertedEnds[i]! : segmentation.converted.longest(text, i, accept);
    let end = convertedEnd > phraseEnd ? convertedEnd : phraseEnd;
    let kind = convertedEnd > phraseEnd ? Kind.Converted : Kind.Phrase;
    if (termEnd >= 0 && termEnd >= end) {
      end = termEnd;
      kind = Kind.Term;
    }
    if (end < 0) {
      if (run < 0) run = i;
      i += unmatchedLength(text, i);
      continue;
    }
    if (single && (kind === Kind.Converted || (kind === Kind.Phrase && phraseValue.length === end - i && text.startsWith(phraseValue, i)))) {
      // One stage: what stays as it is (a character its own value, converted text) joins the run copied as it is.
      if (run < 0) run = i;
      i = end;
      continue;
    }
    if (run >= 0) emit(run, i, Kind.Plain, '');
    run = -1;
    emit(i, end, kind, kind === Kind.Term ? glossary!.lastValue : phraseValue);
    i = end;
  }
  if (run >= 0) emit(run, text.length, Kind.Plain, '');
  return out.join('');
}

/**
 * One stage over a segment, word-aware: at each position the longest phrase
 * that fits the word boundaries (see {@link fitsWords}) is converted, unless
 * a longer stretch is already converted text (互不干擾 stays: 干擾 is what
 * 干扰 becomes), which is kept. `offset` is where `text` sits in `source`
 * (-1 when a previous stage changed its length): the word boundaries and
 * the Taiwan phrase stage's sense cues apply only then.
 */
function convertStage(stage: Stage, text: string, offset: number, source: string, accept: Accept, boundaries: Boundaries | undefined): string {
  const quiet = stage.quiet;
  const length = text.length;
  let i = 0;
  while (i < length && quiet[text.charCodeAt(i)] === 1) i++;
  // No phrase of the stage starts anywhere in the segment: it stays.
  if (i === length) return text;
  const fits: Accept | undefined =
    offset < 0
      ? undefined
      : stage.senses
        ? (start, end) => accept(offset + start, offset + end) && senseAllowsAt(source, boundaries, offset + start, offset + end)
        : (start, end) => accept(offset + start, offset + end);
  // Unchanged stretches are copied once, when a change follows them (most characters of a later stage stay).
  const parts: string[] = [];
  let copied = 0;
  while (i < length) {
    if (quiet[text.charCodeAt(i)] === 1) {
      i++;
      continue;
    }
    const phraseEnd = stage.dictionary.longest(text, i, fits);
    const convertedEnd = stage.converted.longest(text, i, fits);
    if (convertedEnd >= 0 && convertedEnd > phraseEnd) {
      i = convertedEnd;
    } else if (phraseEnd >= 0) {
      const value = stage.dictionary.lastValue;
      if (value.length !== phraseEnd - i || !text.startsWith(value, i)) {
        if (copied < i) parts.push(text.slice(copied, i));
        parts.push(value);
        copied = phraseEnd;
      }
      i = phraseEnd;
    } else {
      i += unmatchedLength(text, i);
    }
  }
  if (copied === 0) return text;
  if (copied < text.length) parts.push(text.slice(copied));
  return parts.join('');
}

/** {@link senseAllows} with the word boundaries its context reads (the words beside the phrase) cut. */
function senseAllowsAt(source: string, boundaries: Boundaries | undefined, start: number, end: number, table: readonly Sense[] = senses): boolean {
  // No word of the senses here: nothing to cut for its cues (with boundaries, the cues are read on the Simplified form, where its words are).
  if (boundaries !== undefined) {
    const stretch = boundaries.simplifiedStretch(start, end);
    if (!senseWordAt(stretch.text, start - stretch.shift, end - stretch.shift, table)) return true;
  }
  if (boundaries === undefined || !boundaries.ensure(start - 3, end + 2)) return senseAllows(source, undefined, start, end, table);
  // The cues are Simplified words: read on the Simplified form (訴訟程序 of a converted text keeps its cue).
  return senseAllows(boundaries.simplifiedText, boundaries.cuts, start, end, table);
}

/** What wins at a position of the plain segmentation: its end, and a glossary replacement. */
interface Segment {
  start: number;
  end: number;
  glossary?: string;
}

/**
 * OpenCC's maximum-match loop: at each position the match `matchAt` finds
 * is a segment; runs of unmatched characters are kept together.
 */
function segmentBy(text: string, matchAt: (i: number) => Omit<Segment, 'start'> | undefined): Segment[] {
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
 * opencc-js is loaded with `require` where it is needed (see {@link createConverters}).
 */
export function createConvertersSync(options: ConvertersOptions = {}): Converters {
  return new Converters(() => packageRequire()('opencc-js') as OpenCCModule, options);
}

/**
 * Create the converters of one run. Every converter reads the compiled
 * dictionaries; opencc-js is loaded only for the review list's one-to-many
 * forms, with `dictionaries: 'opencc-js'`, or running from the sources.
 */
export async function createConverters(options: ConvertersOptions = {}): Promise<Converters> {
  return createConvertersSync(options);
}

/**
 * Maximum-match segmentation as OpenCC does it (dictionary phrases, and runs
 * of unmatched characters kept together), with glossary terms competing:
 * at each position the longer of the dictionary match and the glossary
 * match wins, the glossary on a tie.
 */
function segmentPlain(text: string, segmentation: PhraseTable | undefined, glossary: PhraseTable | undefined): Segment[] {
  return segmentBy(text, (i) => {
    const termEnd = glossary ? glossary.longest(text, i) : -1;
    const phraseEnd = segmentation ? segmentation.longest(text, i) : -1;
    if (termEnd >= 0 && termEnd >= phraseEnd) return { end: termEnd, glossary: glossary!.lastValue };
    return phraseEnd >= 0 ? { end: phraseEnd } : undefined;
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

/**
 * 1 for each code unit that no phrase of `tables` starts with and that is an
 * unmatched character of one code unit (see {@link unmatchedLength}): a
 * position a walk passes over without looking at the tables.
 */
function quietUnits(tables: readonly PhraseTable[]): Uint8Array {
  const quiet = new Uint8Array(0x10000).fill(1);
  quiet.fill(0, 0x2ff0, 0x3000);
  quiet.fill(0, 0xd800, 0xe000);
  for (const table of tables) {
    const units = table.firstUnits;
    for (let k = 0; k < units.length; k++) quiet[units[k]!] = 0;
  }
  return quiet;
}

/** How far an unmatched character reaches: one code point, or a whole ideographic description sequence. */
function unmatchedLength(text: string, i: number): number {
  // Neither an ideographic description character nor a surrogate: one code unit.
  const unit = text.charCodeAt(i);
  if (unit < 0x2ff0 || (unit >= 0x3000 && unit < 0xd800) || unit >= 0xe000) return 1;
  const end = idsEnd(text, i);
  return end > i ? end - i : codePointLength(text, i);
}
