/**
 * # zh-misconversion
 *
 * Traditional text that a naive character-by-character converter made from
 * Simplified text keeps characters it should have changed: 關系 (關係),
 * 運行于 (於), 環境里 (裡), 之后 (後), 云計算 (雲), 日志 (日誌), 定制 (定製).
 * Each block of prose is converted to Simplified and back with OpenCC
 * (`tw2s` → `s2tw` for zh-TW, `hk2s` → `s2hk` for zh-HK, `t2s` → `s2t` for
 * zh-Hant); characters that come back different are reported, a run of
 * adjacent ones as one finding with the whole corrected span (復制 → 複製).
 *
 * - **error**: a wrong Traditional variant was left behind (復制 → 複製);
 * - **warning**: a Simplified-looking character that is also a Traditional
 *   character of another word (系 于 里 后 云 制 志 周 余…) — usually wrong,
 *   sometimes right.
 *
 * Simplified-only characters (关, 这) are left to `zh-script-mixed`. Pairs
 * that Taiwan usage accepts either way (台/臺, 布/佈, 盡/儘, 占/佔, 了/瞭,
 * 註/注, 覆/復, 鑒/鑑) are never reported; words known to fool the round
 * trip across word boundaries (并成, 有云, 本里, 加注, 卷到) are ignored.
 * zh-Hans files are not checked.
 *
 * ```markdown
 * 鏡像和容器的關係，就像類和實例。      <!-- fine (zh-TW) -->
 * 鏡像和容器的關系，就像類和實例。      <!-- reported: `關系`, expected `關係` -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { proseStreams, verifiedFixes, type Pending } from '../lib/text.js';
import { ambiguousSimplified, converter, isAcceptedPair, roundTrip } from './opencc.js';
import { diffSpans, inWords, spanEdit } from './shared.js';

interface Options {
  ignore: string[];
  accept: string[];
  fixWarnings: boolean;
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
      fixWarnings: { type: 'boolean', default: false, description: 'Also give a fix for warnings (one-to-many characters)' },
    },
  },
  check({ chapter, options, locale, cache, report }) {
    if (locale === 'zh-Hans') return;
    const [there, back] = roundTrip(locale);
    const toSimplified = converter(cache, there);
    const toTraditional = converter(cache, back);
    const s2t = converter(cache, 's2t');
    const t2s = converter(cache, 't2s');
    const accepted = (a: string, b: string): boolean => isAcceptedPair(a, b) || options.accept.includes(a + b) || options.accept.includes(b + a);
    const simplifiedOnly = (c: string): boolean => !ambiguousSimplified.has(c) && s2t(c) !== c && t2s(c) === c;
    // A difference must come back in a round trip of the span with two
    // neighbours (before, after, or one of each): a phrase reaching further
    // across a word boundary (文章並產生) is a dictionary accident.
    const confirmed = (text: string, from: number, to: number, expected: string): boolean => {
      for (const [before, after] of [[2, 0], [0, 2], [1, 1]] as const) {
        const a = Math.max(0, from - before);
        const b = Math.min(text.length, to + after);
        const round = toTraditional(toSimplified(text.slice(a, b)));
        if (round.length === b - a && round.slice(from - a, to - a) === expected) return true;
      }
      return false;
    };
    const pending: Array<Pending & { message: string; start: number; end: number; severity: 'error' | 'warning' }> = [];
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text)) continue;
      const simplified = toSimplified(text);
      const expected = toTraditional(simplified);
      if (expected === text) continue;
      const spans = diffSpans(text, expected, (a, b) => /\p{Script=Han}/u.test(a) && !accepted(a, b));
      if (!spans) continue;
      for (const span of spans) {
        if (span.chars.every(simplifiedOnly)) continue;
        // A suggestion that turns a Traditional-only character into a Simplified-looking one (複製 → 覆制) is a dictionary accident.
        if ([...span.expected].some((e, k) => ambiguousSimplified.has(e) && t2s(span.chars[k]!) !== span.chars[k])) continue;
        if (inWords(text, span, options.ignore) || (simplified.length === text.length && inWords(simplified, span, options.ignore))) continue;
        if (!confirmed(text, span.from, span.to, span.expected)) continue;
        const edit = spanEdit(stream, span);
        if (!edit) continue;
        const severity = span.chars.some(simplifiedOnly) ? 'error' : 'warning';
        pending.push({
          stream,
          edits: severity === 'error' || options.fixWarnings ? [edit] : [],
          message: `Unexpected \`${span.actual}\` in ${locale} text, expected \`${span.expected}\``,
          start: edit.start,
          end: edit.end,
          severity,
        });
      }
    }
    const kept = verifiedFixes(chapter, pending, cache);
    for (const entry of pending) {
      report({ message: entry.message, start: entry.start, end: entry.end, severity: entry.severity, ...(kept.has(entry) ? { fix: entry.edits } : {}) });
    }
  },
});
