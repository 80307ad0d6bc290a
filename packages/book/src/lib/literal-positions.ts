/**
 * Positions for the nodes that GFM's autolink-literal tree transform splits
 * out of a text node (`见 <https：//www.example.com>`: the tokenizer leaves
 * `www.` after `/` as text, and the transform's find-and-replace makes a
 * text, a link and a text of it, with no positions). Rules report by
 * position, so a defect in such text went unreported. A run of such nodes
 * gets positions only where the source between the positioned nodes around
 * it is exactly the run's text (escapes, entities or a line's indentation
 * make it differ: the run is then left as the transform made it).
 */
import type { Nodes, Root } from 'mdast';
import { lineStartsOf, rangeAt } from './position.js';

type Parent = Extract<Nodes, { children: unknown }>;

/** The source text of a node the transform makes: a text, or a link of texts. */
function literalText(node: Nodes): string | undefined {
  if (node.type === 'text') return node.value;
  if (node.type !== 'link') return undefined;
  let text = '';
  for (const child of node.children) {
    if (child.type !== 'text') return undefined;
    text += child.value;
  }
  return text;
}

/** Place the runs of positionless children of every parent in `tree` (see the module's doc); `tree` is changed in place. */
export function placeSplitLiterals(tree: Root, source: string): Root {
  let lineStarts: number[] | undefined;
  const visit = (parent: Parent): void => {
    const children = parent.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.position) {
        if ('children' in child) visit(child as Parent);
        continue;
      }
      // A run of positionless nodes, between positioned siblings (or a paragraph's own edges, which are its text's).
      let end = i;
      while (end < children.length && !children[end]!.position) end++;
      const before = i > 0 ? children[i - 1]!.position?.end.offset : parent.type === 'paragraph' ? parent.position?.start.offset : undefined;
      const after = end < children.length ? children[end]!.position?.start.offset : parent.type === 'paragraph' ? parent.position?.end.offset : undefined;
      const texts = children.slice(i, end).map(literalText);
      if (before !== undefined && after !== undefined && texts.every((text) => text !== undefined) && source.slice(before, after) === texts.join('')) {
        lineStarts ??= lineStartsOf(source);
        let offset = before;
        for (let k = i; k < end; k++) {
          const node = children[k]!;
          const next = offset + texts[k - i]!.length;
          node.position = rangeAt(lineStarts, offset, next);
          if (node.type === 'link') for (const text of node.children) text.position = rangeAt(lineStarts, offset, next);
          offset = next;
        }
      }
      i = end - 1;
    }
  };
  visit(tree);
  return tree;
}
