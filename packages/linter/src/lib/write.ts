import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Prefix of the temporary files of {@link writeFileAtomic}, followed by the writer's pid: a killed run may leave some. */
export const tempPrefix = '.tongwen-tmp-';

/**
 * Write a file atomically: a temporary file in the same folder (created if
 * needed), flushed to disk, then renamed over the target. A run killed at
 * any moment leaves the old file or the complete new one, never half of it.
 * The mode of an existing file is kept.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `${tempPrefix}${process.pid}-${randomUUID()}-${path.basename(file)}`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const fd = openSync(temporary, 'w', mode ?? 0o644);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
