import type { Nodes } from 'mdast';

/**
 * The one tree walker: call `enter` on `node` and then on its descendants,
 * in document order. When `enter` returns `false`, the node's children are
 * not visited. An explicit stack, never recursion: a tree is as deep as its
 * input nests, so no depth of input can overflow the call stack.
 */
export function walk(node: Nodes, enter: (node: Nodes) => boolean | void): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (enter(current) === false || !('children' in current)) continue;
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
}
