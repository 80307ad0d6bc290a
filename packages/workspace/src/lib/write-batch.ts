/**
 * Many atomic writes at once (a whole converted book): each file is written
 * to its temporary file, the temporary files of a batch are flushed to disk
 * together (concurrently, on libuv's thread pool, where the file system can
 * commit them in one journal transaction), then each is renamed over its
 * target. The guarantee of {@link writeFileAtomic} holds for every file — a
 * run killed at any moment leaves each target old or complete and new —
 * without one `fsync` per file on the main thread between writes.
 */
import { open } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { renameTemporary, writeTemporary, type StagedWrite } from './write.js';

/** One file of {@link writeFilesAtomic}: a path from the root and its new content. */
export interface FileWrite {
  file: string;
  data: string | Uint8Array;
}

/** Files per batch: flushed together, then renamed. */
const batchSize = 64;

/**
 * Write files atomically in batches (see the module's comment). Returns, in
 * the order of `files`, `undefined` for a file written and the error of one
 * that was not (refused by the guard, or an I/O failure); the others are
 * still written.
 */
export async function writeFilesAtomic(root: string, files: readonly FileWrite[]): Promise<Array<Error | undefined>> {
  const outcomes: Array<Error | undefined> = [];
  for (let start = 0; start < files.length; start += batchSize) {
    outcomes.push(...(await writeBatch(root, files.slice(start, start + batchSize))));
  }
  return outcomes;
}

async function writeBatch(root: string, files: readonly FileWrite[]): Promise<Array<Error | undefined>> {
  const staged: Array<StagedWrite | Error> = files.map(({ file, data }) => {
    try {
      return writeTemporary(root, file, data, false);
    } catch (error) {
      return error as Error;
    }
  });
  const flushed = await Promise.all(staged.map((write) => (write instanceof Error ? write : flush(write))));
  return flushed.map((outcome) => {
    if (outcome instanceof Error) return outcome;
    try {
      renameTemporary(outcome);
      return undefined;
    } catch (error) {
      return error as Error;
    }
  });
}

/** Flush a temporary file to disk; on failure it is removed and the error returned. */
async function flush(write: StagedWrite): Promise<StagedWrite | Error> {
  try {
    const handle = await open(write.temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return write;
  } catch (error) {
    rmSync(write.temporary, { force: true });
    return error as Error;
  }
}
