/**
 * Every contents list of a book in one place: the main one (`contents`) and
 * the others (`moreContents`: `TOC-*.md` beside `TOC.md`, the configured
 * list or glob). Each rule that reasons about the contents reads them here.
 */
import type { Book, Contents } from './types.js';

/** The book's contents lists, the main one first; empty for a book without one. */
export function contentsListsOf(book: Pick<Book, 'contents' | 'moreContents'>): Contents[] {
  return book.contents ? [book.contents, ...(book.moreContents ?? [])] : [...(book.moreContents ?? [])];
}

/** Whether the file at `path` is one of the book's contents lists. */
export function isContentsList(book: Pick<Book, 'contents' | 'moreContents'>, path: string): boolean {
  return contentsListsOf(book).some((contents) => contents.path === path);
}
