import type { Nodes } from 'mdast';

/**
 * Call `enter` on `node` and then on its descendants, in document order.
 * When `enter` returns `false`, the node's children are not visited.
 */
export function walk(node: Nodes, enter: (node: Nodes) => boolean | void): void {
  if (enter(node) === false) return;
  if ('children' in node) for (const child of node.children) walk(child as Nodes, enter);
}

/** The 0-based source offsets of a node, or undefined when it has no position. */
export function offsetsOf(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}
