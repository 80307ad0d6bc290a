/**
 * Many atomic writes at once (a whole converted book), off the caller's
 * thread: each file is written to a temporary file beside its target,
 * flushed to disk and renamed over the target by libuv's thread pool, a batch
 * of files at a time (the file system can commit their flushes together).
 * The guarantee of {@link writeFileAtomic} holds for every file — a run
 * killed at any moment leaves each target old or complete and new — and the
 * caller never waits for a flush: it goes on converting while the disk works
 * (a flush beside a create in the same folder can hold the create for the
 * length of a journal commit).
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { killPoint } from './kill-point.js';
import { createWriteGuard, temporaryBeside, type WriteGuard } from './write.js';

/** One file of {@link writeFilesAtomic}: a path from the root and its new content. */
export interface FileWrite {
  file: string;
  data: string | Uint8Array;
}

/** Files per batch: written, flushed and renamed together (at most this many files open). */
const batchSize = 64;

/**
 * Atomic writes handed over as their data comes (see {@link createAtomicWriter}).
 */
export interface AtomicWriter {
  /** Write `file` (from the root): returns at once; the file is written, flushed and renamed in the background. */
  write(file: string, data: string | Uint8Array): void;
  /**
   * Wait for every write. Returns, in the order of the `write` calls,
   * `undefined` for a file written and the error of one that was not
   * (refused by the guard, or an I/O failure).
   */
  close(): Promise<Array<Error | undefined>>;
  /**
   * Stop writing (a run interrupted): no further file is started, a file
   * not yet renamed over its target has its temporary file removed, and the
   * promise settles once every write started has ended — each target then
   * holds its old content or the whole new one, and no temporary file of
   * this writer is left. Writes stopped this way are errors in {@link close}.
   */
  abort(): Promise<void>;
}

/** A write waiting for its batch. */
interface Pending {
  index: number;
  file: string;
  full: string;
  data: string | Uint8Array;
}

/**
 * A writer of many atomic writes under `root`, guarded as
 * {@link writeFileAtomic} is (never outside `root`, never through a symbolic
 * link; the folders are checked and made in `write`, the rest in the
 * background). Batches of `batchSize` files go one after the other; a failed
 * write does not stop the others.
 */
export function createAtomicWriter(root: string): AtomicWriter {
  const guard = createWriteGuard(root);
  const outcomes: Array<Error | undefined> = [];
  let chain = Promise.resolve();
  let batch: Pending[] = [];
  let stopped = false;
  const stop = (): boolean => stopped;
  const flushBatch = (): void => {
    const files = batch;
    batch = [];
    if (files.length > 0) chain = chain.then(() => writeBatch(guard, files, outcomes, stop));
  };
  return {
    write(file, data) {
      const index = outcomes.push(undefined) - 1;
      if (stopped) {
        outcomes[index] = stoppedError(file);
        return;
      }
      try {
        batch.push({ index, file, full: guard.folder(file, true), data });
      } catch (error) {
        outcomes[index] = error as Error;
      }
      if (batch.length >= batchSize) flushBatch();
    },
    async close() {
      flushBatch();
      await chain;
      return outcomes;
    },
    async abort() {
      stopped = true;
      for (const pending of batch.splice(0)) outcomes[pending.index] = stoppedError(pending.file);
      await chain;
    },
  };
}

/** The outcome of a write that an interrupted run did not finish ({@link AtomicWriter.abort}). */
function stoppedError(file: string): Error {
  return new Error(`${file}: not written: the run was interrupted`);
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

/** Write the files of a batch together; failures go to `outcomes`. */
async function writeBatch(guard: WriteGuard, files: readonly Pending[], outcomes: Array<Error | undefined>, stopped: () => boolean): Promise<void> {
  const check = guard.files();
  await Promise.all(
    files.map(async (pending) => {
      try {
        await writeOne(check, pending, stopped);
      } catch (error) {
        outcomes[pending.index] = error as Error;
      }
    }),
  );
}

/**
 * One atomic write: the guard's last check of its batch (`check`: the folder still where it was
 * checked, the target not a symbolic link; its mode is kept), the data goes to a new temporary file beside it — created, half
 * written, complete and flushed, renamed: the kill points of the crash
 * tests, as in `writeTemporary` — and a temporary file that cannot be
 * finished is removed.
 */
async function writeOne(check: ReturnType<WriteGuard['files']>, { file, full, data }: Pending, stopped: () => boolean): Promise<void> {
  // Stopped (see `AtomicWriter.abort`): checked before the temporary file is made and after each step until it is renamed.
  const going = (): void => {
    if (stopped()) throw stoppedError(file);
  };
  const stat = await check(file, full);
  going();
  const temporary = temporaryBeside(full);
  const handle = await open(temporary, 'wx', stat ? stat.mode & 0o777 : 0o644);
  killPoint();
  try {
    try {
      going();
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      // In two parts, so that a crash test can stop between them (a torn temporary file).
      const half = bytes.length >> 1;
      await writeAll(handle, bytes, 0, half);
      killPoint();
      going();
      await writeAll(handle, bytes, half, bytes.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    killPoint();
    going();
    await rename(temporary, full);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  killPoint();
}

/** Write `bytes[from, to)` at the handle's position, however many calls it takes. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, from: number, to: number): Promise<void> {
  for (let at = from; at < to; ) at += (await handle.write(bytes, at, to - at)).bytesWritten;
}
