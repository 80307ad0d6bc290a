/**
 * # zh-misconversion
 *
 * Traditional text that a naive character-by-character converter made from
 * Simplified text keeps characters it should have changed: 關系 (關係),
 * 運行于 (於), 環境里 (裡), 之后 (後), 云計算 (雲), 日志 (日誌), 定制 (定製).
 * Each block of prose (and each image's alt text) is converted to
 * Simplified and back with OpenCC (`tw2s` → `s2tw` for zh-TW, `hk2s` →
 * `s2hk` for zh-HK, `t2s` → `s2t` for zh-Hant); characters that come back
 * different are candidates, a run of adjacent ones as one finding with the
 * whole corrected span (復制 → 複製).
 *
 * The round trip makes its own mistakes across word boundaries (這裡面包含
 * → 麵, 被發展 → 髮, 目錄名表示 → 錶): the Simplified text is cut into
 * words (jieba), and a candidate whose word, converted alone, does not give
 * the same correction is never reported.
 *
 * - **error, fixed**: the correction is certain — the span lies in a word of
 *   two or more characters that converts alone to the correction, and the
 *   corrected word converts back to itself (關系 → 關係, 之后 → 之後,
 *   日志 → 日誌, 復制 → 複製, 屬于 → 屬於);
 * - **warning**: a one-character word whose Traditional form depends on its
 *   meaning (于 云 后 里 周…) — usually wrong, sometimes right; fixed only
 *   with `fixWarnings`, or when the file is a machine conversion: it holds
 *   `machineTraces` or more certain mis-conversions and Simplified-only
 *   characters, and then every finding is an error with its fix.
 *
 * Simplified-only characters (关, 这) are left to `zh-script-mixed`. Pairs
 * that Taiwan usage accepts either way (台/臺, 布/佈, 盡/儘, 占/佔, 了/瞭,
 * 註/注, 覆/復, 鑒/鑑) are never reported; words known to fool the round
 * trip (并成, 有云, 本里, 加注, 卷到) are ignored. zh-Hans files are not
 * checked.
 *
 * ```markdown
 * 鏡像和容器的關係，就像類和實例。      <!-- fine (zh-TW) -->
 * 鏡像和容器的關系，就像類和實例。      <!-- reported (error, fixed): `系`, expected `係` -->
 * 這裡面包含一個檔案。                  <!-- fine: 裡面｜包含, not 麵包 -->
 * ```
 */
import type { Edit } from '@tongwen/book';
import type { Word } from '@tongwen/convert';
import { wordsAround } from '../lib/convert.js';
import { defineChapterRule } from '../lib/define.js';
import { verifiedFixes, type Pending, type Stream } from '../lib/text.js';
import type { Locale, RunCache } from '../lib/types.js';
import { ambiguousSimplified, converter, isAcceptedPair, roundTrip, segmenter } from './opencc.js';
import { diffSpans, inWords, scriptStreams, spanEdit, type Span } from './shared.js';

interface Options {
  ignore: string[];
  accept: string[];
  fixWarnings: boolean;
  machineTraces: number;
}

/** What the rule needs for one file: converters, the segmenter and the options. */
interface Tools {
  locale: Locale;
  toSimplified: (text: string) => string;
  toTraditional: (text: string) => string;
  s2t: (text: string) => string;
  t2s: (text: string) => string;
  words: (text: string) => Word[] | undefined;
  options: Options;
}

/** A reported span. `certain` when a word of two or more characters proves it. */
interface Candidate extends Pending {
  span: Span;
  edit: Edit;
  certain: boolean;
}

export default defineChapterRule<Options>({
  meta: {
    id: 'zh-misconversion',
    family: 'script',
    scope: 'chapter',
    description: 'Traditional text must not keep characters that a naive converter left behind',
    fixable: true,
    severity: 'error',
    presets: ['recommended', 'zh-hant', 'zh-tw', 'zh-hk'],
    options: {
      ignore: { type: 'string[]', default: ['并成', '有云', '本里', '加注', '卷到'], description: 'Words in which a difference is never reported (cross-word dictionary accidents)' },
      accept: { type: 'string[]', default: [], description: 'More pairs of characters accepted either way, each written as two characters (`"台臺"`)' },
      fixWarnings: { type: 'boolean', default: false, description: 'Also give a fix for warnings (one-character words) in every file' },
      machineTraces: {
        type: 'number',
        default: 3,
        description: 'Certain mis-conversions and Simplified-only characters from which a file counts as machine-converted: its warnings become errors and are fixed (0: never)',
      },
    },
  },
  check({ chapter, options, locale, cache, report }) {
    if (locale === 'zh-Hans') return;
    const tools = toolsOf(cache, locale, options);
    const candidates: Candidate[] = [];
    let traces = 0;
    for (const stream of scriptStreams(chapter, cache)) {
      if (!/\p{Script=Han}/u.test(stream.text)) continue;
      candidates.push(...candidatesOf(stream, tools));
      traces += simplifiedOnlyCount(stream.text, tools);
    }
    traces += candidates.filter((candidate) => candidate.certain).length;
    const machine = options.machineTraces > 0 && traces >= options.machineTraces;
    for (const candidate of candidates) if (!candidate.certain && !machine && !options.fixWarnings) candidate.edits = [];
    const kept = verifiedFixes(chapter, candidates, cache);
    for (const candidate of candidates) {
      const certain = candidate.certain || machine;
      report({
        message: messageOf(candidate, locale, certain, machine),
        start: candidate.edit.start,
        end: candidate.edit.end,
        severity: certain ? 'error' : 'warning',
        ...(kept.has(candidate) ? { fix: candidate.edits } : {}),
      });
    }
  },
});

function toolsOf(cache: RunCache, locale: Exclude<Locale, 'zh-Hans'>, options: Options): Tools {
  const [there, back] = roundTrip(locale);
  const cut = segmenter(cache);
  return {
    locale,
    toSimplified: converter(cache, there),
    toTraditional: converter(cache, back),
    s2t: converter(cache, 's2t'),
    t2s: converter(cache, 't2s'),
    words: (text) => cut.words(text),
    options,
  };
}

function messageOf(candidate: Candidate, locale: Locale, certain: boolean, machine: boolean): string {
  const { actual, expected } = candidate.span;
  const why = candidate.certain ? '' : machine ? ' (the file is machine-converted)' : ' (one character: check its meaning)';
  return `Unexpected \`${actual}\` in ${locale} text, expected \`${expected}\`${certain && !machine ? '' : why}`;
}

/** A Simplified-only character: never a Traditional character of another word. */
function isSimplifiedOnly(c: string, tools: Tools): boolean {
  return !ambiguousSimplified.has(c) && tools.s2t(c) !== c && tools.t2s(c) === c;
}

/** Simplified-only characters of a stream: traces of a conversion that missed them. */
function simplifiedOnlyCount(text: string, tools: Tools): number {
  let count = 0;
  for (const match of text.matchAll(/\p{Script=Han}/gu)) if (isSimplifiedOnly(match[0], tools)) count++;
  return count;
}

function candidatesOf(stream: Stream, tools: Tools): Candidate[] {
  const text = stream.text;
  const simplified = tools.toSimplified(text);
  const expected = tools.toTraditional(simplified);
  if (expected === text) return [];
  const accepted = (a: string, b: string): boolean => isAcceptedPair(a, b) || tools.options.accept.includes(a + b) || tools.options.accept.includes(b + a);
  const spans = diffSpans(text, expected, (a, b) => /\p{Script=Han}/u.test(a) && !accepted(a, b));
  if (!spans) return [];
  let words: Word[] | undefined;
  const wordsOf = (): Word[] | undefined => (simplified.length === text.length ? (words ??= tools.words(simplified)) : undefined);
  const candidates: Candidate[] = [];
  for (const span of spans) {
    if (span.chars.every((c) => isSimplifiedOnly(c, tools))) continue;
    if (!plausible(text, simplified, span, tools)) continue;
    const proof = wordProof(simplified, expected, span, wordsOf(), tools);
    if (proof === 'accident' || !confirmed(text, span, tools)) continue;
    const edit = spanEdit(stream, span);
    if (!edit) continue;
    candidates.push({ stream, edits: [edit], edit, span, certain: proof === 'word' || span.chars.some((c) => isSimplifiedOnly(c, tools)) });
  }
  return candidates;
}

/** Filters known from the round trip's habits: a Traditional-only character made Simplified-looking; the ignore list. */
function plausible(text: string, simplified: string, span: Span, tools: Tools): boolean {
  // A suggestion that turns a Traditional-only character into a Simplified-looking one (複製 → 覆制) is a dictionary accident.
  if ([...span.expected].some((e, k) => ambiguousSimplified.has(e) && tools.t2s(span.chars[k]!) !== span.chars[k])) return false;
  const ignore = tools.options.ignore;
  return !(inWords(text, span, ignore) || (simplified.length === text.length && inWords(simplified, span, ignore)));
}

/**
 * What the words around a span say: `word` when a word of two or more
 * characters converts alone to the correction and the corrected word
 * converts back to itself; `accident` when that word converts alone to
 * something else (the round trip matched a phrase across a word boundary);
 * `character` when the span is a word of one character, or the text could
 * not be cut.
 */
function wordProof(simplified: string, expected: string, span: Span, words: Word[] | undefined, tools: Tools): 'word' | 'accident' | 'character' {
  if (!words) return 'character';
  const { start, end } = wordsAround(words, span.from, span.to);
  const alone = tools.toTraditional(simplified.slice(start, end));
  if (alone.length !== end - start || alone.slice(span.from - start, span.to - start) !== span.expected) return 'accident';
  if (![...simplified.slice(start, end)].every((c) => /\p{Script=Han}/u.test(c)) || end - start < 2) return 'character';
  const word = expected.slice(start, end);
  return word === alone && tools.toTraditional(tools.toSimplified(word)) === word ? 'word' : 'character';
}

/**
 * A difference must come back in a round trip of the span with two
 * neighbours (before, after, or one of each): a phrase reaching further
 * across a word boundary (文章並產生) is a dictionary accident.
 */
function confirmed(text: string, span: Span, tools: Tools): boolean {
  for (const [before, after] of [[2, 0], [0, 2], [1, 1]] as const) {
    const a = Math.max(0, span.from - before);
    const b = Math.min(text.length, span.to + after);
    const round = tools.toTraditional(tools.toSimplified(text.slice(a, b)));
    if (round.length === b - a && round.slice(span.from - a, span.to - a) === span.expected) return true;
  }
  return false;
}
