/**
 * Mirrors whose editions are separate books (`content/zh-hans/SUMMARY.md`
 * and `content/zh-tw/SUMMARY.md`): one view of both, rooted where the
 * `mirrors` configuration is, so that the `mirror-…` rules see source and
 * mirror in one book model. Chapters are the loaded ones (parsed once),
 * renamed by their book's folder.
 */
import path from 'node:path';
import type { Book, Chapter } from '@tongwen/book';

/** Whether a book holds both folders of some mirror setting itself (then it is checked as it is). */
export function holdsMirrors(book: Book, mirrors: ReadonlyArray<{ source: string; mirror: string }>): boolean {
  const paths = [...book.chapters.keys()];
  const has = (folder: string): boolean => paths.some((file) => file.startsWith(`${folder.replace(/^\.\/|\/$/g, '')}/`));
  return mirrors.some((setting) => has(setting.source) && has(setting.mirror));
}

/** One book rooted at `root` holding the chapters of `books` (each under its folder from `root`). */
export function combineBooks(root: string, books: readonly Book[]): Book {
  const chapters = new Map<string, Chapter>();
  const files = new Set<string>();
  for (const book of books) {
    const prefix = path.relative(root, book.root).split(path.sep).join('/');
    if (prefix.startsWith('..') || path.isAbsolute(prefix)) continue;
    const under = (file: string): string => (prefix ? `${prefix}/${file}` : file);
    for (const [file, chapter] of book.chapters) {
      const renamed = Object.create(chapter) as Chapter;
      Object.defineProperty(renamed, 'path', { value: under(file), enumerable: true });
      chapters.set(under(file), renamed);
    }
    for (const file of book.files) files.add(under(file));
  }
  return { root, chapters, files, problems: [], slug: books[0]?.slug ?? 'github' };
}
