/**
 * Where the shared corpora and test data are, for the tests of this package.
 *
 * The same logic as `@tongwen/test-utils` (`corpusPath`, `testdataPath`,
 * `hasShared`, `sharedSkipReason`), kept here because `@tongwen/test-utils`
 * depends on `@tongwen/book`: a dev dependency back would make a cycle in the
 * workspace graph, which Turborepo refuses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `../shared` beside the repository, or `TONGWEN_SHARED`. */
export const sharedDir = process.env.TONGWEN_SHARED ?? path.resolve(repoRoot, '..', 'shared');

/** Absolute path of a folder of `../shared/corpus`. */
export function corpusPath(...parts: string[]): string {
  return path.join(sharedDir, 'corpus', ...parts);
}

/** Absolute path under `../shared/testdata`. */
export function testdataPath(...parts: string[]): string {
  return path.join(sharedDir, 'testdata', ...parts);
}

/** Whether `../shared` is present; tests reading it use `describe.skipIf(!hasShared)`. */
export const hasShared = existsSync(path.join(sharedDir, 'corpus'));

/** Why the tests on the real corpora are skipped. */
export const sharedSkipReason = `../shared not found at ${sharedDir}: tests on the real corpora are skipped (set TONGWEN_SHARED to its path)`;

if (!hasShared) process.stderr.write(`[tongwen tests] ${sharedSkipReason}\n`);
