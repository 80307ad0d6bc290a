/**
 * # zh-fullwidth-alphanumeric
 *
 * Digits and Latin letters typed full-width (`１２３`, `ＡＢＣ`, `ｄｏｃｋｅｒ`):
 * a Chinese input method left in full-width mode. They look alike but are
 * other characters: searches, copy-paste into a terminal and spell checkers
 * miss them, and they break the spacing between Chinese and Latin text.
 * Fixed to their half-width forms.
 *
 * ```markdown
 * 需要 2 GB 内存。        <!-- fine -->
 * 需要２ＧＢ内存。        <!-- reported, fixed: `2GB` -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { inSpans, proseStreams, rangeOf, streamSpans, reportPending, type PendingFinding } from '../lib/text.js';

/** Runs of full-width digits and letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A). */
const fullWidth = /[０-９Ａ-Ｚａ-ｚ]+/g;

/** The half-width form of a run. */
const halfWidth = (run: string): string => run.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export default defineChapterRule({
  meta: {
    id: 'zh-fullwidth-alphanumeric',
    family: 'typography',
    scope: 'chapter',
    description: 'Digits and Latin letters must be half-width',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, cache, report }) {
    const pending: PendingFinding[] = [];
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!/[０-９Ａ-Ｚａ-ｚ]/.test(text)) continue;
      const spans = streamSpans(stream, cache);
      for (const match of text.matchAll(fullWidth)) {
        const from = match.index;
        if (inSpans(spans, from)) continue;
        const range = rangeOf(stream, from, from + match[0].length);
        if (!range) continue;
        const expected = halfWidth(match[0]);
        pending.push({ stream, edits: [{ ...range, text: expected }], message: `Unexpected full-width \`${match[0]}\`, expected \`${expected}\``, start: range.start, end: range.end });
      }
    }
    reportPending(chapter, pending, cache, report);
  },
});
