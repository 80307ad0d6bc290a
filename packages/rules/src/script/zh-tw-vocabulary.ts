/**
 * # zh-tw-vocabulary
 *
 * Taiwan wording (opt-in, info): words that OpenCC's Taiwan phrase table
 * (`s2twp`) writes differently from a character conversion — 數據 → 資料,
 * 網絡 → 網路, 軟件 → 軟體, 默認 → 預設. A suggestion, not an error: both
 * are Chinese, one is how Taiwan says it. zh-TW files only; not fixable.
 *
 * ```markdown
 * 儲存資料到網路硬碟。    <!-- fine (zh-TW) -->
 * 儲存數據到網絡硬盤。    <!-- reported: `數據` → `資料`, `網絡` → `網路`, `硬盤` → `硬碟` -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { OBJECT, proseStreams, rangeOf } from '../lib/text.js';
import { converter } from './opencc.js';

export default defineChapterRule({
  meta: {
    id: 'zh-tw-vocabulary',
    family: 'script',
    scope: 'chapter',
    description: 'zh-TW text should use Taiwan wording (suggestions from OpenCC `s2twp`)',
    fixable: false,
    severity: 'info',
    presets: [],
    options: {},
  },
  check({ chapter, locale, cache, report }) {
    if (locale !== 'zh-TW') return;
    const tw2s = converter(cache, 'tw2s');
    const s2tw = converter(cache, 's2tw');
    const s2twp = converter(cache, 's2twp');
    for (const stream of proseStreams(chapter)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text)) continue;
      // Clause by clause: a clause is a run of Han characters (no punctuation, space or Latin).
      for (const match of text.matchAll(/\p{Script=Han}+/gu)) {
        const clause = match[0];
        const simplified = tw2s(clause);
        if (simplified.length !== clause.length || s2tw(simplified) !== clause) continue;
        const phrased = s2twp(simplified);
        if (phrased === clause) continue;
        let prefix = 0;
        while (prefix < clause.length && prefix < phrased.length && clause[prefix] === phrased[prefix]) prefix++;
        let suffix = 0;
        while (suffix < clause.length - prefix && suffix < phrased.length - prefix && clause[clause.length - 1 - suffix] === phrased[phrased.length - 1 - suffix]) suffix++;
        const from = match.index! + prefix;
        const to = match.index! + clause.length - suffix;
        const expected = phrased.slice(prefix, phrased.length - suffix);
        if (text.slice(from, to).includes(OBJECT)) continue;
        const range = rangeOf(stream, from, to);
        if (!range) continue;
        report({ message: `Unexpected \`${text.slice(from, to)}\` in zh-TW text, expected Taiwan wording \`${expected}\``, start: range.start, end: range.end });
      }
    }
  },
});
