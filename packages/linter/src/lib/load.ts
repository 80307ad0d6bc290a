import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { ChapterCache } from './cache.js';
import { chapterFromFacts, findContentsFile, parseChapter, parseContents, type Book, type Chapter, type LoadProblem, type SlugFlavour } from '@tongwen/book';

/** Markdown files are chapters. */
export const markdownExtensions = /\.(md|markdown)$/i;

/** Folders never walked into. */
const skippedFolders = new Set(['node_modules', '_book']);

/** Where a book is and how to read it. */
export interface BookSpec {
  /** Absolute path of the book root (the folder of the contents list). */
  root: string;
  /** Contents list from the root, if the book has one. */
  contents?: string;
  grammar?: 'auto' | 'gitbook' | 'mdbook';
}

/** Options of {@link loadBook}. */
export interface LoadOptions {
  slug?: SlugFlavour;
  /** Globs (from the root) of files that are not part of the book at all. */
  exclude?: readonly string[];
  /** Chapters larger than this many bytes are not parsed (a `file-too-large` problem). Default 64 MiB. */
  maxBytes?: number;
  /** Text of these files (paths from the root) instead of what is on disk (`--stdin`). */
  texts?: ReadonlyMap<string, string>;
  /** Facts of unchanged chapters from an earlier run: those are not parsed again. */
  cache?: ChapterCache;
}

// ignoreBOM keeps a byte-order mark in the text, so that the chapter knows it had one and writes it back.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode UTF-8 strictly; the 0-based byte offset of the first invalid sequence on failure. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidUtf8(bytes) };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 && byte >= 0xc2 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (bytes[i + k]! >> 6 !== 0b10) return i;
    i += length;
  }
  return i;
}

/**
 * List every file under `root` (paths from the root, `/`-separated).
 * `.git`, `node_modules` and build output are skipped; files in other
 * dot-folders are listed (an image in `.images/` is a real target) but are
 * never chapters. Symbolic links
 * are followed once (a folder already seen through another path is not
 * walked again, so loops end).
 */
export function listFiles(root: string, exclude: readonly string[] = []): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const excluded = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : () => false;
  const walk = (dir: string, prefix: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = prefix + entry.name;
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = statSync(full);
          isDirectory = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue;
        }
      }
      if (isDirectory) {
        if (entry.name === '.git' || skippedFolders.has(entry.name) || excluded(relative)) continue;
        walk(full, `${relative}/`);
      } else if (isFile && !excluded(relative)) {
        files.push(relative);
      }
    }
  };
  walk(root, '');
  return files;
}

/** Read and parse a whole book: contents list, every chapter once. */
export function loadBook(spec: BookSpec, options: LoadOptions = {}): Book {
  const slug = options.slug ?? 'github';
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const problems: LoadProblem[] = [];
  const listed = listFiles(spec.root, options.exclude);
  const files = options.texts ? [...listed, ...[...options.texts.keys()].filter((file) => !listed.includes(file))] : listed;
  options.cache?.bookFiles(files);
  const chapters = new Map<string, Chapter>();
  const book: Book = { root: spec.root, chapters, files: new Set(files), problems, slug };

  for (const file of files) {
    if (!markdownExtensions.test(file) || isHidden(file)) continue;
    const text = options.texts?.get(file) ?? readText(spec.root, file, maxBytes, problems);
    if (text === undefined) continue;
    const facts = options.cache?.facts(file, text);
    const chapter = facts ? chapterFromFacts(file, text, facts) : parseChapter(file, text, { slug });
    options.cache?.keepFacts(chapter);
    chapters.set(file, chapter);
  }
  if (spec.contents) {
    const chapter = chapters.get(spec.contents);
    if (chapter) {
      book.contents = parseContents(chapter.source, spec.contents, { grammar: spec.grammar ?? 'auto' });
    } else if (!problems.some((problem) => problem.file === spec.contents)) {
      problems.push({ file: spec.contents, ruleId: 'contents-syntax', severity: 'error', message: `Cannot read the contents list \`${spec.contents}\`` });
    }
  }
  return book;
}

function readText(root: string, file: string, maxBytes: number, problems: LoadProblem[]): string | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(path.join(root, file)).size;
    if (size > maxBytes) {
      problems.push({ file, ruleId: 'file-too-large', severity: 'warning', message: `File is ${size} bytes, more than the limit of ${maxBytes}: not checked` });
      return undefined;
    }
    bytes = readFileSync(path.join(root, file));
  } catch (error) {
    problems.push({ file, ruleId: 'file-unreadable', severity: 'error', message: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if ('invalidAt' in decoded) {
    problems.push({ file, ruleId: 'file-encoding', severity: 'error', message: `Unexpected invalid UTF-8 at byte ${decoded.invalidAt}, expected a UTF-8 text file: not checked` });
    return undefined;
  }
  return decoded.text;
}

/**
 * Find the books under `target`: a folder with a contents list is a book; a
 * folder with `book.toml` is an mdBook whose root is `src/`; otherwise its
 * sub-folders are searched (3 levels). A folder with no contents list
 * anywhere is one book without a contents list. A file is checked as part
 * of the book around it.
 */
export function discoverBooks(target: string, options: { contents?: string; grammar?: 'auto' | 'gitbook' | 'mdbook' } = {}): BookSpec[] {
  const start = statSync(target).isDirectory() ? target : path.dirname(target);
  if (!statSync(target).isDirectory()) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const spec = bookAt(dir, options);
      if (spec) return [spec];
      if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    }
    return [{ root: path.resolve(start) }];
  }
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

function bookAt(dir: string, options: { contents?: string; grammar?: 'auto' | 'gitbook' | 'mdbook' }): BookSpec | undefined {
  const contents = findContentsFile(dir, options.contents ? { configured: options.contents } : {});
  if (!contents) return undefined;
  // An mdBook's contents list is src/SUMMARY.md: the book root is src/.
  const root = path.resolve(dir, path.dirname(contents.path));
  const grammar = options.grammar ?? contents.grammar ?? 'auto';
  return { root, contents: path.basename(contents.path), grammar };
}

/** Whether a path goes through a dot-folder (`.github/x.md`): such files are never chapters. */
export function isHidden(file: string): boolean {
  return file.split('/').slice(0, -1).some((segment) => segment.startsWith('.'));
}
