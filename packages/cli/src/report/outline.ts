import path from 'node:path';
import type { Book, ContentsEntry } from '@tongwen/book';
import type { ReportBook, ReportNode } from '@tongwen/report';

const join = (prefix: string, file: string) => (prefix ? `${prefix}/${file}` : file);

function entryNode(entry: ContentsEntry, prefix: string): ReportNode {
  const file = entry.path && entry.kind !== 'draft' ? join(prefix, entry.path) : undefined;
  return { kind: file ? 'chapter' : 'text', title: entry.title, ...(file ? { file } : {}), children: [] };
}

/** The contents entries as a tree: parts at the top (when the book has parts), entries nested by depth. */
export function contentsTree(entries: readonly ContentsEntry[], prefix: string): ReportNode[] {
  const top: ReportNode[] = [];
  let part: ReportNode | undefined;
  // stack[d] is the last node at depth d under the current part.
  let stack: ReportNode[] = [];
  for (const entry of entries) {
    if (entry.part !== undefined && entry.part !== part?.title) {
      part = { kind: 'part', title: entry.part, children: [] };
      top.push(part);
      stack = [];
    } else if (entry.part === undefined && part) {
      part = undefined;
      stack = [];
    }
    const node = entryNode(entry, prefix);
    const depth = Math.min(entry.depth, stack.length);
    const parent = depth > 0 ? stack[depth - 1] : undefined;
    (parent ? parent.children : part ? part.children : top).push(node);
    stack = [...stack.slice(0, depth), node];
  }
  return top;
}

/** The outline of a checked book for reports: its title (else its folder's name), its contents tree and the chapters outside it. */
export function bookOutline(book: Book, prefix: string): ReportBook {
  const contents = book.contents;
  const listed = new Set<string>(contents ? [contents.path] : []);
  for (const entry of contents?.entries ?? []) if (entry.path) listed.add(entry.path);
  const orphans = [...book.chapters.keys()].filter((file) => !listed.has(file)).sort().map((file) => join(prefix, file));
  return {
    prefix,
    title: contents?.title ?? path.basename(book.root),
    ...(contents ? { contents: join(prefix, contents.path) } : {}),
    nodes: contents ? contentsTree(contents.entries, prefix) : [],
    orphans: contents ? orphans : [],
  };
}
