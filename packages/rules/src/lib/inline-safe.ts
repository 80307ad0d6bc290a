/**
 * Fixes proved safe without parsing: the fast path of the fix verification
 * (`verify.ts`). Most fixes of the typography rules change a few characters
 * in the middle of prose (`,` → `，`, a space between `中文` and `Docker`).
 * Such an edit cannot change the shape of the Markdown around it when:
 *
 * - every edit sits inside one `text` node of the chapter's tree, with a
 *   neighbour on each side inside that node, and each neighbour is a
 *   letter, a digit, a non-ASCII character that is not whitespace, or one
 *   space: no delimiter run (`*`, `_`, `~`) changes its flanking, no
 *   escape, line start, line end (hard break, closing `#`) or indentation
 *   is touched; a neighbour may also be the backtick of the code span
 *   right beside that text node (`` `docker` 。`` → `` `docker`。``): no
 *   backtick run changes, so no code span does;
 * - beside a space neighbour, the edit neither makes two spaces meet (a
 *   hard break at a line end) nor removes or inserts a digit, `.` or `)`
 *   where an ordered list marker `1. ` may start (nothing but indentation
 *   and container syntax before it on its line);
 *   the right neighbour may also be a line end when the line still ends in
 *   a character that is not a space, and no list marker is inserted;
 * - what is removed and what is inserted are inert characters (letters,
 *   digits, non-ASCII characters that are not whitespace, spaces, and
 *   `,.:;!?()'"%`): no delimiter, bracket, backtick, `$`, `|`, `\`, `#`,
 *   `<`, `&` appears or goes;
 * - two edits have at least one untouched character between them, so the
 *   neighbours after the edits are the neighbours before;
 * - in the inline content the edit is in (its paragraph, heading or table
 *   cell), before and after the edits, no `[`, `]` or `<` comes before it
 *   while a `]`, `)` or `>` comes after it (no link text, destination or
 *   reference, HTML or autolink can start, end or change across it), and
 *   the word around it (no whitespace) has nothing a GFM autolink literal
 *   starts with (`@`, `www.`, `http://`, `https://`) and no `&` (a
 *   character reference).
 *
 * The chapter must be Markdown (MDX has `{…}` and JSX of its own) and well
 * within the parser's limits. Anything else is left to the parse: the fast
 * path only ever answers "safe", never "unsafe", and a differential test
 * holds that the parse agrees on every corpus fix it answers.
 */
import { defaultLimits, syntaxOf, type Chapter, type Edit } from '@tongwen/book';
import type { Nodes } from 'mdast';
import { offsetsOf } from './walk.js';

/** Node types whose children are the inline content of one block. */
const inlineContainers = new Set(['paragraph', 'heading', 'tableCell']);

/** What opens a link text, destination or reference, HTML or an autolink before an edit… */
const opener = /[[\]<]/;
/** … and what closes one after it. */
const closer = /[\])>]/;

/** A word holding what a GFM autolink literal starts with (the scan of `extensions.ts`) or a character reference. */
const wordPattern = /@|www\.|https?:\/\/|&/i;

/** ASCII punctuation an edit may remove or insert (none is Markdown syntax without a bracket or `&`). */
const inertPunctuation = new Set([...',.:;!?()\'"%']);

/** Whether an edit may remove or insert `char` (see the module comment). */
function isInert(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code === 0x20) return true;
  if (code < 0x80) return /[0-9A-Za-z]/.test(char) || inertPunctuation.has(char);
  return code >= 0xa0 && !/\s/u.test(char);
}

/** Whether `char` may stand beside an edit: not whitespace, not ASCII punctuation, not a control character. */
function isQuietNeighbour(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return /[0-9A-Za-z]/.test(char);
  return code >= 0xa0 && !/\s/u.test(char);
}

function allInert(text: string): boolean {
  for (const char of text) if (!isInert(char)) return false;
  return true;
}

function isLineEnd(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

/** What an ordered list marker is made of: an edit beside a space leaves these alone where a marker may start. */
const listMarker = /[0-9.)]/;

/** What may come before an ordered list marker on its line: container prefixes (`> `, `- `, `1. `) and indentation. */
const markerChars = ' \t>*+-0123456789.)';

/**
 * Whether a list marker may start at or before `offset`: everything on its
 * line before it is indentation or container syntax. An ordered list marker
 * (`1.`, `2)`) opens a line's content, so an edit with any other character
 * before it on its line can neither make one nor unmake one.
 */
function markerMayStart(source: string, offset: number): boolean {
  // Back to the line's start, stopping at the first character that is neither (a long line's edits each stop at once).
  for (let at = offset - 1; at >= 0 && !isLineEnd(source[at]); at--) {
    if (!markerChars.includes(source[at]!)) return false;
  }
  return true;
}

/**
 * Whether the characters beside `edit` (see the module comment) let it be
 * proved: quiet ones always; a space only when no two spaces meet after the
 * edit and no list marker can appear or go.
 */
function quietAround(source: string, edit: Edit): boolean {
  const left = source[edit.start - 1];
  const right = source[edit.end];
  const text = edit.text;
  const spaceLeft = left === ' ';
  const spaceRight = right === ' ';
  if (!(spaceLeft || isQuietNeighbour(left) || left === '`')) return false;
  // At a line end, the line must still end in a character that is not a space (a hard break).
  if (isLineEnd(right)) return text === '' ? !spaceLeft : !text.endsWith(' ') && !(listMarker.test(text) && markerMayStart(source, edit.start));
  if (!(spaceRight || isQuietNeighbour(right) || right === '`')) return false;
  if (!spaceLeft && !spaceRight) return true;
  if (text.includes('  ')) return false;
  if ((listMarker.test(text) || listMarker.test(source.slice(edit.start, edit.end))) && markerMayStart(source, edit.start)) return false;
  if (text === '') return !(spaceLeft && spaceRight);
  return !(spaceLeft && text.startsWith(' ')) && !(spaceRight && text.endsWith(' '));
}

/**
 * The innermost inline container (paragraph, heading, table cell) holding a
 * `text` node that holds `[from, to)`, by offsets; `undefined` when the
 * range is not inside one text node of one such container.
 */
function containerOf(tree: Nodes, from: number, to: number): { start: number; end: number } | undefined {
  return textHolding(tree, from, to)?.container;
}

/** The `text` node holding `[from, to)`, its siblings, and the innermost inline container around it (see {@link containerOf}). */
function textHolding(tree: Nodes, from: number, to: number): { container: { start: number; end: number }; siblings: readonly Nodes[]; index: number } | undefined {
  let node: Nodes = tree;
  let container: { start: number; end: number } | undefined;
  for (;;) {
    if (!('children' in node)) return undefined;
    const child = childHolding(node.children as Nodes[], from, to);
    if (!child) return undefined;
    if (inlineContainers.has(child.node.type)) container = child.offsets;
    if (child.node.type === 'text') return container && { container, siblings: node.children as Nodes[], index: child.index };
    node = child.node;
  }
}

/**
 * The inline container of an edit with a code span's backtick for a
 * neighbour (`` `docker` ，`` → `` `docker`，``): the edit and its other
 * neighbour are in the `text` node right beside the `inlineCode` node whose
 * backtick it is. Code spans bind before every other inline construct but
 * HTML and autolinks (left to {@link mayBeSpanned}), and pair backtick runs
 * by their lengths alone: inert characters removed or inserted beside a run
 * (never a backtick or a backslash) change no run, so no code span, and no
 * delimiter run, since neither neighbour is one.
 */
function containerBesideCode(tree: Nodes, source: string, edit: Edit): { start: number; end: number } | undefined {
  const codeLeft = source[edit.start - 1] === '`';
  const codeRight = source[edit.end] === '`';
  const from = codeLeft ? edit.start : edit.start - 1;
  const to = codeRight || isLineEnd(source[edit.end]) ? edit.end : edit.end + 1;
  // Between two code spans, removing what parts them would join their backtick runs.
  if ((codeLeft && codeRight) || from >= to) return undefined;
  const held = textHolding(tree, from, to);
  if (!held) return undefined;
  const before = held.siblings[held.index - 1];
  const after = held.siblings[held.index + 1];
  if (codeLeft && !(before?.type === 'inlineCode' && offsetsOf(before)?.end === edit.start)) return undefined;
  if (codeRight && !(after?.type === 'inlineCode' && offsetsOf(after)?.start === edit.end)) return undefined;
  return held.container;
}

/** The child whose offsets hold `[from, to)` (binary search: children are in source order). */
function childHolding(children: readonly Nodes[], from: number, to: number): { node: Nodes; index: number; offsets: { start: number; end: number } } | undefined {
  let lo = 0;
  let hi = children.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const offsets = offsetsOf(children[mid]!);
    if (!offsets) return undefined;
    if (offsets.end < to) lo = mid + 1;
    else hi = mid;
  }
  const node = children[lo];
  const offsets = node && offsetsOf(node);
  return node && offsets && offsets.start <= from && to <= offsets.end ? { node, index: lo, offsets } : undefined;
}

/** Where one edit is in a container's text before and after the container's edits (relative offsets). */
interface Placed {
  old: { start: number; end: number };
  new: { start: number; end: number };
}

/** A container's text before and after its edits (sorted, disjoint), and where each edit is in both. */
function editedContainer(source: string, start: number, end: number, edits: readonly Edit[]): { before: string; after: string; placed: Placed[] } {
  let after = '';
  let at = start;
  const placed: Placed[] = [];
  for (const edit of edits) {
    after += source.slice(at, edit.start);
    placed.push({ old: { start: edit.start - start, end: edit.end - start }, new: { start: after.length, end: after.length + edit.text.length } });
    after += edit.text;
    at = edit.end;
  }
  return { before: source.slice(start, end), after: after + source.slice(at, end), placed };
}

/** The first index at or after `from` in sorted `indices` (`indices.length` when none). */
function firstAtOrAfter(indices: readonly number[], from: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (indices[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The indices in `text` where `pattern` (global) matches, in order. */
function matchStarts(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((match) => match.index);
}

const anyOpener = new RegExp(opener.source, 'g');
const anyCloser = new RegExp(closer.source, 'g');
const anyWordPattern = new RegExp(wordPattern.source, 'gi');

/**
 * Whether a construct may span `[from, to)` of a container's text: an
 * opener (`[`, `]`, `<`) before it and a closer (`]`, `)`, `>`) in it or
 * after it (a link text, destination or reference, HTML, an autolink), or
 * a word around it (the run of non-whitespace characters around it, the
 * range itself included) that an autolink literal or a character reference
 * may be made of. The text is scanned once, however many edits it holds
 * (a paragraph of one long line may hold thousands).
 */
export function spannedIn(text: string): (from: number, to: number) => boolean {
  const openers = matchStarts(text, anyOpener);
  const closers = matchStarts(text, anyCloser);
  // A word pattern has no whitespace: it lies in one word, and a word holds one where the text does.
  const words = matchStarts(text, anyWordPattern);
  const spaces = matchStarts(text, /\s/g);
  return (from, to) => {
    const after = firstAtOrAfter(spaces, from);
    // The word starts after the last whitespace before `from` and ends at the first at or after `to`.
    const wordStart = after > 0 ? spaces[after - 1]! + 1 : 0;
    const next = spaces[firstAtOrAfter(spaces, to)] ?? text.length;
    const word = words[firstAtOrAfter(words, wordStart)];
    if (word !== undefined && word < next) return true;
    return (openers[0] ?? Number.POSITIVE_INFINITY) < from && (closers.at(-1) ?? -1) >= from;
  };
}

/**
 * Whether `edits` provably keep the shape of the Markdown around them (see
 * the module comment); `false` means "not proved here", not "unsafe".
 */
export function isInlineSafe(chapter: Chapter, edits: readonly Edit[]): boolean {
  if (edits.length === 0 || chapter.refused || syntaxOf(chapter.path) !== 'markdown') return false;
  const source = chapter.source;
  if (source.length * 2 > defaultLimits.maxProse) return false;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const byContainer = new Map<string, { start: number; end: number; edits: Edit[] }>();
  let previousEnd = -1;
  for (const edit of sorted) {
    if (edit.start <= previousEnd || edit.end < edit.start) return false;
    previousEnd = edit.end;
    if (!allInert(source.slice(edit.start, edit.end)) || !allInert(edit.text) || !quietAround(source, edit)) return false;
    // The neighbours are inside the same text node as the edit (a line end may close it).
    const besideCode = source[edit.start - 1] === '`' || source[edit.end] === '`';
    const container = besideCode ? containerBesideCode(chapter.tree, source, edit) : containerOf(chapter.tree, edit.start - 1, isLineEnd(source[edit.end]) ? edit.end : edit.end + 1);
    if (!container) return false;
    const key = `${container.start}:${container.end}`;
    const entry = byContainer.get(key) ?? { ...container, edits: [] };
    entry.edits.push(edit);
    byContainer.set(key, entry);
  }
  for (const { start, end, edits: inside } of byContainer.values()) {
    const { before, after, placed } = editedContainer(source, start, end, inside);
    const spannedBefore = spannedIn(before);
    const spannedAfter = spannedIn(after);
    for (const place of placed) {
      if (spannedBefore(place.old.start, place.old.end) || spannedAfter(place.new.start, place.new.end)) return false;
    }
  }
  return true;
}
