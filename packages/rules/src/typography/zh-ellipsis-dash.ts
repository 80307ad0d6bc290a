/**
 * # zh-ellipsis-dash
 *
 * Chinese text writes the ellipsis `……` and the dash `——` as two
 * full-width characters: `...`, `。。。` and a single `…` next to Chinese
 * become `……`; a single `—` (or `--`) between Chinese becomes `——` (Chinese
 * on one side, and Chinese, a full-width mark such as `”` or, for `—`,
 * inline code on the other: `“小而够用”—选择`, `操作 — \`assert_eq!\``).
 * A `--` named as a token — git's `--` before paths, an option's `--` —
 * is no dash: the word next to it says what it is (`在参数 -- 之后写路径`,
 * `用 -- 分隔选项和文件`); `——` joining Latin words or numbers
 * (`1——10`, `A——B`) is not Chinese text, and is left as written.
 *
 * ```markdown
 * 等待……然后——继续。      <!-- fine -->
 * 等待...然后—继续。       <!-- reported twice -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { OBJECT, isCjkPunctuation, isHanAt, proseStreams, streamSpans, inSpans, rangeOf, reportPending, type PendingFinding } from '../lib/text.js';

/** Words that name `--` as a token when they follow it (`-- 之后`, `-- 分隔`). */
const tokenAfter = /^[ \t]*(?:之后|之後|以后|以後|后面|後面|前面|之前|后的|後的|分隔|参数|參數|选项|選項|符号|符號|表示)/u;
/** Words that name `--` as a token when they precede it (`参数 --`, `双横线 --`). */
const tokenBefore = /(?:参数|參數|选项|選項|符号|符號|标记|標記|分隔符|横线|橫線|使用|用|加上|加|输入|輸入)[ \t]*$/u;

/** Whether a `--` between Chinese words is named as a token (git's `--`, an option marker), not used as a dash. */
function namedAsToken(text: string, from: number, to: number): boolean {
  return tokenAfter.test(text.slice(to, to + 8)) || tokenBefore.test(text.slice(Math.max(0, from - 8), from));
}

export default defineChapterRule({
  meta: {
    id: 'zh-ellipsis-dash',
    family: 'typography',
    scope: 'chapter',
    description: 'Chinese ellipses and dashes must be `……` and `——`',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, cache, report }) {
    const pending: PendingFinding[] = [];
    const han = (text: string, i: number): boolean => i >= 0 && i < text.length && text[i] !== OBJECT && isHanAt(text, i);
    // What is next to a dash past spaces: a Chinese character, a full-width mark or curly quote (`”—选择`), inline code.
    const sideOf = (text: string, i: number, step: 1 | -1): 'han' | 'mark' | 'object' | undefined => {
      let k = i;
      while (k >= 0 && k < text.length && (text[k] === ' ' || text[k] === '\t')) k += step;
      if (han(text, k)) return 'han';
      if (k < 0 || k >= text.length) return undefined;
      // A full-width mark or curly quote (`isCjkPunctuation`, the one set the typography rules share).
      return isCjkPunctuation(text[k]) ? 'mark' : text[k] === OBJECT ? 'object' : undefined;
    };
    // A dash in Chinese text: Chinese on one side, and Chinese, a full-width mark or (for `—`) inline code on the other.
    const chineseDash = (text: string, from: number, to: number, found: string): boolean => {
      const left = sideOf(text, from - 1, -1);
      const right = sideOf(text, to, 1);
      const other = (side: typeof left): boolean => side === 'han' || side === 'mark' || (side === 'object' && found === '—');
      return (left === 'han' && other(right)) || (right === 'han' && other(left));
    };
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text)) continue;
      const spans = streamSpans(stream, cache);
      for (const match of text.matchAll(/\.{3,}|。{2,}|…+|—+|(?<![-\w])--(?![-\w>])/g)) {
        const from = match.index!;
        const to = from + match[0].length;
        const found = match[0];
        if (inSpans(spans, from)) continue;
        let expected: string | undefined;
        if (/^…+$/.test(found)) expected = found.length === 1 && (han(text, from - 1) || han(text, to)) ? '……' : undefined;
        else if (/^[.。]+$/.test(found)) expected = (found[0] === '。' || han(text, from - 1) || han(text, to)) ? '……' : undefined;
        else if (found === '—' || found === '--') expected = chineseDash(text, from, to, found) && !(found === '--' && namedAsToken(text, from, to)) ? '——' : undefined;
        if (!expected) continue;
        const range = rangeOf(stream, from, to);
        if (!range) continue;
        pending.push({ stream, edits: [{ ...range, text: expected }], message: `Unexpected \`${found}\` in Chinese text, expected \`${expected}\``, start: range.start, end: range.end });
      }
    }
    reportPending(chapter, pending, cache, report);
  },
});
