/**
 * # zh-spacing
 *
 * A space between Chinese characters and Latin letters or digits, in text,
 * headings, table cells, and at the boundary with inline code, links and
 * emphasis (`使用Docker运行3个服务` → `使用 Docker 运行 3 个服务`). The
 * space always goes outside `**…**`, `*…*`, `~~…~~` and `[…](…)`: never
 * inside the delimiters, where it would break the emphasis; every fix is
 * checked by parsing the block again before and after.
 *
 * ```markdown
 * 使用 Docker 运行 3 个服务，占用 50% 内存。   <!-- fine -->
 * 使用Docker运行3个服务                        <!-- reported four times -->
 * 运行`docker ps`命令                          <!-- reported twice -->
 * ```
 *
 * With `space: "never"` the opposite is checked: no space between Chinese
 * and Latin (`使用 Docker` is reported). With `space: "consistent"` the
 * book's own dominant form is expected (boundaries written with a space
 * against those written without, over every chapter), and only the
 * exceptions are reported. Boundaries with inline code and at the edges
 * of links are counted apart from those in text: a book may write
 * `使用 Docker` yet `使用\`docker\`` or `见[Docker](…)`.
 */
import type { InlineCode, Nodes, Parent } from 'mdast';
import type { Book, Chapter } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset, type RunCache } from '../lib/types.js';
import { dominantForm } from './dominant.js';
import { OBJECT, insertionPoint, isAsciiLetter, isHanAt, offsetAt, proseStreams, streamSpans, rangeOf, reportPending, type PendingFinding, type Stream } from '../lib/text.js';

interface Options {
  space: 'always' | 'never' | 'consistent';
  digits: boolean;
  symbols: string[];
  inlineCode: boolean;
  ignore: string[];
}

type Side = 'han' | 'latin' | 'other';

export default defineChapterRule<Options>({
  meta: {
    id: 'zh-spacing',
    family: 'typography',
    scope: 'chapter',
    description: 'Chinese and Latin letters or digits must be separated by a space',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {
      space: {
        type: 'string',
        enum: ['always', 'never', 'consistent'],
        default: 'always',
        description: '`always`: a space between Chinese and Latin; `never`: no space (CSS `text-autospace`); `consistent`: what the book does most (only the exceptions are reported)',
      },
      digits: { type: 'boolean', default: true, description: 'Digits count as Latin (`3 个`)' },
      symbols: { type: 'string[]', default: ['%', '°', '‰', '℃', '℉'], description: 'Symbols that count as Latin after a digit (`50% 的`)' },
      inlineCode: { type: 'boolean', default: true, description: 'Check the boundary between Chinese and inline code' },
      ignore: { type: 'string[]', default: [], description: 'Regular expressions: a boundary inside a match is not checked (e.g. `第\\d+章`)' },
    },
  },
  check({ chapter, book, options, cache, report }) {
    const modes: Modes = options.space === 'consistent' ? dominantSpacing(book, chapter, cache) : { text: options.space, code: options.space, link: options.space };
    // A boundary with inline code or a link follows the book's habit for those; every other one, its habit for text.
    const modeAt = (stream: Stream, left: number, right: number): Mode => modes[boundaryKind(stream, left, right)];
    const ignore = options.ignore.map((source) => new RegExp(source, 'gu'));
    const pending: PendingFinding[] = [];
    // Read for every unit of every stream: character codes, not patterns.
    const latin = (char: string | undefined, previous: string | undefined): boolean =>
      char !== undefined && (isAsciiLetter(char) || (options.digits && isDigit(char)) || (options.digits && previous !== undefined && isDigit(previous) && options.symbols.includes(char)));

    const sideOf = (stream: Stream, i: number, edge: 'left' | 'right'): Side => {
      const char = stream.text[i];
      if (char === OBJECT) {
        const node = stream.items[stream.owner[i]!]!.node as Nodes;
        if (node.type === 'inlineCode') {
          if (!options.inlineCode) return 'other';
          const value = (node as InlineCode).value;
          const at = edge === 'left' ? value.length - 1 : 0;
          if (value.length === 0 || /\s/.test(value[at]!)) return 'other';
          return isHanAt(value, at) ? 'han' : 'latin';
        }
        if (node.type === 'link') return 'latin';
        return 'other';
      }
      if (isHanAt(stream.text, i)) return 'han';
      return latin(char, stream.text[i - 1]) ? 'latin' : 'other';
    };
    const describe = (stream: Stream, i: number): string => {
      const char = stream.text[i];
      if (char !== OBJECT) {
        const code = stream.text.codePointAt(i)!;
        if (code >= 0xdc00 && code <= 0xdfff) return `\`${stream.text.slice(i - 1, i + 1)}\``;
        return `\`${String.fromCodePoint(code)}\``;
      }
      const node = stream.items[stream.owner[i]!]!.node;
      return node.type === 'inlineCode' ? 'inline code' : 'a link';
    };
    const bounds = (stream: Stream, i: number): [number, number] | undefined => {
      const item = stream.items[stream.owner[i]!]!;
      if (item.kind === 'atom') {
        const s = item.node.position?.start.offset;
        const e = item.node.position?.end.offset;
        return s !== undefined && e !== undefined ? [s, e] : undefined;
      }
      const s = offsetAt(stream, i);
      if (s === undefined) return undefined;
      const code = stream.text.charCodeAt(i);
      return [s, s + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)];
    };

    for (const stream of proseStreams(chapter, cache)) {
      const text = stream.text;
      if (!/\p{Script=Han}/u.test(text) && !text.includes(OBJECT)) continue;
      const spans = streamSpans(stream, cache);
      const ignored: Array<[number, number]> = [];
      for (const pattern of ignore) for (const match of text.matchAll(pattern)) ignored.push([match.index!, match.index! + match[0].length]);
      const inside = (a: number, b: number): boolean =>
        spans.some(([s, e]) => a >= s && b < e) || ignored.some(([s, e]) => a >= s && b < e);

      // The side of a unit read as a right side, kept for the next unit: it is the same as a left side but for inline code (whose edges differ).
      let previousIndex = -1;
      let previousSide: Side = 'other';
      for (let i = 1; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0xdc00 && code <= 0xdfff) continue;
        const leftIndex = text.charCodeAt(i - 1) >= 0xdc00 && text.charCodeAt(i - 1) <= 0xdfff ? i - 2 : i - 1;
        const left = previousIndex === leftIndex && text[leftIndex] !== OBJECT ? previousSide : sideOf(stream, leftIndex, 'left');
        const right = sideOf(stream, i, 'right');
        previousIndex = i;
        previousSide = right;
        if (!((left === 'han' && right === 'latin') || (left === 'latin' && right === 'han'))) continue;
        if (modeAt(stream, leftIndex, i) !== 'always' || inside(leftIndex, i)) continue;
        const a = bounds(stream, leftIndex);
        const b = bounds(stream, i);
        const start = a?.[0] ?? b?.[0];
        const end = b?.[1] ?? a?.[1];
        if (start === undefined || end === undefined) continue;
        const at = insertionPoint(stream, i);
        const message = `Unexpected missing space between ${describe(stream, leftIndex)} and ${describe(stream, i)}, expected a space`;
        pending.push({ stream, edits: at === undefined ? [] : [{ start: at, end: at, text: ' ' }], message, start, end });
      }
      for (const match of text.matchAll(/[ \t]+/g)) {
        const from = match.index!;
        const to = from + match[0].length;
        if (from === 0 || to >= text.length) continue;
        const leftIndex = text.charCodeAt(from - 1) >= 0xdc00 && text.charCodeAt(from - 1) <= 0xdfff ? from - 2 : from - 1;
        const left = sideOf(stream, leftIndex, 'left');
        const right = sideOf(stream, to, 'right');
        if (!((left === 'han' && right === 'latin') || (left === 'latin' && right === 'han'))) continue;
        if (modeAt(stream, leftIndex, to) !== 'never' || inside(leftIndex, to)) continue;
        const range = rangeOf(stream, from, to);
        if (!range) continue;
        const message = `Unexpected space between ${describe(stream, leftIndex)} and ${describe(stream, to)}, expected none`;
        pending.push({ stream, edits: [{ start: range.start, end: range.end, text: '' }], message, start: range.start, end: range.end });
      }
    }
    reportPending(chapter, pending, cache, report);
  },
});

/** Whether a unit is an ASCII digit (`[0-9]`). */
function isDigit(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
}

type Mode = 'always' | 'never';
type Kind = 'text' | 'code' | 'link';

/** The spacing of boundaries in text, with inline code, and at the edge of a link. */
type Modes = Record<Kind, Mode>;

/** Whether stream units `left` and `right` meet at inline code, at the edge of a link, or in text. */
function boundaryKind(stream: Stream, left: number, right: number): Kind {
  const a = stream.items[stream.owner[left]!];
  const b = stream.items[stream.owner[right]!];
  if (a?.kind === 'atom' && a.node.type === 'inlineCode') return 'code';
  if (b?.kind === 'atom' && b.node.type === 'inlineCode') return 'code';
  const link = (item: typeof a): Nodes | Parent | undefined => (item?.kind === 'atom' && item.node.type === 'link' ? item.node : item?.wrappers.find((node) => node.type === 'link' || node.type === 'linkReference'));
  return link(a) !== link(b) ? 'link' : 'text';
}

/** The units of each Chinese–Latin boundary of a stream (inline code and links count as Latin), with whether it is spaced. */
function* boundaries(stream: Stream): Generator<{ left: number; right: number; spaced: boolean }> {
  for (const match of stream.text.matchAll(/(\p{Script=Han})([ \t]*)[A-Za-z0-9\uFFFC]|[A-Za-z0-9\uFFFC]([ \t]*)\p{Script=Han}/gu)) {
    const at = match.index!;
    if (match[1] !== undefined) yield { left: at + match[1].length - 1, right: at + match[0].length - 1, spaced: match[2]!.length > 0 };
    else yield { left: at, right: at + 1 + match[3]!.length, spaced: match[3]!.length > 0 };
  }
}

/**
 * Whether a book writes a space between Chinese and Latin more often than
 * not — counted apart for text (`使用 Docker`), inline code
 * (`使用 \`docker\``) and the edges of links (`见 [Docker](…)`): many
 * books space one and not the others.
 */
function dominantSpacing(book: Book | undefined, chapter: Chapter, cache: RunCache): Modes {
  const context = { book, chapter, cache };
  const count = (kind: Kind): Mode =>
    dominantForm<Mode>(`spacing:${kind}`, context, ['always', 'never'], 'always', (stream, add) => {
      for (const { left, right, spaced } of boundaries(stream)) {
        const object = stream.text[left] === OBJECT || stream.text[right] === OBJECT;
        const found = boundaryKind(stream, left, right);
        // An object that is neither inline code nor a link (an image, HTML) is no boundary.
        if (found === kind && (!object || found !== 'text')) add(spaced ? 'always' : 'never');
      }
    });
  return { text: count('text'), code: count('code'), link: count('link') };
}
