import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { markdownExtensions } from './list.js';

/** Options of {@link findContentsFile}. */
export interface FindContentsOptions {
  /** Contents file named by the configuration, relative to the book folder. Default: none. */
  configured?: string;
}

/** What {@link findContentsFile} found. */
export interface ContentsFile {
  /** Path of the contents file from the book folder, `/`-separated. */
  path: string;
  /** `mdbook` when the folder is an mdBook book (`book.toml`). */
  grammar?: 'mdbook';
}

/**
 * The contents file of a book folder: the configured one if given (when it
 * exists); else, when `book.toml` is in `dir`, the `SUMMARY.md` of `dir/src/`
 * (grammar `mdbook`); else the summary that GitBook's `.gitbook.yaml` or
 * HonKit's `book.json` names (`root:` and `structure.summary`, when it
 * exists); else `SUMMARY.md`, then `summary.md`, then any other
 * case of that name in `dir`; else `TOC.md`; else a Docsify `_sidebar.md`.
 * `undefined` when there is none.
 */
export function findContentsFile(dir: string, options: FindContentsOptions = {}): ContentsFile | undefined {
  if (options.configured !== undefined) {
    const configured = options.configured.replace(/\\/g, '/').replace(/^\.\//, '');
    return isFile(path.join(dir, configured)) ? { path: configured } : undefined;
  }
  if (isFile(path.join(dir, 'book.toml'))) {
    const name = summaryIn(path.join(dir, 'src'));
    if (name) return { path: `src/${name}`, grammar: 'mdbook' };
  }
  const structured = gitbookStructure(dir);
  if (structured) return { path: structured };
  const name = summaryIn(dir);
  return name ? { path: name } : undefined;
}

/** A path as a configuration writes it (`./docs/`), `/`-separated, without `./` or a trailing `/`. */
const cleanPath = (value: string): string => value.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');

/**
 * The contents list (from `dir`) that GitBook's `.gitbook.yaml` (`root:`,
 * `structure:` → `summary:`) or HonKit's `book.json` (`"root"`,
 * `"structure": { "summary" }`) names, when the file exists; the summary is
 * from the root, `SUMMARY.md` by default. `undefined` when neither file
 * moves it.
 */
function gitbookStructure(dir: string): string | undefined {
  let root: string | undefined;
  let summary: string | undefined;
  const yaml = readSmallText(path.join(dir, '.gitbook.yaml'));
  if (yaml !== undefined) {
    const value = (pattern: RegExp): string | undefined => pattern.exec(yaml)?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
    root = value(/^root:[ \t]*([^#\r\n]+?)[ \t]*(?:#.*)?$/m);
    summary = value(/^structure:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+summary:[ \t]*([^#\r\n]+?)[ \t]*(?:#.*)?$/m);
  } else {
    const json = readSmallText(path.join(dir, 'book.json'));
    if (json === undefined) return undefined;
    try {
      const data = JSON.parse(json) as { root?: unknown; structure?: { summary?: unknown } } | null;
      if (typeof data?.root === 'string') root = data.root;
      if (typeof data?.structure?.summary === 'string') summary = data.structure.summary;
    } catch {
      return undefined;
    }
  }
  if (root === undefined && summary === undefined) return undefined;
  const file = [cleanPath(root ?? ''), cleanPath(summary ?? 'SUMMARY.md')].filter(Boolean).join('/');
  return !file.split('/').includes('..') && isFile(path.join(dir, file)) ? file : undefined;
}

/** The text of a small file (a site's configuration), `undefined` when absent, unreadable or over 64 KiB. */
function readSmallText(file: string): string | undefined {
  try {
    if (statSync(file).size > 65536) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether `file` is a regular file (following links). */
export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The real path of an existing file or folder (links resolved), else `undefined`. */
export function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Whether `dir` is a folder (following links). */
export function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `book.toml` sits in `dir` or a folder above it, up to `root` (absolute paths): an mdBook. */
export function hasBookToml(dir: string, root: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (isFile(path.join(current, 'book.toml'))) return true;
    if (current === path.resolve(root) || path.dirname(current) === current) return false;
  }
}

/** The name of the summary file in `dir`: `SUMMARY.md`, `summary.md`, then any case; else `TOC.md`; else Docsify's `_sidebar.md`. */
function summaryIn(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const candidates = names.filter((name) => name.toLowerCase() === 'summary.md' && isFile(path.join(dir, name)));
  // A site with `TOC.md` (and `TOC-*.md` beside it) uses it as its contents list when there is no SUMMARY.md.
  const toc = candidates.length === 0 ? names.find((name) => name === 'TOC.md' && isFile(path.join(dir, name))) : undefined;
  // A Docsify site's sidebar (`_sidebar.md`) is its contents list when it has no other, and no folder has a sidebar of its own.
  const sidebar = candidates.length === 0 && !toc && names.includes('_sidebar.md') && isFile(path.join(dir, '_sidebar.md')) && !hasInnerSidebar(dir) ? '_sidebar.md' : undefined;
  return candidates.find((name) => name === 'SUMMARY.md') ?? candidates.find((name) => name === 'summary.md') ?? candidates.sort()[0] ?? toc ?? sidebar;
}

/**
 * Whether a folder under `dir` (two levels) has a `_sidebar.md`: a Docsify
 * site with a sidebar per folder (`zh-cn/_sidebar.md`, whose entries Docsify
 * reads from the site root) is not one contents list, and is checked without.
 */
function hasInnerSidebar(dir: string): boolean {
  const inner = (folder: string, depth: number): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && (isFile(path.join(folder, entry.name, '_sidebar.md')) || (depth > 1 && inner(path.join(folder, entry.name), depth - 1))));
  };
  return inner(dir, 2);
}

/** Whether `dir` holds Markdown files besides `except`: a `summary.md` there sits among chapters. */
export function hasOtherMarkdown(dir: string, except: string): boolean {
  try {
    return readdirSync(dir).some((name) => name !== except && markdownExtensions.test(name));
  } catch {
    return false;
  }
}
