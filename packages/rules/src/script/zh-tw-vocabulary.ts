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
import { proseStreams, rangeOf } from '../lib/text.js';
import { converter } from './opencc.js';

export default defineChapterRule<{ ignore: string[] }>({
  meta: {
    id: 'zh-tw-vocabulary',
    family: 'script',
    scope: 'chapter',
    description: 'Taiwan wording should be used in zh-TW text (suggestions from OpenCC `s2twp`)',
    fixable: false,
    severity: 'info',
    presets: [],
    options: {
      ignore: {
        type: 'string[]',
        default: ['文件', '權限', '局部', '實例', '解釋', '擴展', '程序', '項目'],
        description: 'Words never reported: OpenCC suggests a Taiwan word that is wrong in many contexts (文件 is a document as often as a file; 權限 → 許可權 and 擴展 → 擴充套件 are dictionary errors)',
      },
    },
  },
  check({ chapter, options, locale, cache, report }) {
    if (locale !== 'zh-TW') return;
    const ignored = new Set(options.ignore);
    const tw2s = converter(cache, 'tw2s');
    const s2tw = converter(cache, 's2tw');
    const s2twp = converter(cache, 's2twp');
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text)) continue;
      // Clause by clause: a clause is a run of Han characters (no punctuation, space or Latin).
      for (const match of text.matchAll(/\p{Script=Han}+/gu)) {
        const clause = match[0];
        const simplified = tw2s(clause);
        if (simplified.length !== clause.length || s2tw(simplified) !== clause) continue;
        const phrased = s2twp(simplified);
        if (phrased === clause) continue;
        const changes: Array<[number, number, string]> = [];
        if (phrased.length === clause.length) {
          // Same length: each run of differing characters is one suggestion.
          for (let k = 0; k < clause.length; k++) {
            if (clause[k] === phrased[k]) continue;
            const last = changes[changes.length - 1];
            if (last && last[1] === k) {
              last[1] = k + 1;
              last[2] += phrased[k];
            } else changes.push([k, k + 1, phrased[k]!]);
          }
          // One character alone (網絡 → 網路 changes only 絡): show the word, with its neighbour.
          // The neighbour is the one that makes a dictionary word with it (參數 → 引數, 網絡 → 網路).
          for (const change of changes) {
            if (change[1] - change[0] !== 1) continue;
            const k = change[0];
            const word = (a: number, b: number): boolean => a >= 0 && b <= clause.length && s2twp(tw2s(clause.slice(a, b))) === phrased.slice(a, b);
            if (k + 2 <= clause.length && word(k, k + 2)) change.splice(0, 3, k, k + 2, phrased.slice(k, k + 2));
            else if (k > 0 && word(k - 1, k + 1)) change.splice(0, 3, k - 1, k + 1, phrased.slice(k - 1, k + 1));
          }
        } else {
          let prefix = 0;
          while (prefix < clause.length && prefix < phrased.length && clause[prefix] === phrased[prefix]) prefix++;
          let suffix = 0;
          while (suffix < clause.length - prefix && suffix < phrased.length - prefix && clause[clause.length - 1 - suffix] === phrased[phrased.length - 1 - suffix]) suffix++;
          // Show at least two characters of the original (虛擬機 → 虛擬機器, not `` → `器`).
          while (clause.length - suffix - prefix < 2 && (prefix > 0 || suffix > 0)) {
            if (prefix > 0) prefix--;
            else suffix--;
          }
          changes.push([prefix, clause.length - suffix, phrased.slice(prefix, phrased.length - suffix)]);
        }
        for (const [start, end, expected] of changes) {
          const from = match.index! + start;
          const to = match.index! + end;
          const range = rangeOf(stream, from, to);
          if (!range || ignored.has(text.slice(from, to))) continue;
          report({ message: `Unexpected \`${text.slice(from, to)}\` in zh-TW text, expected Taiwan wording \`${expected}\``, start: range.start, end: range.end });
        }
      }
    }
  },
});
