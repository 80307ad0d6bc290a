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
import { createStager, renameTemporary, type StagedWrite } from './write.js';

/** One file of {@link writeFilesAtomic}: a path from the root and its new content. */
export interface FileWrite {
  file: string;
  data: string | Uint8Array;
}

/** Files per batch: flushed together, then renamed. */
const batchSize = 64;

/**
 * Atomic writes streamed as their data comes (see {@link createAtomicWriter}):
 * `write` puts the data in its temporary file at once; every `batchSize`
 * files, the batch is flushed and renamed in the background (one batch at a
 * time) while the caller goes on.
 */
export interface AtomicWriter {
  /** Write `file` (from the root): a temporary file now, renamed over the target once its batch is flushed. */
  write(file: string, data: string | Uint8Array): void;
  /**
   * Flush and rename what is left, and wait for every batch. Returns, in the
   * order of the `write` calls, `undefined` for a file written and the error
   * of one that was not (refused by the guard, or an I/O failure).
   */
  close(): Promise<Array<Error | undefined>>;
}

/**
 * A writer of many atomic writes under `root` (guarded as
 * {@link writeFileAtomic} is: never outside `root`, never through a symbolic
 * link). Files are written in the order of the calls; a failed write does
 * not stop the others.
 */
export function createAtomicWriter(root: string): AtomicWriter {
  const stage = createStager(root);
  const outcomes: Array<Error | undefined> = [];
  // One batch flushed at a time (at most `batchSize` files open), one after the other in the background.
  let flushing = Promise.resolve();
  let batch: Array<{ index: number; write: StagedWrite }> = [];
  const flushBatch = (): void => {
    const files = batch;
    batch = [];
    if (files.length > 0) flushing = flushing.then(() => flushAndRename(files, outcomes));
  };
  return {
    write(file, data) {
      const index = outcomes.push(undefined) - 1;
      try {
        batch.push({ index, write: stage(file, data) });
      } catch (error) {
        outcomes[index] = error as Error;
      }
      if (batch.length >= batchSize) flushBatch();
    },
    async close() {
      flushBatch();
      await flushing;
      return outcomes;
    },
  };
}

/**
 * Write files atomically in batches (see the module's comment). Returns, in
 * the order of `files`, `undefined` for a file written and the error of one
 * that was not (refused by the guard, or an I/O failure); the others are
 * still written.
 */
export async function writeFilesAtomic(root: string, files: readonly FileWrite[]): Promise<Array<Error | undefined>> {
  const writer = createAtomicWriter(root);
  for (const { file, data } of files) writer.write(file, data);
  return writer.close();
}

/** Flush the temporary files of a batch together, then rename each over its target; failures go to `outcomes`. */
async function flushAndRename(files: ReadonlyArray<{ index: number; write: StagedWrite }>, outcomes: Array<Error | undefined>): Promise<void> {
  const flushed = await Promise.all(files.map(({ write }) => flush(write)));
  flushed.forEach((outcome, position) => {
    const { index } = files[position]!;
    if (outcome instanceof Error) {
      outcomes[index] = outcome;
      return;
    }
    try {
      renameTemporary(outcome);
    } catch (error) {
      outcomes[index] = error as Error;
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
