/**
 * # zh-quotes
 *
 * Quotation marks follow the locale: `“ ”` and `‘ ’` in zh-Hans, `「 」`
 * and `『 』` in zh-Hant, zh-TW and zh-HK (configurable with `style`).
 * With `style: "consistent"` the book's own dominant style is expected
 * (counted over its chapters of the same script: zh-Hans pages and zh-TW
 * pages of one book each have theirs) and only the exceptions are reported. Quotes of the other style around or
 * next to Chinese, and straight `"…"`
 * around Chinese, are reported; both marks of a pair are fixed together.
 * Marks are paired in order, so a pair is never made of the wrong marks: a
 * mark closed by one of another kind (`“你好"`, `「你好”`) is reported and
 * fixed, and an opening mark never closed (`“你好`) is reported, not fixed.
 *
 * ```markdown
 * 所谓“镜像”，就是…       <!-- fine (zh-Hans) -->
 * 所谓「镜像」，就是…       <!-- reported (zh-Hans): expected `“镜像”` -->
 * 所謂「鏡像」，就是…       <!-- fine (zh-TW) -->
 * 他说“你好"，然后离开      <!-- reported: `"` closing `“`, expected `”` -->
 * ```
 */
import type { Book, Chapter } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { dominantForm } from './dominant.js';
import { detectLocale, localeFromFrontmatter, localeFromPath } from '../lib/locale.js';
import { everyPreset, type RunCache } from '../lib/types.js';
import { inSpans, OBJECT, proseStreams, streamSpans, rangeOf, reportPending, type PendingFinding } from '../lib/text.js';

interface Options {
  style: 'auto' | 'curly' | 'corner' | 'consistent';
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
      style: {
        type: 'string',
        enum: ['auto', 'curly', 'corner', 'consistent'],
        default: 'auto',
        description: '`auto`: `curly` (“”) for zh-Hans, `corner` (「」) for the Traditional locales; `consistent`: the style the book uses most (only the exceptions are reported)',
      },
      straight: { type: 'boolean', default: true, description: 'Also report straight `"…"` around Chinese text' },
    },
  },
  check({ chapter, book, options, locale, cache, report }) {
    const byLocale = locale === 'zh-Hans' ? 'curly' : 'corner';
    const wanted = options.style === 'auto' ? byLocale : options.style === 'consistent' ? dominantStyle(book, chapter, cache, byLocale) : options.style;
    const other = wanted === 'curly' ? 'corner' : 'curly';
    const pending: PendingFinding[] = [];
    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text)) continue;
      const pairs: Array<[string, string, string, string]> = [
        [styles[other].double[0], styles[other].double[1], styles[wanted].double[0], styles[wanted].double[1]],
        [styles[other].single[0], styles[other].single[1], styles[wanted].single[0], styles[wanted].single[1]],
      ];
      if (options.straight) pairs.push(['"', '"', styles[wanted].double[0], styles[wanted].double[1]]);
      // Quotes inside template tags (`{% note warn "警告！" %}`), URLs and paths are syntax, not prose.
      const literal = streamSpans(stream, cache);
      for (const entry of unbalanced(text)) {
        if (inSpans(literal, entry.at)) continue;
        const range = rangeOf(stream, entry.at, entry.at + 1);
        if (!range) continue;
        pending.push({ stream, edits: entry.expected ? [{ ...range, text: entry.expected }] : [], message: entry.message, start: range.start, end: range.end });
      }
      for (const [open, close, toOpen, toClose] of pairs) {
        for (let i = text.indexOf(open); i >= 0; ) {
          const j = text.indexOf(close, i + 1);
          if (j < 0) break;
          // Another opening mark before the close: this one is unclosed (reported above), never paired across.
          const again = open === close ? -1 : text.indexOf(open, i + 1);
          if (again >= 0 && again < j) {
            i = again;
            continue;
          }
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
    reportPending(chapter, pending, cache, report);
  },
});

/** The quotation style a book uses most: pairs of `“…”` against pairs of `「…」` in Chinese text. */
function dominantStyle(book: Book | undefined, chapter: Chapter, cache: RunCache, fallback: 'curly' | 'corner'): 'curly' | 'corner' {
  // Quotes follow the script: a book with zh-Hans and zh-TW chapters (tldr's pages.zh and pages.zh_TW) has a style for each.
  const script = (other: Chapter): 'curly' | 'corner' | undefined => {
    const locale = localeFromFrontmatter(other) ?? localeFromPath(other.path) ?? detectLocale(other, cache);
    return locale === undefined ? undefined : locale === 'zh-Hans' ? 'curly' : 'corner';
  };
  const within = { name: fallback, counts: (other: Chapter) => (script(other) ?? fallback) === fallback };
  return dominantForm('quotes', { book, chapter, cache, within }, ['curly', 'corner'], fallback, (stream, add) => {
    for (const match of stream.text.matchAll(/“[^“”\n]*”|「[^「」\n]*」/g)) add(match[0][0] === '“' ? 'curly' : 'corner');
  });
}

const closing: Readonly<Record<string, string>> = { '“': '”', '「': '」', '‘': '’', '『': '』' };
const opening: Readonly<Record<string, string>> = { '”': '“', '」': '「', '’': '‘', '』': '『' };

/** A quotation mark that closes the wrong mark or is never closed. */
interface Unbalanced {
  at: number;
  message: string;
  /** The mark it should be; none when unclosed (where the quotation ends is unknown). */
  expected?: string;
}

/**
 * Double quotation marks paired in order (`“…”`, `「…」`; a straight `"`
 * closing a `“`): each mark closed by one of another kind, and each opening
 * mark left open at the end of the block. Single marks are left alone (`’`
 * is also an apostrophe).
 */
export function unbalanced(text: string): Unbalanced[] {
  const found: Unbalanced[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '“' || char === '「') stack.push(i);
    else if (char === '”' || char === '」' || (char === '"' && text[stack[stack.length - 1] ?? -1] === '“')) {
      const top = stack[stack.length - 1];
      if (top === undefined) continue;
      stack.pop();
      const open = text[top]!;
      if (opening[char] === open) continue;
      const expected = closing[open]!;
      found.push({ at: i, expected, message: `Unexpected \`${char}\` closing \`${open}\`, expected \`${expected}\`` });
    }
  }
  for (const at of stack) {
    if (!/\p{Script=Han}/u.test(text.slice(at + 1, at + 20))) continue;
    found.push({ at, message: `Unexpected unclosed \`${text[at]}\`, expected a closing \`${closing[text[at]!]}\`` });
  }
  return found.sort((a, b) => a.at - b.at);
}
