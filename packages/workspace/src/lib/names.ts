/** Folder listings that read names only (no file contents): what a project's layout says. */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isFolder } from './contents.js';

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
