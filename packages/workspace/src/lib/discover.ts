/** Which books a path holds, or belongs to. */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { configFolder } from './config.js';
import { findContentsFile, hasOtherMarkdown, isFolder } from './contents.js';
import { gitTop } from './list.js';

/** Where a book is and how to read it. */
export interface BookSpec {
  /** Absolute path of the book root (the folder of the contents list). */
  root: string;
  /** Contents list from the root, if the book has one. */
  contents?: string;
  grammar?: 'auto' | 'gitbook' | 'mdbook';
  /** Globs (from the root) of more contents lists (configured `contents` list or glob; `TOC-*.md` beside `TOC.md`). */
  moreContents?: string[];
}

/** Options of {@link discoverBooks}. */
export interface DiscoverOptions {
  /** The configured contents list (from each candidate folder). */
  contents?: string;
  grammar?: 'auto' | 'gitbook' | 'mdbook';
}

/** Folder names never searched for books. */
const skippedFolders = new Set(['node_modules', '_book']);

/**
 * Find the books under `target`: a folder with a contents list is a book; a
 * folder with `book.toml` is an mdBook whose root is `src/`; otherwise its
 * sub-folders are searched (3 levels). A folder with no contents list
 * anywhere is one book without a contents list. A file belongs to the book
 * found by {@link bookOfFile}.
 */
export function discoverBooks(target: string, options: DiscoverOptions = {}): BookSpec[] {
  if (!isFolder(target)) return [bookOfFile(target, options)];
  const found: BookSpec[] = [];
  const search = (dir: string, depth: number): void => {
    const spec = bookAt(dir, options);
    if (spec) {
      found.push(spec);
      return;
    }
    if (depth === 0) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !skippedFolders.has(entry.name)) search(path.join(dir, entry.name), depth - 1);
    }
  };
  const root = path.resolve(target);
  search(root, 3);
  return found.length > 0 ? found : [{ root }];
}

/**
 * The book of a file: the nearest folder above it with a real contents list
 * or a configuration file, up to the top of the git work tree. A lower-case
 * `summary.md` among other chapters, in a folder whose ancestor has a
 * contents list, is a chapter (本章小结), not a book's contents. With
 * neither, the file's own folder is a book without a contents list.
 */
export function bookOfFile(file: string, options: DiscoverOptions = {}): BookSpec {
  const start = path.dirname(path.resolve(file));
  const top = gitTop(start);
  const config = configFolder(start);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const spec = bookAt(dir, options);
    if (spec && !(options.contents === undefined && isChapterSummary(dir, spec, top))) return spec;
    if (dir === config) return { root: dir };
    if (dir === top || path.dirname(dir) === dir) break;
  }
  return { root: start };
}

/** Whether the contents list found in `dir` is a lower-case `summary.md` among chapters of a book above. */
function isChapterSummary(dir: string, spec: BookSpec, top: string | undefined): boolean {
  if (spec.contents !== 'summary.md' || spec.root !== dir || !hasOtherMarkdown(dir, 'summary.md')) return false;
  for (let above = path.dirname(dir); ; above = path.dirname(above)) {
    if (findContentsFile(above)) return true;
    if (above === top || path.dirname(above) === above) return false;
  }
}

function bookAt(dir: string, options: DiscoverOptions): BookSpec | undefined {
  const contents = findContentsFile(dir, options.contents ? { configured: options.contents } : {});
  if (!contents) return undefined;
  // An mdBook's contents list is src/SUMMARY.md: the book root is src/.
  const root = path.resolve(dir, path.dirname(contents.path));
  const grammar = options.grammar ?? contents.grammar ?? 'auto';
  return { root, contents: path.basename(contents.path), grammar };
}
