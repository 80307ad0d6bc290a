/**
 * The language of the list or table a block of prose stands in: a list
 * item or table cell that holds only Latin names (`GitHub：yeasy`,
 * `Vue.js：Evan You`) is part of a Chinese list when its siblings are
 * Chinese, and its punctuation follows theirs.
 */
import type { Chapter } from '@tongwen/book';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Parent } from 'mdast';
import { hanPattern, type Stream } from './text.js';
import type { RunCache } from './types.js';
import { walk } from './walk.js';

/** The parent of every node of a chapter's tree, built once per chapter and run. */
function parentsOf(chapter: Chapter, cache: RunCache | undefined): Map<Nodes, Parent> {
  const build = (): Map<Nodes, Parent> => {
    const parents = new Map<Nodes, Parent>();
    walk(chapter.tree as Nodes, (node) => {
      if ('children' in node) for (const child of node.children as Nodes[]) parents.set(child, node as Parent);
    });
    return parents;
  };
  if (!cache) return build();
  const memo = cache.memo('tongwen:parents', () => new WeakMap<Chapter, Map<Nodes, Parent>>());
  let parents = memo.get(chapter);
  if (!parents) memo.set(chapter, (parents = build()));
  return parents;
}

/** Whether at least half of `nodes` hold Chinese text. */
function mostlyChinese(nodes: readonly Nodes[]): boolean {
  const han = nodes.filter((node) => hanPattern.test(toString(node))).length;
  return nodes.length > 0 && han * 2 >= nodes.length;
}

/**
 * Whether the stream is a table cell of a Chinese table (its row or the
 * header row holds Chinese) or a paragraph of a list item in a Chinese list
 * (at least half of its items hold Chinese).
 */
export function inChineseContainer(chapter: Chapter, stream: Stream, cache?: RunCache): boolean {
  const parents = parentsOf(chapter, cache);
  if (stream.block.type === 'tableCell') {
    const row = parents.get(stream.block as Nodes);
    const table = row && parents.get(row as Nodes);
    const header = table?.children[0];
    return [row, header].some((node) => node !== undefined && hanPattern.test(toString(node)));
  }
  const item = parents.get(stream.block as Nodes);
  if (item?.type !== 'listItem') return false;
  const list = parents.get(item as Nodes);
  return list !== undefined && mostlyChinese(list.children as Nodes[]);
}
