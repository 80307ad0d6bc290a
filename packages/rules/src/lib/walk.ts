import type { Nodes } from 'mdast';

/** The one tree walker lives in @tongwen/book (every package reads trees). */
export { walk } from '@tongwen/book';

/** The 0-based source offsets of a node, or undefined when it has no position. */
export function offsetsOf(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}
