/** Folder listings that read names only (no file contents): what a project's layout says. */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isFolder } from './contents.js';
import { markdownExtensions } from './list.js';

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * The names of the files in `dir`, one level; a folder for which `descend`
 * is true is given as `folder/.`, followed by its own entries one level down
 * (`folder/file`, `folder/inner/.`). Other folders are left out. `[]` when
 * `dir` cannot be read; an unreadable folder inside gives only `folder/.`.
 */
export function folderNames(dir: string, descend: (folder: string) => boolean): string[] {
  const names: string[] = [];
  for (const entry of entriesOf(dir)) {
    if (!entry.isDirectory()) {
      names.push(entry.name);
      continue;
    }
    if (!descend(entry.name)) continue;
    names.push(`${entry.name}/.`);
    for (const child of entriesOf(path.join(dir, entry.name))) names.push(`${entry.name}/${child.name}${child.isDirectory() ? '/.' : ''}`);
  }
  return names;
}

/** The names of the folders in `dir` (following symbolic links), sorted; `[]` when `dir` cannot be read. */
export function subfolders(dir: string): string[] {
  return entriesOf(dir)
    .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path.join(dir, entry.name))))
    .map((entry) => entry.name)
    .sort();
}

/** Folders never searched for editions. */
const skippedFolders = new Set(['node_modules', '_book', 'book', 'dist', 'build', 'public']);

/**
 * The folders under `dir` down to `depth` levels (paths from `dir`,
 * `/`-separated, sorted as met), hidden and build folders left out: the
 * layout in which a book's editions are looked for.
 */
export function foldersUnder(dir: string, depth: number): string[] {
  const found: string[] = [];
  const walk = (folder: string, level: number): void => {
    for (const name of subfolders(path.join(dir, folder))) {
      if (name.startsWith('.') || skippedFolders.has(name)) continue;
      const inner = folder ? `${folder}/${name}` : name;
      found.push(inner);
      if (level > 1) walk(inner, level - 1);
    }
  };
  walk('', depth);
  return found;
}

/** How many Markdown files (`.md`, `.mdx`, `.markdown`) are under `dir`, at any depth (hidden folders left out). */
export function markdownCount(dir: string): number {
  let count = 0;
  for (const entry of entriesOf(dir)) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) count += markdownCount(path.join(dir, entry.name));
    else if (markdownExtensions.test(entry.name)) count++;
  }
  return count;
}
