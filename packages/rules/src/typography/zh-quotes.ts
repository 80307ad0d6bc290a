/**
 * # zh-quotes
 *
 * Quotation marks follow the locale: `“ ”` and `‘ ’` in zh-Hans, `「 」`
 * and `『 』` in zh-Hant, zh-TW and zh-HK (configurable with `style`).
 * Quotes of the other style around or next to Chinese, and straight `"…"`
 * around Chinese, are reported; both marks of a pair are fixed together.
 *
 * ```markdown
 * 所谓“镜像”，就是…       <!-- fine (zh-Hans) -->
 * 所谓「镜像」，就是…       <!-- reported (zh-Hans): expected `“镜像”` -->
 * 所謂「鏡像」，就是…       <!-- fine (zh-TW) -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { inSpans, OBJECT, proseStreams, protectedSpans, rangeOf, verifiedFixes, type Pending } from '../lib/text.js';

interface Options {
  style: 'auto' | 'curly' | 'corner';
  straight: boolean;
}

const styles = {
  curly: { double: ['“', '”'], single: ['‘', '’'] },
  corner: { double: ['「', '」'], single: ['『', '』'] },
} as const;

export default defineChapterRule<Options>({
  meta: {
    id: 'zh-quotes',
    family: 'typography',
    scope: 'chapter',
    description: 'Quotation marks must follow the locale (`“”` for zh-Hans, `「」` for zh-Hant, zh-TW and zh-HK)',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {
      style: { type: 'string', enum: ['auto', 'curly', 'corner'], default: 'auto', description: '`auto`: `curly` (“”) for zh-Hans, `corner` (「」) for the Traditional locales' },
      straight: { type: 'boolean', default: true, description: 'Also report straight `"…"` around Chinese text' },
    },
  },
  check({ chapter, options, locale, cache, report }) {
    const wanted = options.style === 'auto' ? (locale === 'zh-Hans' ? 'curly' : 'corner') : options.style;
    const other = wanted === 'curly' ? 'corner' : 'curly';
    const pending: Array<Pending & { message: string; start: number; end: number }> = [];
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text)) continue;
      const pairs: Array<[string, string, string, string]> = [
        [styles[other].double[0], styles[other].double[1], styles[wanted].double[0], styles[wanted].double[1]],
        [styles[other].single[0], styles[other].single[1], styles[wanted].single[0], styles[wanted].single[1]],
      ];
      if (options.straight) pairs.push(['"', '"', styles[wanted].double[0], styles[wanted].double[1]]);
      // Quotes inside template tags (`{% note warn "警告！" %}`), URLs and paths are syntax, not prose.
      const literal = protectedSpans(text);
      for (const [open, close, toOpen, toClose] of pairs) {
        for (let i = text.indexOf(open); i >= 0; ) {
          const j = text.indexOf(close, i + 1);
          if (j < 0) break;
          if (inSpans(literal, i) || inSpans(literal, j)) {
            i = text.indexOf(open, j + 1);
            continue;
          }
          const inner = text.slice(i + 1, j);
          const chinese = /\p{Script=Han}/u.test(inner) && !inner.includes('\n') && !inner.includes(OBJECT);
          // Curly quotes around Latin text in a Chinese sentence are quotes too; straight ones only around Chinese.
          const nextToHan = /\p{Script=Han}/u.test(text[i - 1] ?? '') || /\p{Script=Han}/u.test(text[j + 1] ?? '');
          if (chinese || (open !== '"' && nextToHan && !inner.includes('\n'))) {
            const a = rangeOf(stream, i, i + 1);
            const b = rangeOf(stream, j, j + 1);
            if (a && b) {
              pending.push({
                stream,
                edits: [{ ...a, text: toOpen }, { ...b, text: toClose }],
                message: `Unexpected \`${open}…${close}\` in ${locale} text, expected \`${toOpen}…${toClose}\``,
                start: a.start,
                end: b.end,
              });
            }
          }
          i = text.indexOf(open, j + 1);
        }
      }
    }
    const kept = verifiedFixes(chapter, pending, cache);
    for (const entry of pending) report({ message: entry.message, start: entry.start, end: entry.end, ...(kept.has(entry) ? { fix: entry.edits } : {}) });
  },
});
