/**
 * Fix verification: the one place where every proposed fix is proved safe.
 *
 * A fix (a set of {@link Edit}s) is kept only when the Markdown around it
 * keeps its shape: the top-level blocks it touches are parsed alone before
 * and after the edits, and the two
 * trees must have the same node types and nesting, and the same code,
 * inline code, HTML and URL bytes (text values aside). A rule whose fix is
 * meant to change the tree declares it in `meta.fixChanges`:
 * `heading` (a paragraph may become a heading), `emphasis` (emphasis or
 * strong may appear), `url` (link and image targets may change) and `link`
 * (a link or image may appear); nothing else may change. So a fix never moves `**`
 * into a link, never turns the next line into a code block, never breaks a
 * heading, an image or inline code.
 *
 * Verification is batched: the engine verifies all the fixes of one chapter
 * together, region by region (one parse after the edits per region when
 * they agree), falls back to one fix at a time only in a region where they
 * do not, and keeps the shape of each region before any edit in the run's
 * cache, so a block is parsed again only when something in it is fixed.
 */
import { applyEdits, parseGuarded, syntaxOf, type Chapter, type ChapterSyntax, type Edit } from '@tongwen/book';
import type { Nodes, RootContent } from 'mdast';
import type { FixChange, RunCache } from './types.js';

/** A fix to verify, and the tree changes its rule may make. */
export interface FixCandidate {
  edits: readonly Edit[];
  allow?: readonly FixChange[];
}

interface Region {
  start: number;
  end: number;
}

/**
 * The source range of the top-level blocks the edits touch. A change that
 * would reach past them (an opened fence, an HTML block) changes the shape
 * of the touched blocks themselves, so no neighbour needs parsing.
 */
export function regionOf(chapter: Chapter, edits: readonly Edit[]): Region {
  const blocks = chapter.tree.children;
  let low = Infinity;
  let high = -Infinity;
  for (const edit of edits) {
    low = Math.min(low, edit.start);
    high = Math.max(high, edit.end);
  }
  const first = firstEndingAtOrAfter(blocks, low);
  let last = first;
  while (last + 1 < blocks.length && (blocks[last + 1]!.position?.start.offset ?? Infinity) <= high) last++;
  const start = blocks[first]?.position?.start.offset ?? low;
  const end = blocks[last]?.position?.end.offset ?? high;
  return { start: Math.min(start, low), end: Math.max(end, high) };
}

/** Index of the first block that ends at or after `offset` (binary search; `blocks.length` when none). */
function firstEndingAtOrAfter(blocks: readonly RootContent[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((blocks[mid]!.position?.end.offset ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The shape of a tree for verification: see the module comment. With
 * `heading` allowed, headings count as paragraphs and adjacent paragraphs
 * as one (`正文\n###小节` may become a paragraph and a heading).
 */
export function fixShape(node: Nodes, allow: readonly FixChange[] = []): string {
  const headings = allow.includes('heading');
  const out: string[] = [];
  const stack: Array<Nodes | string> = [node];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.type === 'text') continue;
    const flatten = (allow.includes('emphasis') && (item.type === 'emphasis' || item.type === 'strong')) || (allow.includes('link') && (item.type === 'link' || item.type === 'image'));
    const prose = headings && (item.type === 'paragraph' || item.type === 'heading');
    if (!flatten) out.push(prose ? '\u00b6[' : label(item, allow.includes('url')));
    if (!('children' in item)) continue;
    if (!flatten) {
      if (!prose) out.push('[');
      stack.push(prose ? ']\u00b6' : ']');
    }
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as Nodes);
  }
  const shape = out.join('');
  return headings ? shape.replaceAll(']\u00b6\u00b6[', '') : shape;
}

function label(node: Nodes, anyUrl: boolean): string {
  if ('value' in node) return `${node.type}(${JSON.stringify(node.value)})`;
  if ('url' in node) return anyUrl ? node.type : `${node.type}(${JSON.stringify(node.url)})`;
  if ('identifier' in node) return `${node.type}(${JSON.stringify(node.identifier)})`;
  return node.type;
}

/** Shape of a source text, or `undefined` when it cannot be parsed within the limits. */
function shapeOfText(text: string, allow: readonly FixChange[], syntax: ChapterSyntax): string | undefined {
  const { tree, refused } = parseGuarded(text, syntax);
  return refused ? undefined : fixShape(tree, allow);
}

type ShapeMemo = Map<string, string | undefined>;

function memoOf(chapter: Chapter, cache: RunCache | undefined): ShapeMemo {
  if (!cache) return new Map();
  // Keyed by the chapter object: a fixed chapter is a new object with new regions.
  const memo = cache.memo('tongwen:fix-shapes', () => new WeakMap<Chapter, ShapeMemo>());
  let shapes = memo.get(chapter);
  if (!shapes) memo.set(chapter, (shapes = new Map()));
  return shapes;
}

/** Whether `edits` leave the shape of their region unchanged (beyond what `allow` permits). */
function verifyInRegion(chapter: Chapter, region: Region, edits: readonly Edit[], allow: readonly FixChange[], memo: ShapeMemo): boolean {
  if (edits.some((edit) => edit.start < region.start || edit.end > region.end)) return false;
  const slice = chapter.source.slice(region.start, region.end);
  const key = `${region.start}:${region.end}:${allow.join(',')}`;
  const syntax = syntaxOf(chapter.path);
  if (!memo.has(key)) memo.set(key, shapeOfText(slice, allow, syntax));
  const before = memo.get(key);
  if (before === undefined) return false;
  const signature = `${key}|${[...edits].sort((a, b) => a.start - b.start || a.end - b.end).map((edit) => `${edit.start},${edit.end},${edit.text}`).join('|')}`;
  if (!memo.has(signature)) {
    let after: string | undefined;
    try {
      after = applyEdits(slice, edits.map((edit) => ({ start: edit.start - region.start, end: edit.end - region.start, text: edit.text })));
    } catch {
      after = undefined;
    }
    // The fix loop verifies the fixes it chose again: the same edits are not parsed twice.
    memo.set(signature, after === undefined ? undefined : shapeOfText(after, allow, syntax));
  }
  const after = memo.get(signature);
  return after !== undefined && after === before;
}

/** Whether one fix keeps the shape of the Markdown around it (see the module comment). */
export function verifyFix(chapter: Chapter, edits: readonly Edit[], allow: readonly FixChange[] = [], cache?: RunCache): boolean {
  if (edits.length === 0) return true;
  return verifyInRegion(chapter, regionOf(chapter, edits), edits, allow, memoOf(chapter, cache));
}

/**
 * The candidates whose fixes are kept, by index: in each region, all of
 * them when they verify together, else each one that verifies alone.
 * Candidates whose edits overlap one another are verified alone.
 */
export function verifyFixes(chapter: Chapter, candidates: readonly FixCandidate[], cache?: RunCache): Set<number> {
  const memo = memoOf(chapter, cache);
  const kept = new Set<number>();
  const groups = new Map<string, { region: Region; members: number[] }>();
  candidates.forEach((candidate, index) => {
    if (candidate.edits.length === 0) return;
    const region = regionOf(chapter, candidate.edits);
    // Only fixes allowed the same changes are verified together.
    const key = `${region.start}:${region.end}:${[...(candidate.allow ?? [])].sort().join(',')}`;
    const group = groups.get(key);
    if (group) group.members.push(index);
    else groups.set(key, { region, members: [index] });
  });
  for (const { region, members } of groups.values()) {
    const allow = candidates[members[0]!]!.allow ?? [];
    const together = members.flatMap((i) => candidates[i]!.edits);
    if (members.length > 1 && disjoint(together) && verifyInRegion(chapter, region, together, allow, memo)) {
      for (const i of members) kept.add(i);
      continue;
    }
    for (const i of members) if (verifyInRegion(chapter, region, candidates[i]!.edits, candidates[i]!.allow ?? [], memo)) kept.add(i);
  }
  return kept;
}

/** Whether edits neither overlap nor insert twice at one place. */
export function disjoint(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const edit = sorted[i]!;
    if (edit.start < previous.end || (edit.start === previous.start && edit.start === edit.end)) return false;
  }
  return true;
}
