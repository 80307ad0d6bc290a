import { displayWidth } from './width.js';

/** Display columns kept on each side of a span in a long line. */
const context = 32;
/**
 * Code units read on each side of a span: a line may be megabytes long (a
 * minified or generated chapter), and measuring all of it for each finding
 * on it made a report quadratic. A side longer than this is cut with `…`.
 */
const readAround = 16 * (context + 8);

/** Replace control characters a terminal would act on (escape sequences) by a visible mark. */
export function sanitizeTerminal(text: string): string {
  return text.replace(/\t/g, '  ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD');
}

/** The last characters of `text` that fit in `width` display columns. */
function tail(text: string, width: number): string {
  const chars = Array.from(text);
  let used = 0;
  let i = chars.length;
  while (i > 0 && used + displayWidth(chars[i - 1]!) <= width) used += displayWidth(chars[--i]!);
  return chars.slice(i).join('');
}

/** The first characters of `text` that fit in `width` display columns. */
function head(text: string, width: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > width) break;
    used += w;
    out += char;
  }
  return out;
}

/** A source line cut around a span, and the underline beneath it. */
export interface Frame {
  line: string;
  underline: string;
}

/**
 * The code frame of a span of one line: `start` and `end` are 1-based UTF-16
 * columns (`end` exclusive, past the line end for a span that goes on). Long
 * lines are cut around the span with `…`; the underline counts display
 * columns, so it stays under the span after double-width characters.
 */
export function codeFrame(text: string, start: number, end: number): Frame {
  const source = text.endsWith('\r') ? text.slice(0, -1) : text;
  const from = Math.min(Math.max(0, start - 1), source.length);
  const to = Math.min(Math.max(from, end - 1), source.length);
  let before = sanitizeTerminal(source.slice(Math.max(0, from - readAround), from));
  const span = sanitizeTerminal(source.slice(from, to));
  let after = sanitizeTerminal(source.slice(to, to + readAround));
  if (from > readAround || displayWidth(before) > context + 8) before = `…${tail(before, context)}`;
  if (source.length - to > readAround || displayWidth(after) > context + 8) after = `${head(after, context)}…`;
  const underline = `${' '.repeat(displayWidth(before))}${'^'.repeat(Math.max(1, displayWidth(span)))}`;
  return { line: `${before}${span}${after}`, underline };
}
