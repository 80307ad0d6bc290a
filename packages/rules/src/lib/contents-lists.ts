import type { Book, Contents } from '@tongwen/book';

/** Every contents list of a book: the main one, then its `moreContents`. */
export function contentsLists(book: Pick<Book, 'contents' | 'moreContents'>): Contents[] {
  return [...(book.contents ? [book.contents] : []), ...(book.moreContents ?? [])];
}
