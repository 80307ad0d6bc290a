import type { Chapter, Edit } from '@tongwen/book';
import type { Nodes, Parent, Text } from 'mdast';
import { OBJECT, proseStreams, rangeOf, type Stream } from '../lib/text.js';
import type { RunCache } from '../lib/types.js';
import { walk } from '../lib/walk.js';

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

const blockTypes = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The text the script rules read: every prose stream, then the alt text of
 * every image (`![命令周期](…)`) as a stream of its own, whose unit is the
 * image's block (so fixes are verified by re-parsing that block).
 */
export function scriptStreams(chapter: Chapter, cache: RunCache): Stream[] {
  return [...proseStreams(chapter, cache), ...altStreams(chapter)];
}

/** One stream per image or image reference with alt text. */
export function altStreams(chapter: Chapter): Stream[] {
  const streams: Stream[] = [];
  // Document order with an explicit stack; each node with its block and its unit (the table, else the block).
  const visit = (root: Nodes): void => {
    const stack: [Nodes, Parent | undefined, Nodes | undefined][] = [[root, undefined, undefined]];
    while (stack.length > 0) {
      const [node, block, unit] = stack.pop()!;
      if ((node.type === 'image' || node.type === 'imageReference') && node.alt && block && unit) {
        streams.push(altStream(chapter.source, node, node.alt, block, unit));
        continue;
      }
      if (!('children' in node)) continue;
      const isBlock = blockTypes.has(node.type);
      const table = node.type === 'table' ? node : undefined;
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, isBlock ? (node as Parent) : block, table ?? (isBlock && !unit ? node : unit)]);
    }
  };
  walk(chapter.tree as Nodes, (node) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'definition') return false;
    if (!blockTypes.has(node.type) && node.type !== 'table') return true;
    visit(node);
    return false;
  });
  return streams;
}

/** A stream of one alt text; its offsets are known when the source writes it as itself right after `![`. */
function altStream(source: string, image: Nodes, alt: string, block: Parent, unit: Nodes): Stream {
  const start = image.position?.start.offset;
  const node: Text = { type: 'text', value: alt };
  const plain = start !== undefined && source.startsWith(`![${alt}]`, start);
  const offsets = plain ? Int32Array.from({ length: alt.length }, (_, j) => start + 2 + j) : undefined;
  return {
    block,
    unit,
    items: [{ kind: 'text', node, value: alt, ...(offsets ? { offsets } : {}), wrappers: [] }],
    text: alt,
    owner: new Int32Array(alt.length),
    index: Int32Array.from({ length: alt.length }, (_, j) => j),
  };
}
