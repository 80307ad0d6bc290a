import { createHash } from 'node:crypto';
import { tempPrefix } from '@tongwen/linter';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export { tempPrefix };

/** The SHA-256 of bytes or text, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Every file under `root` as `/`-separated paths from it, sorted; skips
 * `.git`, `node_modules`, the names in `skipNames` (the manifest), temporary files,
 * symbolic links to folders, and the folders in `exclude` (absolute paths).
 * Files in other dot-folders (`.images/`) are part of the book.
 */
export async function listFiles(root: string, exclude: readonly string[] = [], skipNames: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, relative: string): Promise<void> => {
    if (exclude.includes(dir)) return;
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name === '.git' || entry.name === 'node_modules' || skipNames.includes(entry.name) || entry.name.startsWith(tempPrefix)) continue;
      const full = path.join(dir, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      let directory = entry.isDirectory();
      let file = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined);
        directory = false; // never follow links to folders: no loops
        file = target?.isFile() ?? false;
      }
      if (directory) await walk(full, rel);
      else if (file) files.push(rel);
    }
  };
  await walk(root, '');
  return files.sort();
}


/** Remove temporary files left in `dir` by killed runs (not those of running processes of this one). */
export async function removeStaleTemps(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.startsWith(tempPrefix)) continue;
    const pid = Number.parseInt(name.slice(tempPrefix.length), 10);
    if (pid === process.pid || isRunning(pid)) continue;
    await rm(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
