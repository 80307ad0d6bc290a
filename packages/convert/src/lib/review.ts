/**
 * The review list of a conversion (`tongwen convert --review`, the
 * `zh-conversion-review` rule): what a human should look at.
 *
 * - `ambiguous`: a Simplified character with several Traditional forms in
 *   real use (干 → 幹/乾, 发 → 發/髮, 面 → 面/麵) converted without evidence:
 *   no dictionary phrase covers it and the segmenter sees it as a content
 *   word of its own (a function word takes its default form; so does a
 *   character before a Latin word, its object: 发 PR). A classifier form
 *   (齣) is an alternative only after a numeral or a demonstrative. (Inside
 *   a known word of two characters or more, the dictionary lists the word
 *   when it needs another form, so its default is evidence.)
 * - `sense`: a Taiwan phrase substitution of a word with several senses
 *   (程序 → 程式, 项目 → 專案) applied with no cue either way (see `senses.ts`)
 *   and no Latin word beside it (支持 Docker is the software sense).
 * - `name`: a person's name (jieba's `nr`) whose characters the conversion
 *   changed (范 → 範, 余 → 餘 as surnames stay 范, 余).
 */
import type { Dictionary } from './dictionary.js';
import { fitsWords } from './segmenter.js';
import { senseAllows, senses, type Sense } from './senses.js';

/** One place of a conversion that a human should look at. */
export interface ReviewItem {
  kind: 'ambiguous' | 'sense' | 'name';
  /** 0-based UTF-16 offsets in the text that was converted. */
  start: number;
  end: number;
  /** The source text of the place. */
  text: string;
  /** What the conversion wrote. */
  chosen: string;
  /** The other forms a human may mean, best known first. */
  alternatives: string[];
}

/** A word with its part of speech, as jieba tags it (`nr`: a person's name). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** What {@link reviewConversion} needs to know about one configuration. */
export interface ReviewContext {
  /** Simplified characters with several Traditional forms: default first (see {@link oneToMany}). */
  forms: ReadonlyMap<string, readonly string[]>;
  /** Simplified characters that some phrase keeps as they are although their default changes them (范 in 范仲淹): a name may keep them. */
  kept: ReadonlySet<string>;
  /** Classifier forms (see {@link classifierForms}): `出齣` — an alternative only after a numeral or a demonstrative. */
  classifiers?: ReadonlySet<string>;
  /** The first stage's dictionary (phrases are evidence). */
  phrases: Pick<Dictionary, 'matches'>;
  /** Word boundaries of the text (see `wordCuts`), when a segmenter is loaded. */
  cuts: Uint8Array | undefined;
  /** Converts a piece of text as the conversion under review does. */
  convert: (text: string) => string;
  /** The conversion without its Taiwan phrase stage (s2tw), when the configuration has one (s2twp, s2twt): its sense words are reviewed. */
  base?: (text: string) => string;
  /** Person names, when a tagger is loaded. */
  tags?: readonly TaggedWord[];
  /** Whether the segmenter takes `text[start, end)` as one word, when one is loaded. */
  isWord?: (start: number, end: number) => boolean;
  /** Sense table (default {@link senses}). */
  senses?: readonly Sense[];
}

/** Longest phrase of OpenCC's dictionaries, in UTF-16 units (a phrase covering a position starts at most this far before it). */
const longestPhrase = 16;

/**
 * Simplified characters with several Traditional forms in real use: the
 * characters that Traditional → Simplified maps together (發, 髮 → 发),
 * kept when the phrase dictionary uses the other form in at least
 * `minPhrases` phrases (so rare variants are not alternatives).
 */
export function oneToMany(charsTs: ReadonlyArray<readonly [string, string]>, charsSt: ReadonlyMap<string, string>, phrasesSt: Iterable<readonly [string, string]>, minPhrases = 3): Map<string, string[]> {
  const used = new Map<string, number>();
  for (const [from, to] of phrasesSt) {
    const a = [...from];
    const b = [...to];
    if (a.length !== b.length) continue;
    a.forEach((char, k) => {
      if (b[k] !== (charsSt.get(char) ?? char)) used.set(char + b[k], (used.get(char + b[k]) ?? 0) + 1);
    });
  }
  const forms = new Map<string, string[]>();
  const candidates = new Map<string, Set<string>>();
  for (const [traditional, simplified] of charsTs) {
    if (!candidates.has(simplified)) candidates.set(simplified, new Set([simplified]));
    candidates.get(simplified)!.add(traditional);
  }
  for (const [simplified, set] of candidates) {
    const chosen = charsSt.get(simplified) ?? simplified;
    const others = [...set].filter((form) => form !== chosen && (used.get(simplified + form) ?? 0) >= minPhrases);
    if (others.length > 0) forms.set(simplified, [chosen, ...others]);
  }
  return forms;
}

/** Numerals and demonstratives: what comes right before a classifier (一齣, 這齣, 第三齣, 幾齣). */
const countWords = new Set([...'一二两三四五六七八九十百千万几哪这那每某第整半数0123456789']);

/**
 * The forms of one-to-many characters that are classifiers: in the phrase
 * dictionary, at least `share` of the phrases that use the form (and at
 * least three) put a numeral or a demonstrative right before it (一出戏 →
 * 一齣戲, 这出剧 → 這齣劇). Keys are the Simplified character followed by
 * the form (`出齣`). Such a form is no alternative elsewhere (打印出, 列出).
 */
export function classifierForms(charsSt: ReadonlyMap<string, string>, phrasesSt: Iterable<readonly [string, string]>, share = 2 / 3): Set<string> {
  const total = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const [from, to] of phrasesSt) {
    if (from.length !== to.length) continue;
    for (let k = 0; k < from.length; k++) {
      if (to[k] === (charsSt.get(from[k]!) ?? from[k])) continue;
      const key = from[k]! + to[k]!;
      total.set(key, (total.get(key) ?? 0) + 1);
      if (k > 0 && countWords.has(from[k - 1]!)) counted.set(key, (counted.get(key) ?? 0) + 1);
    }
  }
  return new Set([...total].filter(([key, n]) => n >= 3 && (counted.get(key) ?? 0) >= share * n).map(([key]) => key));
}

/** Simplified characters that a phrase of the dictionary keeps as they are although the character default changes them (范, 余, 于). */
export function keptChars(charsSt: ReadonlyMap<string, string>, phrasesSt: Iterable<readonly [string, string]>): Set<string> {
  const kept = new Set<string>();
  for (const [from, to] of phrasesSt) {
    if (from.length !== to.length) continue;
    for (let k = 0; k < from.length; k++) if (from[k] === to[k] && (charsSt.get(from[k]!) ?? from[k]) !== from[k]) kept.add(from[k]!);
  }
  return kept;
}

/** The review list of converting `text` (offsets in `text`). */
export function reviewConversion(text: string, context: ReviewContext): ReviewItem[] {
  const items = [...ambiguousItems(text, context), ...senseItems(text, context), ...nameItems(text, context)];
  return items.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * jieba's tags of function words (conjunction, preposition, adverb,
 * classifier, numeral, particle, pronoun, locative, time): a one-to-many
 * character used as one (并 "and", 当 "when", 只 "only", 个) takes its
 * default form; only content words (面, 干, 发, 表) are guesses.
 */
const functionTags = new Set(['c', 'p', 'd', 'q', 'm', 'mq', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'r', 'f', 't', 'tg', 'y', 'e', 'o', 'zg']);

/** Offsets of one-character words that jieba tags as function words. */
function functionWords(text: string, tags: readonly TaggedWord[] | undefined): Set<number> {
  const offsets = new Set<number>();
  let at = 0;
  for (const { word, tag } of tags ?? []) {
    const start = text.indexOf(word, at);
    if (start < 0) break;
    at = start + word.length;
    if (word.length === 1 && functionTags.has(tag)) offsets.add(start);
  }
  return offsets;
}

function ambiguousItems(text: string, context: ReviewContext): ReviewItem[] {
  const items: ReviewItem[] = [];
  const functional = functionWords(text, context.tags);
  for (let i = 0; i < text.length; i++) {
    const forms = context.forms.get(text[i]!);
    if (!forms || functional.has(i) || inWord(text, context.cuts, i) || covered(text, i, context) || beforeLatin(text, i)) continue;
    const chosen = context.convert(text[i]!);
    // A classifier form only where a numeral or a demonstrative counts it (这出戏, not 打印出).
    const possible = forms.filter((form) => !context.classifiers?.has(text[i]! + form) || countWords.has(text[i - 1] ?? ''));
    const alternatives = [...new Set(possible.map((form) => context.convert(form)))].filter((form) => form !== chosen);
    if (alternatives.length > 0) items.push({ kind: 'ambiguous', start: i, end: i + 1, text: text[i]!, chosen, alternatives });
  }
  return items;
}

/**
 * A character right before a Latin word or code (发 PR, 干 `make`) takes it
 * as its object or qualifies it: the verb or default reading, never a noun
 * form (髮, 麵).
 */
function beforeLatin(text: string, i: number): boolean {
  return /^ ?[A-Za-z`]/.test(text.slice(i + 1, i + 3));
}

/** Particles that jieba glues to a word (干了, 发着): no evidence of the word's sense. */
const particles = new Set([...'了着过的地得吗呢吧啊呀么']);

/** Whether the character at `i` is part of a word of two characters or more, particles aside (no segmenter: no word). */
function inWord(text: string, cuts: Uint8Array | undefined, i: number): boolean {
  if (!cuts) return false;
  let start = i;
  while (start > 0 && cuts[start] !== 1) start--;
  let end = i + 1;
  while (end < text.length && cuts[end] !== 1) end++;
  while (end - 1 > i && particles.has(text[end - 1]!)) end--;
  while (start < i && particles.has(text[start]!)) start++;
  return end - start >= 2;
}

/** Whether a phrase of two characters or more that fits the words covers offset `i`. */
function covered(text: string, i: number, context: ReviewContext): boolean {
  for (let start = Math.max(0, i - longestPhrase); start <= i; start++) {
    for (const match of context.phrases.matches(text, start)) {
      if (match.end > i && match.end - start >= 2 && fitsWords(context.cuts, start, match.end)) return true;
    }
  }
  return false;
}

function senseItems(text: string, context: ReviewContext): ReviewItem[] {
  const base = context.base;
  if (!base) return [];
  const table = context.senses ?? senses;
  const items: ReviewItem[] = [];
  for (const { word } of table) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (!fitsWords(context.cuts, at, end) || !senseAllows(text, context.cuts, at, end, table) || besideLatin(text, at, end)) continue;
      const chosen = context.convert(word);
      const kept = base(word);
      if (chosen === kept) continue;
      items.push({ kind: 'sense', start: at, end, text: word, chosen, alternatives: [kept] });
    }
  }
  return items;
}

/** A Latin word right beside the word (支持 Docker, npm 项目): the software sense is meant. */
function besideLatin(text: string, start: number, end: number): boolean {
  return /[A-Za-z0-9`]\s?$/.test(text.slice(Math.max(0, start - 2), start)) || /^\s?[A-Za-z0-9`]/.test(text.slice(end, end + 2));
}

/**
 * Whether the character at `at`, at an edge of a name jieba guessed, makes a
 * word with the character beyond that edge (有关|于其子: 关于): the guess
 * took a word apart, and the word decides the character.
 */
function joinsOutside(at: number, first: boolean, last: boolean, length: number, context: ReviewContext): boolean {
  if (!context.isWord) return false;
  return (first && at > 0 && context.isWord(at - 1, at + 1)) || (last && at + 1 < length && context.isWord(at, at + 2));
}

function nameItems(text: string, context: ReviewContext): ReviewItem[] {
  const items: ReviewItem[] = [];
  let at = 0;
  for (const { word, tag } of context.tags ?? []) {
    const start = text.indexOf(word, at);
    if (start < 0) break;
    at = start + word.length;
    if (tag !== 'nr') continue;
    const converted = context.convert(word);
    if (converted.length !== word.length) continue;
    for (let k = 0; k < word.length; k++) {
      const char = word[k]!;
      const chosen = converted[k]!;
      if (chosen === char) continue;
      if (joinsOutside(start + k, k === 0, k === word.length - 1, text.length, context)) continue;
      const forms = [...(context.forms.get(char) ?? []), ...(context.kept.has(char) ? [char] : [])];
      const alternatives = [...new Set(forms.map((form) => (form === char ? form : context.convert(form))))].filter((form) => form !== chosen);
      if (alternatives.length > 0) items.push({ kind: 'name', start: start + k, end: start + k + 1, text: char, chosen, alternatives });
    }
  }
  return items;
}

const quote = (text: string): string => `\`${text}\``;

/** The message of a review item ("Unexpected …, expected …", literals in backticks), for reports and findings. */
export function reviewMessage(item: ReviewItem): string {
  const choices = [item.chosen, ...item.alternatives].map(quote).join(' or ');
  if (item.kind === 'sense') return `Unexpected unreviewed ${quote(item.chosen)} for ${quote(item.text)} (the software sense, no cue either way), expected a human to choose ${choices}`;
  if (item.kind === 'name') return `Unexpected unreviewed ${quote(item.chosen)} for ${quote(item.text)} in a name, expected a human to choose ${choices}`;
  return `Unexpected unreviewed ${quote(item.chosen)} for ${quote(item.text)} (no phrase decides), expected a human to choose ${choices}`;
}
