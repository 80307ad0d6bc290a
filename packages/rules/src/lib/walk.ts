import type { Nodes } from 'mdast';

/**
 * Call `enter` on `node` and then on its descendants, in document order.
 * When `enter` returns `false`, the node's children are not visited.
 */
export function walk(node: Nodes, enter: (node: Nodes) => boolean | void): void {
  // An explicit stack, not recursion: a tree is as deep as its input nests.
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (enter(current) === false || !('children' in current)) continue;
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
}

/** The 0-based source offsets of a node, or undefined when it has no position. */
export function offsetsOf(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}
