import type { Finding } from '@tongwen/book';
import { displayPath } from '../paths.js';
import type { FormatContext, ReportBook, ReportMirror, ReportNode } from '../types.js';
import { addCounts, countBy, countsHtml, emptyCounts, health, type Counts } from './counts.js';
import { esc } from './escape.js';

/** What rendering a tree needs: counts per file and the mirrors per file. */
export interface TreeData {
  byFile: Map<string, Counts>;
  mirrors: Map<string, ReportMirror[]>;
  hasMirrors: boolean;
  context: FormatContext;
  /** Prefix of the book being drawn: paths in the tree are shown from the book root. */
  bookPrefix: string;
}

export function treeData(findings: readonly Finding[], context: FormatContext): TreeData {
  const mirrors = new Map<string, ReportMirror[]>();
  for (const mirror of context.mirrors ?? []) mirrors.set(mirror.file, [...(mirrors.get(mirror.file) ?? []), mirror]);
  return { byFile: countBy(findings, (f) => f.file), mirrors, hasMirrors: mirrors.size > 0, context, bookPrefix: '' };
}

/** Counts of a node and everything under it. */
export function subtreeCounts(node: ReportNode, data: TreeData): Counts {
  const counts = emptyCounts();
  if (node.file) addCounts(counts, data.byFile.get(node.file) ?? emptyCounts());
  for (const child of node.children) addCounts(counts, subtreeCounts(child, data));
  return counts;
}

function mirrorsHtml(file: string | undefined, data: TreeData): string {
  if (!data.hasMirrors) return '';
  const cells = (file ? (data.mirrors.get(file) ?? []) : []).map((m) => `<span class="mirror ${m.state}" title="${esc(displayPath(data.context, m.mirror))}">${esc(m.label)} ${m.state === 'in-step' ? 'in step' : m.state}</span>`);
  return `<span class="mirrors">${cells.join('')}</span>`;
}

/** The row of a chapter: title (filters the findings to it), path, own counts, mirrors. */
function rowHtml(title: string, file: string | undefined, counts: Counts, data: TreeData): string {
  const shown = file ? file.slice(data.bookPrefix.length ? data.bookPrefix.length + 1 : 0) : '';
  const name = file
    ? `<a class="title" href="#findings" data-filter="chapter" data-value="${esc(file)}">${esc(title)}</a> <span class="path">${esc(shown)}</span>`
    : `<span class="title">${esc(title)}</span>`;
  return `<div class="row"><span class="dot ${health(counts)}" aria-hidden="true"></span>${name}${countsHtml(counts)}${mirrorsHtml(file, data)}</div>`;
}

function nodeHtml(node: ReportNode, data: TreeData): string {
  const all = subtreeCounts(node, data);
  const children = node.children.length ? `<ul>${node.children.map((child) => nodeHtml(child, data)).join('')}</ul>` : '';
  if (node.kind === 'part') {
    return `<li class="part"><details open><summary><span class="dot ${health(all)}" aria-hidden="true"></span><span class="title">${esc(node.title)}</span>${countsHtml(all)}</summary>${children}</details></li>`;
  }
  const own = node.file ? (data.byFile.get(node.file) ?? emptyCounts()) : emptyCounts();
  return `<li class="node ${health(all)}">${rowHtml(node.title, node.file, own, data)}${children}</li>`;
}

/** A group of plain files (orphans, other files) as a collapsible part. */
function groupHtml(title: string, files: readonly string[], data: TreeData): string {
  const nodes: ReportNode[] = files.map((file) => ({ kind: 'chapter', title: file.slice(file.lastIndexOf('/') + 1), file, children: [] }));
  return nodeHtml({ kind: 'part', title: `${title} (${files.length})`, children: nodes }, data);
}

/** Files with findings that are in no tree: the contents files, files outside every book. */
export function otherFiles(books: readonly ReportBook[], data: TreeData): string[] {
  const inTree = new Set<string>();
  const visit = (node: ReportNode): void => {
    if (node.file) inTree.add(node.file);
    node.children.forEach(visit);
  };
  for (const book of books) {
    book.nodes.forEach(visit);
    book.orphans.forEach((file) => inTree.add(file));
  }
  return [...data.byFile.keys()].filter((file) => !inTree.has(file)).sort();
}

/** The contents tree of one book, orphans in their own group. */
export function bookTreeHtml(book: ReportBook, data: TreeData): string {
  const heading = book.title ?? (book.prefix || 'Book');
  const contents = book.contents ? ` <span class="path">${esc(displayPath(data.context, book.contents))}</span>` : '';
  const orphans = book.orphans.length ? groupHtml('Not in the contents', book.orphans, { ...data, bookPrefix: book.prefix }) : '';
  const inBook = { ...data, bookPrefix: book.prefix };
  return `<section class="book"><h3>${esc(heading)}${contents}</h3><ul class="tree">${book.nodes.map((node) => nodeHtml(node, inBook)).join('')}${orphans}</ul></section>`;
}

/** Every book's tree, then the other files with findings. */
export function treesHtml(books: readonly ReportBook[], data: TreeData): string {
  const others = otherFiles(books, data);
  const rest = others.length ? `<ul class="tree">${groupHtml(books.length ? 'Other files' : 'Files', others, data)}</ul>` : '';
  const head = data.hasMirrors ? '<p class="legend">Mirrors are shown after the counts of each chapter.</p>' : '';
  return `${head}${books.map((book) => bookTreeHtml(book, data)).join('')}${rest}`;
}
