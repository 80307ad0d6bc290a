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
 * The region before any edit is mostly not parsed at all: where its blocks
 * read alone are what they are in the chapter (see {@link chapterBlocks}),
 * its shape is read from the chapter's own tree.
 * Edits in prose that no Markdown construct can span are proved without
 * parsing at all (`inline-safe.ts`).
 */
import { applyEdits, inputProblem, nonOverlapping, parseGuarded, syntaxOf, type Chapter, type ChapterSyntax, type Edit } from '@tongwen/book';
import type { Nodes, Root, RootContent } from 'mdast';
import { isInlineSafe } from './inline-safe.js';
import type { FixChange, RunCache } from './types.js';

/** A fix to verify, and the tree changes its rule may make. */
export interface FixCandidate {
  edits: readonly Edit[];
  allow?: readonly FixChange[];
}

/** A source range: 0-based UTF-16 offsets, `end` exclusive. */
export interface Region {
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

/**
 * One parse of a region's text, before or after some edits: the shapes asked
 * of it so far (by the changes they allow) and how many nodes of each type
 * it has. The tree itself is kept only for the last few parses (the same
 * text is usually asked again at once under other allowed changes), so the
 * memory a run keeps per fix is a few strings.
 */
interface Parsed {
  shapes: Map<string, string>;
  counts: Map<string, number>;
  tree?: Nodes;
}

interface ShapeMemo {
  /** Parses by region and edits; `null` when the text cannot be parsed within the limits. */
  parsed: Map<string, Parsed | null>;
  /** Parses still holding their tree, oldest first. */
  withTree: Parsed[];
  /** The chapter's syntax (Markdown or MDX): every region is parsed as its chapter is. */
  syntax: ChapterSyntax;
  /** Offsets of the chapter's `]:` (where a definition may be), found when first asked. */
  labelEnds?: number[];
}

/** How many parsed trees a chapter's memo keeps at a time. */
const treesKept = 32;

function memoOf(chapter: Chapter, cache: RunCache | undefined): ShapeMemo {
  const fresh = (): ShapeMemo => ({ parsed: new Map(), withTree: [], syntax: syntaxOf(chapter.path) });
  if (!cache) return fresh();
  // Keyed by the chapter object: a fixed chapter is a new object with new regions.
  const memo = cache.memo('tongwen:fix-shapes', () => new WeakMap<Chapter, ShapeMemo>());
  let shapes = memo.get(chapter);
  if (!shapes) memo.set(chapter, (shapes = fresh()));
  return shapes;
}

/**
 * The parse of `text` under `key`, parsing only when it was never parsed, or
 * when `needTree` and its tree was let go; `null` when the text is beyond
 * the parser's limits. `own` gives the tree without parsing where the
 * chapter's tree has it ({@link chapterBlocks}).
 */
function parseOnce(memo: ShapeMemo, key: string, text: () => string | undefined, needTree: boolean, own?: () => Root | undefined): Parsed | null {
  const known = memo.parsed.get(key);
  if (known === null || (known && (known.tree || !needTree))) return known;
  const tree = own?.() ?? parsedTree(text(), memo.syntax);
  if (!tree) {
    memo.parsed.set(key, null);
    return null;
  }
  const parsed: Parsed = known ?? { shapes: new Map(), counts: typeCounts(tree) };
  parsed.tree = tree;
  memo.parsed.set(key, parsed);
  memo.withTree.push(parsed);
  if (memo.withTree.length > treesKept) delete memo.withTree.shift()!.tree;
  return parsed;
}

/** The tree of a parse of `text` alone, `undefined` when there is no text (edits that conflict) or it is beyond the parser's limits. */
function parsedTree(text: string | undefined, syntax: ChapterSyntax): Root | undefined {
  if (text === undefined) return undefined;
  const guarded = parseGuarded(text, syntax);
  return guarded.refused ? undefined : guarded.tree;
}

/**
 * The region's blocks as the chapter's tree has them, when a parse of the
 * region's text alone gives the same tree (positions aside): the region is
 * whole top-level blocks of a Markdown chapter, starting a line (a cut
 * inside a line changes the indentation its later lines are read with),
 * not at a front-matter fence (`---` or `+++` start only the chapter's front
 * matter), within the parser's limits; and when it has a `[`, the chapter
 * has no `]:` outside it (a definition elsewhere makes a reference of
 * `[x]`, which alone is text). Otherwise `undefined`: the region is parsed.
 * Top-level blocks end where their own text ends, so what follows them
 * cannot change them (tested on every block of every corpus chapter).
 * `labelEnds` gives the offsets, ascending, of the chapter's `]:` (see {@link labelEndsOf}).
 */
export function chapterBlocks(chapter: Chapter, region: Region, labelEnds: () => readonly number[] = () => labelEndsOf(chapter.source)): Root | undefined {
  const { source } = chapter;
  const { start, end } = region;
  if (syntaxOf(chapter.path) !== 'markdown' || (start > 0 && source.charCodeAt(start - 1) !== 10)) return undefined;
  const blocks = chapter.tree.children;
  const first = firstEndingAtOrAfter(blocks, start);
  if (blocks[first]?.position?.start.offset !== start) return undefined;
  let last = first;
  while (last < blocks.length && (blocks[last]!.position?.end.offset ?? Infinity) < end) last++;
  if (blocks[last]?.position?.end.offset !== end) return undefined;
  const text = source.slice(start, end);
  if (start > 0 && (text.startsWith('---') || text.startsWith('+++'))) return undefined;
  if (text.includes('[') && definitionOutside(labelEnds(), start, end)) return undefined;
  if (inputProblem(text)) return undefined;
  return { type: 'root', children: blocks.slice(first, last + 1) };
}

/** Whether a `]:` of the ascending `labelEnds` lies outside `[start, end)`: its first or its last. */
function definitionOutside(labelEnds: readonly number[], start: number, end: number): boolean {
  return labelEnds.length > 0 && (labelEnds[0]! < start || labelEnds[labelEnds.length - 1]! + 2 > end);
}

/** The chapter's own blocks for a region (see {@link chapterBlocks}), its `]:` offsets found once per chapter. */
function ownBlocks(memo: ShapeMemo, chapter: Chapter, region: Region): () => Root | undefined {
  return () => chapterBlocks(chapter, region, () => (memo.labelEnds ??= labelEndsOf(chapter.source)));
}

/** Offsets of every `]:` of a text (where a definition or footnote definition may end its label). */
export function labelEndsOf(source: string): number[] {
  const offsets: number[] = [];
  for (let at = source.indexOf(']:'); at >= 0; at = source.indexOf(']:', at + 1)) offsets.push(at);
  return offsets;
}

/** The shape of a parse under `allow`; parses again only when its tree was let go and this shape was never asked. */
function shapeOf(memo: ShapeMemo, key: string, text: () => string | undefined, allow: readonly FixChange[], own?: () => Root | undefined): string | undefined {
  const allowKey = [...allow].sort().join(',');
  const known = memo.parsed.get(key)?.shapes.get(allowKey);
  if (known !== undefined) return known;
  const parsed = parseOnce(memo, key, text, true, own);
  if (parsed === null) return undefined;
  const shape = fixShape(parsed.tree!, allow);
  parsed.shapes.set(allowKey, shape);
  return shape;
}

/** How many nodes of each type a tree has. */
function typeCounts(tree: Nodes): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return counts;
}

/** The memo keys and texts of a region before and after `edits`. */
function regionTexts(chapter: Chapter, region: Region, edits: readonly Edit[]): { before: string; after: string; slice: () => string; edited: () => string | undefined } {
  const before = `${region.start}:${region.end}`;
  const after = `${before}|${[...edits].sort((a, b) => a.start - b.start || a.end - b.end).map((edit) => `${edit.start},${edit.end},${edit.text}`).join('|')}`;
  const slice = (): string => chapter.source.slice(region.start, region.end);
  const edited = (): string | undefined => {
    try {
      return applyEdits(slice(), edits.map((edit) => ({ start: edit.start - region.start, end: edit.end - region.start, text: edit.text })));
    } catch {
      return undefined;
    }
  };
  return { before, after, slice, edited };
}

/** Whether `edits` leave the shape of their region unchanged (beyond what `allow` permits). */
function verifyInRegion(chapter: Chapter, region: Region, edits: readonly Edit[], allow: readonly FixChange[], memo: ShapeMemo): boolean {
  if (edits.some((edit) => edit.start < region.start || edit.end > region.end)) return false;
  // Edits inside prose that no construct can span are safe without parsing (`inline-safe.ts`).
  if (isInlineSafe(chapter, edits)) return true;
  const texts = regionTexts(chapter, region, edits);
  const before = shapeOf(memo, texts.before, texts.slice, allow, ownBlocks(memo, chapter, region));
  if (before === undefined) return false;
  // The same edits (the rule's own check, the engine's batch, the fix loop) are parsed once.
  const after = shapeOf(memo, texts.after, texts.edited, allow);
  return after !== undefined && after === before;
}

/**
 * How many nodes of `type` the blocks that `edits` touch have before and
 * after the edits (`undefined` when either cannot be parsed). The parses are
 * the ones {@link verifyFix} uses, so a rule that asks "does my fix render?"
 * and then verifies it parses the region once.
 */
export function countInRegion(chapter: Chapter, edits: readonly Edit[], type: Nodes['type'], cache?: RunCache): { before: number; after: number } | undefined {
  const region = regionOf(chapter, edits);
  if (edits.some((edit) => edit.start < region.start || edit.end > region.end)) return undefined;
  const memo = memoOf(chapter, cache);
  const texts = regionTexts(chapter, region, edits);
  const before = parseOnce(memo, texts.before, texts.slice, false, ownBlocks(memo, chapter, region));
  const after = parseOnce(memo, texts.after, texts.edited, false);
  if (before === null || after === null) return undefined;
  return { before: before.counts.get(type) ?? 0, after: after.counts.get(type) ?? 0 };
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
  return nonOverlapping(edits).length === edits.length;
}
