/**
 * # zh-punctuation-repeated
 *
 * Two clause marks in a row in Chinese text: a doubled `，，`, `：：` or
 * `、、`, a mark typed over another (`，。`, `：，`), or a half-width mark
 * left beside its full-width form (`，,`). A slip of the keyboard or of an
 * edit that joined two sentences; the reader sees a stutter. A doubled mark,
 * or a half-width one beside a full-width one, is fixed by keeping one
 * full-width mark; two different marks are left for a person to choose.
 * `。。` and longer runs of `。` are `zh-ellipsis-dash`'s; `！！`, `？？`
 * and `？！` are emphasis, not slips; three different marks or more in a row
 * are the marks themselves, listed (`全角字符：，。；：`).
 *
 * ```markdown
 * 先安装，再运行。          <!-- fine -->
 * 先安装，，再运行。        <!-- reported, fixed: `，` -->
 * 先安装，。再运行。        <!-- reported -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { inSpans, proseStreams, rangeOf, streamSpans, reportPending, type PendingFinding } from '../lib/text.js';
import { fullWidth } from './punctuation.js';

/** Runs of clause marks of either width; not one whose last half-width mark starts an address or a path (`地址：:8080`, `：//`). */
const run = /[，、；：。,;:]{2,}(?![\d/])/g;
const fullMark = /[，、；：。]/;

/**
 * A run this rule reports: one full-width mark at least, not only `。`s (an ellipsis typed short, `zh-ellipsis-dash`),
 * and not three different marks or more (the marks listed as such: `统一使用全角字符：，。；：`).
 */
const slip = (found: string): boolean => fullMark.test(found) && !/^。+$/.test(found) && new Set(found).size < 3;

/** The one mark a run stands for: the same full-width mark repeated, with or without its own half-width form beside it (`，,`, not `，;`). */
function single(found: string): string | undefined {
  const marks = new Set([...found].map((mark) => fullWidth[mark] ?? mark));
  return marks.size === 1 ? [...marks][0] : undefined;
}

export default defineChapterRule({
  meta: {
    id: 'zh-punctuation-repeated',
    family: 'typography',
    scope: 'chapter',
    description: 'Chinese clause marks must not be doubled or stacked (`，，`, `，。`, `，,`)',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, cache, report }) {
    const pending: PendingFinding[] = [];
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!fullMark.test(text)) continue;
      const spans = streamSpans(stream, cache);
      for (const match of text.matchAll(run)) {
        const from = match.index;
        const to = from + match[0].length;
        if (!slip(match[0]) || inSpans(spans, from) || inSpans(spans, to - 1)) continue;
        const range = rangeOf(stream, from, to);
        if (!range) continue;
        const one = single(match[0]);
        const message = one ? `Unexpected repeated \`${match[0]}\`, expected one \`${one}\`` : `Unexpected \`${match[0]}\` (punctuation marks in a row), expected one of them`;
        pending.push({ stream, edits: one ? [{ ...range, text: one }] : [], message, start: range.start, end: range.end });
      }
    }
    reportPending(chapter, pending, cache, report);
  },
});
