/**
 * Every write and delete of tongwen goes through here: atomic (a temporary
 * file renamed over the target) and guarded (the real path must lie inside
 * the folder the run may write, and a symbolic link is never written through
 * or replaced).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, realpath as realpathCallback, realpathSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { killPoint } from './kill-point.js';

const realpathAsync = promisify(realpathCallback);

/** Prefix of the temporary files of {@link writeFileAtomic}, followed by the writer's pid: a killed run may leave some. */
export const tempPrefix = '.tongwen-tmp-';

/** A write or delete refused by the guard: the message names the path and why. */
export class WriteGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteGuardError';
  }
}

/** Whether `child` is `parent` or lies under it (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** The real path of `file` when it does not exist yet: the real path of its nearest existing ancestor, then the rest. */
function realTarget(file: string): string {
  const missing: string[] = [];
  for (let dir = path.resolve(file); ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync(dir), ...missing.reverse());
    } catch {
      if (path.dirname(dir) === dir) return path.resolve(file);
      missing.push(path.basename(dir));
    }
  }
}

/**
 * The absolute path of `file` (from `root`, `/`-separated, or absolute) after
 * checking that it may be written or deleted: its real path (symbolic links
 * of its folders resolved) lies inside the real path of `root`, and it is not
 * itself a symbolic link. Throws {@link WriteGuardError} otherwise. One use of
 * {@link createWriteGuard}.
 */
export function guardPath(root: string, file: string): string {
  const full = createWriteGuard(root).folder(file, false);
  // The folder's real path was just checked: only the target is left.
  targetStat(file, full);
  return full;
}

function outside(root: string, file: string): WriteGuardError {
  return new WriteGuardError(`Unexpected write to \`${file}\` outside \`${root}\`, expected a path inside it: not written`);
}

/**
 * Write `file` (from `root`) atomically: a temporary file in the same folder
 * (created if needed), flushed to disk, then renamed over the target. A run
 * killed at any moment leaves the old file or the complete new one, never
 * half of it. The mode of an existing file is kept. Guarded by {@link guardPath}.
 */
export function writeFileAtomic(root: string, file: string, data: string | Uint8Array): void {
  const staged = writeTemporary(root, file, data, true);
  renameTemporary(staged);
}

/** A complete temporary file beside its target, to be renamed over it. */
export interface StagedWrite {
  temporary: string;
  target: string;
}

/**
 * The first half of an atomic write: the data in a temporary file beside the
 * target (guarded, folders created, the target's mode kept), flushed to disk
 * with `sync` (else the caller flushes it before {@link renameTemporary}).
 */
export function writeTemporary(root: string, file: string, data: string | Uint8Array, sync: boolean): StagedWrite {
  const full = createWriteGuard(root).folder(file, true);
  // The folder's real path was just checked, after it was made: only the target is left.
  const existing = targetStat(file, full);
  return writeBeside(full, existing ? existing.mode & 0o777 : undefined, data, sync);
}

/** The data in a new temporary file beside `full` (checked by the caller), created with `mode`, flushed with `sync`. */
function writeBeside(full: string, mode: number | undefined, data: string | Uint8Array, sync: boolean): StagedWrite {
  const temporary = temporaryBeside(full);
  const fd = openSync(temporary, 'wx', mode ?? 0o644);
  killPoint();
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    // In two parts, so that a crash test can stop between them (a torn temporary file).
    const half = bytes.length >> 1;
    writeSync(fd, bytes, 0, half);
    killPoint();
    writeSync(fd, bytes, half, bytes.length - half);
    if (sync) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  killPoint();
  return { temporary, target: full };
}

/**
 * The one guard of every write and delete under `root`, in two parts.
 * `folder`: the folder of `file` lies inside `root` (real paths: symbolic
 * links of folders resolved), checked again after the folder is made;
 * remembered per folder with its real path, so that a whole book costs one
 * check per folder. `files`, for files written together just after: the
 * folder of each still has the real path it was checked with (a folder
 * swapped for a symbolic link during the run is refused; asked once per
 * folder of the files), and the target is not a symbolic link; returns the
 * target's `lstat` (its mode), if it exists. A file whose folder lies inside
 * the root and that is not a symbolic link lies inside the root. Both throw
 * {@link WriteGuardError}.
 */
export interface WriteGuard {
  /** The absolute path of `file` (from the root) once its folder is checked (made first with `make`). */
  folder(file: string, make: boolean): string;
  /** The last check of files written together, each `full` from {@link WriteGuard.folder}, off this thread: each folder's real path asked once. */
  files(): (file: string, full: string) => Promise<Stats | undefined>;
}

/** The guard of the writes and deletes under `root` (see {@link WriteGuard}). */
export function createWriteGuard(root: string): WriteGuard {
  /** Real path of each folder checked; `undefined`: outside the root. */
  const folders = new Map<string, string | undefined>();
  /** Folders checked with `make` (made). */
  const made = new Set<string>();
  let realRoot: string | undefined;
  const insideReal = (dir: string): string | undefined => {
    realRoot ??= realTarget(root);
    const real = realTarget(dir);
    return isInside(realRoot, real) ? real : undefined;
  };
  const checkFolder = (dir: string, make: boolean): string | undefined => {
    const real = insideReal(dir);
    if (real === undefined || !make) return real;
    mkdirSync(dir, { recursive: true });
    // The folders just made may not have moved the target outside (a symlinked folder created meanwhile).
    return insideReal(dir);
  };
  const last = (file: string, full: string, real: string | undefined, stat: Stats | undefined): Stats | undefined => {
    if (real === undefined || real !== folders.get(path.dirname(full))) throw outside(root, file);
    if (stat?.isSymbolicLink()) throw symbolicLink(file);
    return stat;
  };
  return {
    folder(file, make) {
      const full = path.resolve(root, file);
      const dir = path.dirname(full);
      if (!folders.has(dir) || (make && !made.has(dir))) {
        folders.set(dir, checkFolder(dir, make));
        if (make) made.add(dir);
      }
      const real = folders.get(dir);
      // The root itself is no file of it.
      if (real === undefined || path.join(real, path.basename(full)) === realRoot) throw outside(root, file);
      return full;
    },
    files() {
      /** The real path of each folder of these files, asked once. */
      const reals = new Map<string, Promise<string | undefined>>();
      return async (file, full) => {
        const dir = path.dirname(full);
        let real = reals.get(dir);
        // The folders' real paths are realpathSync's (JavaScript rules): the same rules here, or a case-insensitive disk or a mapped drive would read as outside.
        if (!real) reals.set(dir, (real = realpathAsync(dir).catch(() => undefined)));
        const [folder, stat] = await Promise.all([real, lstat(full).catch(() => undefined)]);
        return last(file, full, folder, stat);
      };
    },
  };
}

/** The target's `lstat` (its mode), if it exists; a symbolic link throws {@link WriteGuardError}. */
function targetStat(file: string, full: string): Stats | undefined {
  const stat = lstatOrUndefined(full);
  if (stat?.isSymbolicLink()) throw symbolicLink(file);
  return stat;
}

function lstatOrUndefined(full: string): Stats | undefined {
  try {
    return lstatSync(full);
  } catch {
    return undefined;
  }
}

/** The error of a write refused because the target is a symbolic link. */
function symbolicLink(file: string): WriteGuardError {
  return new WriteGuardError(`Unexpected symbolic link \`${file}\`, expected a regular file: not written through`);
}

/** The name of a new temporary file beside `full`. */
export function temporaryBeside(full: string): string {
  return path.join(path.dirname(full), `${tempPrefix}${process.pid}-${randomUUID()}-${path.basename(full)}`);
}

/** The second half of an atomic write: the (flushed) temporary file renamed over its target. */
export function renameTemporary({ temporary, target }: StagedWrite): void {
  try {
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  killPoint();
}

/** Delete `file` (from `root`) if it exists. Guarded by {@link guardPath}: never outside `root`, never a symbolic link's target. */
export function removeFile(root: string, file: string): void {
  rmSync(guardPath(root, file), { force: true });
}

/** Remove the temporary files left in `dir` (from `root`) by killed runs; those of running processes are kept. */
export function removeStaleTemps(root: string, dir = ''): void {
  let names: string[];
  try {
    names = readdirSync(path.resolve(root, dir));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(tempPrefix)) continue;
    const pid = Number.parseInt(name.slice(tempPrefix.length), 10);
    if (pid === process.pid || isRunning(pid)) continue;
    removeFile(root, path.join(dir, name));
  }
}

/** {@link removeStaleTemps} in every folder holding one of `files` (from `root`), and in `root`. */
export function removeStaleTempsBeside(root: string, files: Iterable<string>): void {
  const folders = new Set<string>(['']);
  for (const file of files) {
    const folder = path.posix.dirname(file);
    folders.add(folder === '.' ? '' : folder);
  }
  for (const folder of folders) removeStaleTemps(root, folder);
}

/** Whether a process of that id is running (a process of another user counts). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
