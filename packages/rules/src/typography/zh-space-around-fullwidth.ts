/**
 * # zh-space-around-fullwidth
 *
 * Full-width punctuation carries its own spacing: no space before or after
 * `，。！？；：、（）「」『』《》【】` (and, with `curlyQuotes`, `“”‘’` next to
 * Chinese). A space that something needs is never reported: after a bare
 * URL (`https://x.y/ ，` — without it the comma joins the link) or beside
 * `**…**` (`**上下文（context）** 目录` — without it the bold no longer
 * renders); each candidate is checked by parsing the block again. Nor is
 * a space between full-width punctuation and a separator symbol spaced on
 * both sides (`**（推荐）** - 说明`, `为什么？ → 因为`).
 *
 * ```markdown
 * 使用 `docker run`，然后（可选）查看日志。   <!-- fine -->
 * 使用 `docker run` ，然后 （可选） 查看日志。   <!-- reported three times -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { OBJECT, isHanAt, proseStreams, rangeOf, verifiedFixes, type Pending } from '../lib/text.js';

const punctuation = '，。！？；：、（）「」『』《》【】〈〉〔〕';
const curly = '“”‘’';
/** Symbols spaced on both sides as separators (`**标题（注）** - 说明`, `问？ → 答`): the space belongs to them. */
const separators = '-–→←↔⇒=|/~+&<>';

export default defineChapterRule<{ curlyQuotes: boolean }>({
  meta: {
    id: 'zh-space-around-fullwidth',
    family: 'typography',
    scope: 'chapter',
    description: 'Full-width punctuation must not have spaces next to it',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {
      curlyQuotes: { type: 'boolean', default: false, description: 'Also report spaces next to `“”‘’` when the other side is Chinese (they are shared with Latin text, and many books space them)' },
    },
  },
  check({ chapter, options, cache, report }) {
    const pending: Array<Pending & { message: string; start: number; end: number }> = [];
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      for (const match of text.matchAll(/[ \t\u3000]+/g)) {
        const from = match.index!;
        const to = from + match[0].length;
        if (from === 0 || to >= text.length) continue;
        const before = text[from - 1]!;
        const after = text[to]!;
        const full = (char: string, other: number): boolean =>
          punctuation.includes(char) || (options.curlyQuotes && curly.includes(char) && other >= 0 && other < text.length && text[other] !== OBJECT && isHanAt(text, other));
        // Curly quotes count when the other side of the space is Chinese.
        const hit = full(before, to) ? before : full(after, from - 1) ? after : undefined;
        if (!hit) continue;
        if (separators.includes(hit === before ? after : before)) continue;
        const range = rangeOf(stream, from, to);
        if (!range) continue;
        const side = hit === before && full(before, to) ? 'after' : 'before';
        pending.push({ stream, edits: [{ ...range, text: '' }], message: `Unexpected space ${side} full-width \`${hit}\`, expected none`, start: range.start, end: range.end });
      }
    }
    const kept = verifiedFixes(chapter, pending, cache, true);
    // A space whose removal would change the parsed tree is needed (after a bare URL, beside `**…**`): not reported.
    for (const entry of pending) if (kept.has(entry)) report({ message: entry.message, start: entry.start, end: entry.end, fix: entry.edits });
  },
});
