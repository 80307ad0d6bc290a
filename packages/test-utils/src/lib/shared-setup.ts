import type { Book, SlugFlavour } from '@tongwen/book';
import { loadBook, type BookSpec } from '@tongwen/linter';

/**
 * Set-up made once per test worker and reused by every test file that worker
 * runs: the packages whose files share their worker's module graph
 * (vitest.config.ts, `isolate: false`) keep this map across files; under
 * isolation it lives for one file. Values must be treated as read-only: a
 * test that changes one would change what the next file reads.
 */
const made = new Map<string, unknown>();

/** The value made under `key` in this worker, made by `make` the first time. */
export function oncePerWorker<T>(key: string, make: () => T): T {
  if (made.has(key)) return made.get(key) as T;
  const value = make();
  made.set(key, value);
  return value;
}

/**
 * A corpus book loaded as `loadBook(spec, { slug })` loads it, once per worker
 * for each root and slug (the corpus tests of several rule families read the
 * same books; parsing them is most of their time). For reading only:
 * `fixBook` changes the book it is given, so a fix test loads its own.
 */
export function corpusBook(spec: BookSpec, slug: SlugFlavour = 'github'): Book {
  return oncePerWorker(`book ${slug} ${JSON.stringify(spec)}`, () => loadBook(spec, { slug }));
}
