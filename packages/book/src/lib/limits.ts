/**
 * Input limits of the chapter parser: what a chapter may be before it is
 * parsed at all. Above them a chapter is refused (its tree is empty and
 * {@link Chapter.refused} says why), so that one hostile or broken file can
 * neither end the run (stack overflow, out of memory) nor stall it
 * (micromark's container handling costs quadratic time in nesting depth).
 *
 * | limit | value | why |
 * |---|---|---|
 * | size | 32 MiB of text | reading and splitting lines stays bounded |
 * | prose | 2 MiB of text outside fenced code | a check costs ~0.5 GB of memory per MB of dense prose |
 * | container nesting | 32 levels of `>` and lists | 100 nested list levels take ~1.5 s to parse, 500 take ~40 s |
 * | tree depth | 256 levels | every walk of the tree stays far from the stack limit |
 *
 * The scans are linear and never recurse.
 */
import type { Root } from 'mdast';
import type { Nodes } from 'mdast';

/** Limits of {@link inputProblem} and {@link treeProblem}. */
export interface ParseLimits {
  /** Largest chapter, in UTF-16 code units. Default 32 MiB (33,554,432). */
  maxLength: number;
  /** Most text outside fenced code blocks, in UTF-16 code units. Default 2 MiB (2,097,152). */
  maxProse: number;
  /** Deepest nesting of block quotes and lists. Default 32. */
  maxNesting: number;
  /** Deepest syntax tree. Default 256. */
  maxDepth: number;
}

/** The default limits. */
export const defaultLimits: Readonly<ParseLimits> = Object.freeze({ maxLength: 32 * 1024 * 1024, maxProse: 2 * 1024 * 1024, maxNesting: 32, maxDepth: 256 });

/** Why a chapter is refused before parsing (size, nesting), or `undefined`. */
export function inputProblem(text: string, limits: ParseLimits = defaultLimits): string | undefined {
  if (text.length > limits.maxLength) {
    return `the chapter is ${text.length.toLocaleString('en')} characters long, expected at most ${limits.maxLength.toLocaleString('en')}`;
  }
  const nesting = maxNesting(text, limits.maxNesting);
  if (nesting.prose > limits.maxProse) {
    return `the chapter has ${nesting.prose.toLocaleString('en')} characters outside code blocks, expected at most ${limits.maxProse.toLocaleString('en')}`;
  }
  if (nesting.depth > limits.maxNesting) {
    return `block quotes and lists are nested more than ${limits.maxNesting} levels deep on line ${nesting.line}, expected at most ${limits.maxNesting}`;
  }
  return undefined;
}

const quoteOrList = /^[ \t]{0,3}(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/;

/**
 * An estimate of the container nesting of each line outside fenced code:
 * the `>`s and list markers at its start, plus, on a list item's line, one
 * level per four columns of indentation; and how many characters are
 * outside fenced code. Stops early when the nesting passes `limit`.
 */
export function maxNesting(text: string, limit = Infinity): { depth: number; line: number; prose: number } {
  let best = { depth: 0, line: 1 };
  let prose = 0;
  let fence: string | undefined;
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const content = text.slice(start, end);
    start = end + 1;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(content);
    if (fenceMatch) {
      if (fence === undefined) fence = fenceMatch[1]![0];
      else if (fenceMatch[1]![0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    prose += content.length;
    if (content.trim() === '') continue;
    const depth = lineNesting(content);
    if (depth.value > best.depth) {
      best = { depth: depth.value, line };
      if (best.depth > limit) return { ...best, prose };
    }
    if (end === text.length) break;
  }
  return { ...best, prose };
}

function lineNesting(content: string): { value: number; list: boolean } {
  let value = 0;
  let list = false;
  let rest = content;
  let indent = 0;
  for (;;) {
    const spaces = /^[ \t]*/.exec(rest)![0];
    indent += spaces.replace(/\t/g, '    ').length;
    rest = rest.slice(spaces.length);
    const match = quoteOrList.exec(rest);
    if (!match) break;
    if (match[0].startsWith('>')) rest = rest.slice(1);
    else {
      list = true;
      rest = rest.slice(match[0].length);
    }
    value++;
  }
  // A nested list item is written with its marker indented: four columns count as one more level.
  if (list) value += Math.floor(indent / 4);
  return { value, list };
}

/** The depth of a tree (the root is 1), measured without recursion; stops early past `limit`. */
export function treeDepth(tree: Root, limit = Infinity): number {
  let deepest = 0;
  const stack: Array<[Nodes, number]> = [[tree, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
  return deepest;
}
