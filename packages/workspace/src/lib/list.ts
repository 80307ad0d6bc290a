/**
 * The listing policy: which files under a root are part of the book. One
 * policy for `check`, `--fix` and `convert`:
 * - never `.git`, `node_modules`, `_book` (GitBook output), `book/` beside a
 *   `book.toml` (mdBook output), tongwen's own temporary, lock and manifest files;
 * - in a git work tree, nothing that `.gitignore` files (of the root and every
 *   folder up to the work tree's top) or `.git/info/exclude` ignore;
 * - nothing that the configuration's `ignore` globs match (never read);
 * - symbolic links to files followed only when the target lies inside the
 *   root; links to folders never walked (no loops, no second copy).
 * Files in other dot-folders (`.images/x.png`) are listed, since links may
 * point at them, but are never chapters ({@link isHidden}).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { lockName } from './lock.js';
import { isInside, tempPrefix } from './write.js';

/** Options of {@link listFiles}. */
export interface ListOptions {
  /** Globs from the root of files and folders that are not part of the book (config `ignore`). */
  ignore?: readonly string[];
  /** Absolute folders not walked into (an output folder inside the source). */
  excludeFolders?: readonly string[];
  /** File names never listed (the convert manifest). */
  skipNames?: readonly string[];
  /** Honour `.gitignore` and `.git/info/exclude` in a git work tree. Default true. */
  gitignore?: boolean;
}

/** Folder names never walked into. */
const skippedFolders = new Set(['.git', 'node_modules', '_book']);

/** Markdown by its extension (`.md`, `.markdown`, `.mdx`): what a book's chapters are. */
export const markdownExtensions = /\.(md|markdown|mdx)$/i;

/** A chapter file of a book: Markdown, and in no dot-folder (`.github/` is not the book's text). */
export function isChapterFile(file: string): boolean {
  return markdownExtensions.test(file) && !isHidden(file);
}

/** Whether a path goes through a dot-folder (`.github/x.md`): such files are never chapters. */
export function isHidden(file: string): boolean {
  return file.split('/').slice(0, -1).some((segment) => segment.startsWith('.'));
}

/** The top of the git work tree that holds `dir` (a folder with `.git`), if any. */
export function gitTop(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

interface IgnoreLevel {
  /** Folder of the rules, absolute. */
  dir: string;
  rules: Ignore;
}

function readIgnoreFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The `.gitignore` levels that apply above `root` (from the work tree's top down to the root's parent), and `.git/info/exclude`. */
function gitLevels(root: string): IgnoreLevel[] {
  const top = gitTop(root);
  if (!top) return [];
  const levels: IgnoreLevel[] = [];
  const exclude = readIgnoreFile(path.join(top, '.git', 'info', 'exclude'));
  if (exclude) levels.push({ dir: top, rules: ignore().add(exclude) });
  const chain: string[] = [];
  for (let dir = path.dirname(root); isInside(top, dir); dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === top) break;
  }
  for (const dir of chain) {
    const text = readIgnoreFile(path.join(dir, '.gitignore'));
    if (text) levels.push({ dir, rules: ignore().add(text) });
  }
  return levels;
}

function gitIgnored(levels: readonly IgnoreLevel[], full: string, directory: boolean): boolean {
  for (const level of levels) {
    const relative = path.relative(level.dir, full).split(path.sep).join('/');
    if (relative && level.rules.ignores(directory ? `${relative}/` : relative)) return true;
  }
  return false;
}

/**
 * Every file of the book under `root` under the listing policy, as
 * `/`-separated paths from the root, sorted by code unit. Reads no file
 * contents (only folder listings and ignore files).
 */
export function listFiles(root: string, options: ListOptions = {}): string[] {
  const top = path.resolve(root);
  let realRoot: string;
  try {
    // The native call: one system call per folder (the JavaScript one stats every segment of the path).
    realRoot = realpathSync.native(top);
  } catch {
    return [];
  }
  const files: string[] = [];
  const seen = new Set<string>();
  const configured = options.ignore && options.ignore.length > 0 ? picomatch([...options.ignore], { dot: true }) : undefined;
  const excluded = (relative: string, directory: boolean): boolean => configured !== undefined && (configured(relative) || (directory && configured(`${relative}/`)));
  const skipNames = new Set([lockName, ...(options.skipNames ?? [])]);
  const excludeFolders = new Set((options.excludeFolders ?? []).map((folder) => path.resolve(folder)));
  const useGit = options.gitignore !== false;
  const walk = (dir: string, prefix: string, levels: IgnoreLevel[]): void => {
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch {
      return;
    }
    if (seen.has(real) || !isInside(realRoot, real) || excludeFolders.has(dir)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Read only where the listing has one: a failed read costs an exception per folder.
    const own = useGit && entries.some((entry) => entry.name === '.gitignore') ? readIgnoreFile(path.join(dir, '.gitignore')) : undefined;
    const here = own ? [...levels, { dir, rules: ignore().add(own) }] : levels;
    const mdBook = entries.some((entry) => entry.name === 'book.toml');
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = prefix + entry.name;
      const full = path.join(dir, entry.name);
      const kind = kindOf(entry, full, realRoot);
      if (kind === undefined || entry.name.startsWith(tempPrefix)) continue;
      const directory = kind === 'folder';
      if (directory && (skippedFolders.has(entry.name) || (mdBook && entry.name === 'book'))) continue;
      if (!directory && skipNames.has(entry.name)) continue;
      if (excluded(relative, directory) || gitIgnored(here, full, directory)) continue;
      if (directory) walk(full, `${relative}/`, here);
      else files.push(relative);
    }
  };
  walk(top, '', useGit ? gitLevels(top) : []);
  return files;
}

/**
 * A file or a folder. A symbolic link to a file counts only when its target
 * lies inside the root; a link to a folder is not walked (a folder inside the
 * root is listed under its own path; one outside is not part of the book).
 */
function kindOf(entry: Dirent, full: string, realRoot: string): 'file' | 'folder' | undefined {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
  try {
    if (!isInside(realRoot, realpathSync.native(full))) return undefined;
    return statSync(full).isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The listing policy applied to paths that were not walked (a git index or
 * tree lists every tracked file): build output, tongwen's own files and the
 * configuration's `ignore` left out. Sorted by code unit.
 */
export function keepListed(paths: readonly string[], options: ListOptions = {}): string[] {
  const configured = options.ignore && options.ignore.length > 0 ? picomatch([...options.ignore], { dot: true }) : undefined;
  const skipNames = new Set([lockName, ...(options.skipNames ?? [])]);
  const all = new Set(paths);
  const kept = paths.filter((file) => {
    const segments = file.split('/');
    const name = segments[segments.length - 1]!;
    if (skipNames.has(name) || segments.some((segment) => segment.startsWith(tempPrefix))) return false;
    for (let i = 0; i < segments.length - 1; i++) {
      const folder = segments.slice(0, i + 1).join('/');
      const parent = segments.slice(0, i).join('/');
      if (skippedFolders.has(segments[i]!)) return false;
      if (segments[i] === 'book' && all.has(parent ? `${parent}/book.toml` : 'book.toml')) return false;
      if (configured && (configured(folder) || configured(`${folder}/`))) return false;
    }
    return !configured?.(file);
  });
  return kept.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
