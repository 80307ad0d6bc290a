import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { guardPath, isRunning } from './write.js';

/** File name of the lock a writing run holds in the folder it writes. */
export const lockName = '.tongwen-lock';

/** Another running tongwen writes the same folder. */
export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
}

/**
 * Take the write lock of `root` (a `.tongwen-lock` file holding this
 * process's id): two runs never write one tree at once. A lock left by a
 * process that is gone is taken over. Returns the function that releases it.
 * Throws {@link LockError} naming the holder when another live run holds it.
 */
export function acquireLock(root: string): () => void {
  const file = guardPath(root, lockName);
  mkdirSync(root, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readLock(file), 10);
    if (holder !== process.pid && isRunning(holder)) {
      throw new LockError(`Unexpected second run writing \`${root}\` (process ${holder} holds \`${path.join(root, lockName)}\`), expected one run at a time`);
    }
    rmSync(file, { force: true });
  }
  throw new LockError(`Cannot take the lock \`${path.join(root, lockName)}\``);
}

function readLock(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
