import type { Edit } from '@tongwen/book';
import { OBJECT, rangeOf, type Stream } from '../lib/text.js';

/** A run of adjacent characters of a stream that differ from their expected form. */
export interface Span {
  /** UTF-16 range in the stream text. */
  from: number;
  to: number;
  actual: string;
  expected: string;
  /** The characters (code points) of `actual` that differ. */
  chars: string[];
}

/**
 * Compare a stream's text with its expected form, code point by code point,
 * and group adjacent differing code points into spans. `keep(actual,
 * expected)` filters the differing characters. Returns `undefined` when the
 * two do not have the same number of code points.
 */
export function diffSpans(text: string, expected: string, keep: (actual: string, expected: string) => boolean): Span[] | undefined {
  const a = [...text];
  const b = [...expected];
  if (a.length !== b.length) return undefined;
  const spans: Span[] = [];
  let offset = 0;
  let current: Span | undefined;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y && x !== OBJECT && keep(x, y)) {
      if (current && current.to === offset) {
        current.to += x.length;
        current.actual += x;
        current.expected += y;
        current.chars.push(x);
      } else {
        current = { from: offset, to: offset + x.length, actual: x, expected: y, chars: [x] };
        spans.push(current);
      }
    }
    offset += x.length;
  }
  return spans;
}

/** The edit that replaces a span by its expected text, when its source is plain prose. */
export function spanEdit(stream: Stream, span: Span): Edit | undefined {
  const range = rangeOf(stream, span.from, span.to);
  return range ? { ...range, text: span.expected } : undefined;
}

/** Whether `span` lies inside an occurrence of one of `words` in `text`. */
export function inWords(text: string, span: Span, words: readonly string[]): boolean {
  for (const word of words) {
    if (!word) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (at <= span.from && span.to <= at + word.length) return true;
    }
  }
  return false;
}
