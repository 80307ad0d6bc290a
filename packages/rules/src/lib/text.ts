/**
 * Prose text of a chapter, for the typography and script rules.
 *
 * A chapter's inline content is read block by block (paragraphs, headings,
 * table cells…) as a {@link Stream}: the values of its text nodes in order,
 * with every other inline node (inline code, HTML, images, breaks, math,
 * autolinks) standing as one opaque character, `\uFFFC`. Each character
 * knows the text node it comes from and, when it is written as itself in the
 * source, its source offset: escapes (`\*`), entities (`&amp;`) and container
 * prefixes (`> `) are never edited. Code, inline code, HTML and URLs are
 * never part of the prose.
 *
 * Edits proposed on prose are checked with {@link verifiedFixes}, the fix
 * verification of `verify.ts`: the block is parsed again after the edits,
 * and they are kept only when both trees have the same shape (same node
 * types and nesting; same code, HTML and URLs): a space never breaks
 * emphasis, a link, or anything else.
 */
import { applyEdits, headingCustomId, parseMarkdown, type Chapter, type Edit } from '@tongwen/book';
import { verifyFixes } from './verify.js';
import type { Report, RunCache } from './types.js';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Heading, Nodes, Parent, Root, Text } from 'mdast';

/** The opaque character standing for a non-text inline node in a {@link Stream}. */
export const OBJECT = '\uFFFC';

/** A text node of a stream. */
export interface TextItem {
  kind: 'text';
  node: Text;
  value: string;
  /**
   * Source offset of each UTF-16 unit of `value` when it is written as itself
   * in the source; `-1` for units from an escape or entity. `undefined`
   * when the node has no position or its source cannot be aligned.
   */
  offsets?: Int32Array;
  /** Inline ancestors inside the block (emphasis, strong, delete, link…), outermost first. */
  wrappers: Parent[];
}

/** An inline node that is not prose (inline code, HTML, image, break, math, autolink…). */
export interface AtomItem {
  kind: 'atom';
  node: Nodes;
  wrappers: Parent[];
}

export type Item = TextItem | AtomItem;

/** The inline content of one block. */
export interface Stream {
  /** The block (paragraph, heading, table cell…). */
  block: Parent;
  /** The node to re-parse when verifying edits (the table of a cell, else the block). */
  unit: Nodes;
  items: Item[];
  /** Text values and one {@link OBJECT} per atom (`\n` for a hard break). */
  text: string;
  /** Index in `items` of each unit of `text`. */
  owner: Int32Array;
  /** Index in the item's value of each unit of `text` (0 for atoms). */
  index: Int32Array;
}

const wrapperTypes = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
const blockTypes = new Set(['paragraph', 'heading', 'tableCell']);

/** Whether a link is an autolink (`<https://…>`, or a bare URL/e-mail): its text is its target. */
export function isAutolink(node: Nodes, source: string): boolean {
  if (node.type !== 'link') return false;
  const start = node.position?.start.offset;
  if (start !== undefined && source[start] === '<') return true;
  if (node.children.length !== 1 || node.children[0]!.type !== 'text') return false;
  const text = node.children[0]!.value;
  return text === node.url || `mailto:${text}` === node.url || `http://${text}` === node.url;
}

/**
 * Every block of inline prose of a chapter, in order. Blocks inside
 * `code`, `html`, `math`, front matter and definitions are never read.
 * Streams are memoised per tree.
 */
export function proseStreams(chapter: Chapter, cache?: RunCache): Stream[] {
  if (cache) {
    // Every prose rule reads the same streams: build them once per chapter and run (keyed by the chapter object, so a fixed chapter gets new ones).
    const memo = cache.memo('tongwen:prose-streams', () => new WeakMap<Chapter, Stream[]>());
    let streams = memo.get(chapter);
    if (!streams) memo.set(chapter, (streams = proseStreams(chapter)));
    return streams;
  }
  const streams: Stream[] = [];
  // Document order with an explicit stack (never recursion: a tree is as deep as its input nests); each node with its table.
  const stack: [Nodes, Nodes | undefined][] = [[chapter.tree as Root, undefined]];
  while (stack.length > 0) {
    const [node, table] = stack.pop()!;
    if (blockTypes.has(node.type)) {
      streams.push(streamOf(chapter, node as Parent, table ?? node));
      continue;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || (node.type as string) === 'toml' || (node.type as string) === 'math' || node.type === 'definition') continue;
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, node.type === 'table' ? node : table]);
  }
  return streams;
}

function streamOf(chapter: Chapter, block: Parent, unit: Nodes): Stream {
  const items: Item[] = [];
  // A heading's custom id (`{#id}`, `{/*id*/}`) is not prose: nothing from where it begins is read.
  const cut = block.type === 'heading' ? (headingCustomId(block as Heading, chapter.source)?.start ?? Infinity) : Infinity;
  // Document order with an explicit stack; each node with the wrappers (emphasis, links…) around it.
  const pending = (children: readonly Nodes[], wrappers: Parent[]): [Nodes, Parent[]][] => children.map((child): [Nodes, Parent[]] => [child, wrappers]).reverse();
  const stack = pending(block.children as Nodes[], []);
  while (stack.length > 0) {
    const [node, wrappers] = stack.pop()!;
    const start = node.position?.start.offset ?? -Infinity;
    if (start >= cut) continue;
    if (node.type === 'text') {
      const offsets = alignOffsets(chapter.source, node);
      const keep = cut === Infinity ? node.value.length : keptUnits(node.value, offsets, cut);
      items.push({ kind: 'text', node, value: node.value.slice(0, keep), ...(offsets ? { offsets: offsets.slice(0, keep) } : {}), wrappers });
    } else if (wrapperTypes.has(node.type) && !isAutolink(node, chapter.source)) {
      stack.push(...pending((node as Parent).children as Nodes[], [...wrappers, node as Parent]));
    } else items.push({ kind: 'atom', node, wrappers });
  }
  let text = '';
  const owners: number[] = [];
  const indexes: number[] = [];
  items.forEach((item, i) => {
    if (item.kind === 'text') {
      text += item.value;
      for (let j = 0; j < item.value.length; j++) {
        owners.push(i);
        indexes.push(j);
      }
    } else {
      text += item.node.type === 'break' ? '\n' : OBJECT;
      owners.push(i);
      indexes.push(0);
    }
  });
  return { block, unit, items, text, owner: Int32Array.from(owners), index: Int32Array.from(indexes) };
}

/** How many units of a text node's value come before the source offset `cut`. */
function keptUnits(value: string, offsets: Int32Array | undefined, cut: number): number {
  if (!offsets) return value.length;
  for (let j = 0; j < value.length; j++) if (offsets[j]! >= cut) return j;
  return value.length;
}

const asciiPunctuation = /^[!-/:-@[-`{-~]$/;
const entityPattern = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/;

/**
 * Align a text node's value with its source: the offset of each value unit
 * written as itself, `-1` for units from escapes and entities; source
 * characters absent from the value (container prefixes, stripped spaces)
 * are skipped. `undefined` when the two cannot be aligned.
 */
export function alignOffsets(source: string, node: Text): Int32Array | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const value = node.value;
  const offsets = new Int32Array(value.length);
  if (source.slice(start, end) === value) {
    for (let j = 0; j < value.length; j++) offsets[j] = start + j;
    return offsets;
  }
  let j = 0;
  for (let i = start; i < end && j <= value.length; ) {
    const char = source[i]!;
    if (char === '\\' && i + 1 < end && asciiPunctuation.test(source[i + 1]!) && value[j] === source[i + 1]) {
      offsets[j++] = -1;
      i += 2;
      continue;
    }
    if (char === '&') {
      const match = entityPattern.exec(source.slice(i, Math.min(end, i + 40)));
      if (match) {
        let decoded: string | false;
        if (match[1] !== undefined || match[2] !== undefined) {
          const code = Number.parseInt(match[1] ?? match[2]!, match[1] !== undefined ? 16 : 10);
          decoded = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
        } else decoded = decodeNamedCharacterReference(match[3]!);
        if (decoded !== false && value.startsWith(decoded, j)) {
          for (let k = 0; k < decoded.length; k++) offsets[j++] = -1;
          i += match[0].length;
          continue;
        }
      }
    }
    if (j < value.length && char === value[j]) {
      offsets[j++] = i++;
      continue;
    }
    i++;
  }
  return j === value.length ? offsets : undefined;
}

/** Source offset of unit `i` of a stream's text, when it is prose written as itself. */
export function offsetAt(stream: Stream, i: number): number | undefined {
  const item = stream.items[stream.owner[i]!];
  if (!item || item.kind !== 'text' || !item.offsets) return undefined;
  const offset = item.offsets[stream.index[i]!]!;
  return offset < 0 ? undefined : offset;
}

/** The source range `[start, end)` of stream units `[from, to)`, when they are contiguous prose written as themselves. */
export function rangeOf(stream: Stream, from: number, to: number): { start: number; end: number } | undefined {
  const start = offsetAt(stream, from);
  if (start === undefined) return undefined;
  for (let i = from + 1; i < to; i++) {
    if (offsetAt(stream, i) !== start + (i - from)) return undefined;
  }
  return { start, end: start + (to - from) };
}

function startOf(node: Nodes | Parent): number | undefined {
  return node.position?.start.offset;
}

function endOf(node: Nodes | Parent): number | undefined {
  return node.position?.end.offset;
}

/**
 * Where to insert text between stream units `i - 1` and `i`: inside a
 * text node when both are in it; else at the boundary between the
 * outermost wrapper that closes after `i - 1` and the outermost that opens
 * before `i` (a space never goes inside `**…**` or `[…]`). `undefined` when
 * there is no such single place.
 */
export function insertionPoint(stream: Stream, i: number): number | undefined {
  if (i <= 0 || i >= stream.text.length) return undefined;
  const left = stream.items[stream.owner[i - 1]!]!;
  const right = stream.items[stream.owner[i]!]!;
  if (left === right) {
    const a = offsetAt(stream, i - 1);
    const b = offsetAt(stream, i);
    return a !== undefined && b !== undefined && b === a + 1 ? b : undefined;
  }
  let shared = 0;
  while (shared < left.wrappers.length && shared < right.wrappers.length && left.wrappers[shared] === right.wrappers[shared]) shared++;
  const closing = left.wrappers[shared];
  const opening = right.wrappers[shared];
  // The left side must end where its item (or closing wrapper) ends; the right side likewise.
  if (left.kind === 'text' && stream.index[i - 1] !== left.value.length - 1) return undefined;
  if (right.kind === 'text' && stream.index[i] !== 0) return undefined;
  const end = endOf(closing ?? left.node);
  const start = startOf(opening ?? right.node);
  if (end === undefined || start === undefined || end !== start) return undefined;
  if (left.kind === 'text' && !closing && offsetAt(stream, i - 1) === undefined) return undefined;
  if (right.kind === 'text' && !opening && offsetAt(stream, i) === undefined) return undefined;
  return end;
}

/** A finding with its proposed fix, waiting for {@link verifiedFixes}. */
export interface Pending {
  stream: Stream;
  edits: Edit[];
}

/**
 * The pending fixes to attach to findings: those with edits. They are
 * proved by the one fix verification of `verify.ts`, which the engine runs
 * on every fix of every rule, batched over all rules of a chapter (one
 * parse per edited block instead of one per rule); `verify` runs it here
 * too, for a caller without the engine.
 */
export function verifiedFixes(chapter: Chapter, pending: readonly Pending[], cache?: RunCache, verify = false): Set<Pending> {
  const withEdits = pending.filter((entry) => entry.edits.length > 0);
  if (!verify) return new Set(withEdits);
  const kept = verifyFixes(chapter, withEdits, cache);
  return new Set(withEdits.filter((_, i) => kept.has(i)));
}

/** A finding waiting for {@link reportPending}: its range, its message and its proposed fix. */
export interface PendingFinding extends Pending {
  message: string;
  start: number;
  end: number;
}

/** Report each pending finding, with its edits as the fix where {@link verifiedFixes} keeps them. */
export function reportPending(chapter: Chapter, pending: readonly PendingFinding[], cache: RunCache, report: (report: Report) => void): void {
  const kept = verifiedFixes(chapter, pending, cache);
  for (const entry of pending) report({ message: entry.message, start: entry.start, end: entry.end, ...(kept.has(entry) ? { fix: entry.edits } : {}) });
}

/** Han ideographs (any extension block). */
export const hanPattern = /\p{Script=Han}/u;

/** Below this code point (CJK Radicals Supplement) no character is Han: ASCII and Latin text are decided without the pattern. */
const firstHan = 0x2e80;
/** CJK Unified Ideographs, every one of them Han: decided without the pattern (`text.test.ts` holds both bounds to the pattern). */
const unifiedIdeographs = [0x4e00, 0x9fff] as const;

/** Whether the code point at `i` of `text` is a Han ideograph (reads surrogate pairs). */
export function isHanAt(text: string, i: number): boolean {
  const code = text.codePointAt(i);
  if (code === undefined || code < firstHan) return false;
  if (code >= unifiedIdeographs[0] && code <= unifiedIdeographs[1]) return true;
  if (code >= 0xdc00 && code <= 0xdfff) {
    // Low surrogate: look at the whole pair.
    const pair = i > 0 ? text.codePointAt(i - 1) : undefined;
    return pair !== undefined && pair > 0xffff && hanPattern.test(String.fromCodePoint(pair));
  }
  return hanPattern.test(String.fromCodePoint(code));
}

/** Whether a unit is an ASCII letter (`[A-Za-z]`), by character code: read for every unit of a text. */
export function isAsciiLetter(char: string): boolean {
  const lower = char.charCodeAt(0) | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Full-width CJK punctuation (、。「」『』【】《》〈〉, full-width forms of `，：；！？（）` and the like). */
export function isCjkPunctuation(char: string | undefined): boolean {
  if (!char) return false;
  const code = char.charCodeAt(0);
  return (code >= 0x3001 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff0f) || (code >= 0xff1a && code <= 0xff20) || (code >= 0xff3b && code <= 0xff40) || (code >= 0xff5b && code <= 0xff65) || char === '“' || char === '”' || char === '‘' || char === '’' || char === '…' || char === '—';
}

/**
 * Spans of `text` that are URLs, e-mail addresses, file paths, domain
 * names, template tags (`{% youtube id %}`, `{{placeholder}}`), links
 * that did not render (`[文字](a b.md)`, left to `link-not-rendered`), or
 * a whole block of code written without backticks ({@link isCodeLike}):
 * never edited by a prose rule.
 */
export function protectedSpans(text: string): Array<[number, number]> {
  if (isCodeLike(text)) return [[0, text.length]];
  const spans: Array<[number, number]> = [];
  // Every kind of span needs one of these (a link `[`, a tag `{`, a URL or path `/` or `.`, an address `@`).
  if (!spanMark.test(text)) return spans;
  const pattern = /!?\[[^\[\]\n]*\]\([^()\n]*\)|\{%.*?%\}|\{\{.*?\}\}|(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>()（），。、“”「」]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\.{0,2}\/)?[\w.-]+(?:\/[\w.-]+)+\/?|[\w-]+(?:\.[\w-]+)+/giu;
  for (const match of text.matchAll(pattern)) spans.push([match.index!, match.index! + match[0].length]);
  return spans;
}

/** A character that every span of {@link protectedSpans} has. */
const spanMark = /[[{/.@]/;

/**
 * {@link protectedSpans} of a stream's text, worked out once per stream and
 * run: the prose rules that read them (zh-spacing, zh-punctuation-width,
 * zh-quotes, zh-ellipsis-dash, proper-noun-case) share them.
 */
export function streamSpans(stream: Stream, cache?: RunCache): ReadonlyArray<[number, number]> {
  if (!cache) return protectedSpans(stream.text);
  const memo = cache.memo('tongwen:protected-spans', () => new WeakMap<Stream, ReadonlyArray<[number, number]>>());
  let spans = memo.get(stream);
  if (!spans) memo.set(stream, (spans = protectedSpans(stream.text)));
  return spans;
}

/** Whether `i` falls inside one of `spans`. */
export function inSpans(spans: ReadonlyArray<[number, number]>, i: number): boolean {
  for (const [start, end] of spans) if (i >= start && i < end) return true;
  return false;
}

/** A JSON object or array: `{…}` or `[…]` holding a quoted key or string (`{"t":15,"v":"测试"}`). */
const jsonLike = /^[{[].*["'].*[}\]]$/su;
/** Assignments: `key=value` pairs separated by `,`, `;`, `&` or spaces, of either width (`a=1,b=2`, `name="张三"`). */
const assignments = /^[\w.$-]+\s*=\s*\S+(?:[\s,;&，；]+[\w.$-]+\s*=\s*\S+)*$/u;
/** A call or a typed name: `foo(a, b)`, `fn(x: i32) -> i32`, with no Han outside its quotes. */
const callLike = /^[\w.$]+\((?:[^()]|\([^()]*\))*\)(?:\s*(?:->|=>|:)\s*\S+)?$/u;

/**
 * Whether the whole of a block's text is code written without backticks —
 * typically a table cell: a JSON literal, `key=value` assignments or a call.
 * Han inside its quotes does not make it prose.
 */
export function isCodeLike(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 3 || trimmed.includes(OBJECT) || trimmed.includes('\n')) return false;
  if (hanPattern.test(trimmed.replace(/"[^"]*"|'[^']*'/g, ''))) return false;
  return jsonLike.test(trimmed) || assignments.test(trimmed) || callLike.test(trimmed);
}
