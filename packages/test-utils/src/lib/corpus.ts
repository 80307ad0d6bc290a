import { isFolder } from '@tongwen/workspace';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** `../shared` beside the repository (CI lays it there), or `TONGWEN_SHARED`. */
export const sharedDir = process.env.TONGWEN_SHARED ?? path.resolve(repoRoot, '..', 'shared');

/** Absolute path under `../shared/corpus` (a book, or a file of it). */
export function corpusPath(...parts: string[]): string {
  return path.join(sharedDir, 'corpus', ...parts);
}

/** Absolute path under `../shared/testdata`. */
export function testdataPath(...parts: string[]): string {
  return path.join(sharedDir, 'testdata', ...parts);
}

/** Absolute path under `../shared/seeds`. */
export function seedsPath(...parts: string[]): string {
  return path.join(sharedDir, 'seeds', ...parts);
}

/** Whether `../shared` is present; tests reading it use `describe.skipIf(!hasShared)`. */
export const hasShared = isFolder(path.join(sharedDir, 'corpus'));

/** Why corpus tests are skipped, printed once when `../shared` is absent. */
export const sharedSkipReason = `../shared not found at ${sharedDir}: tests on the real corpora are skipped (set TONGWEN_SHARED to its path)`;

if (!hasShared) process.stderr.write(`[tongwen tests] ${sharedSkipReason}\n`);
