import type { RunCache } from './types.js';

/** Keys of the immutable resources of a run (converters, the word segmenter): safe to share between runs. */
const resourceKeys: ReadonlySet<string> = new Set(['tongwen:opencc:converters', 'tongwen:opencc:word-aware', 'tongwen:segmenter']);

/**
 * A fresh per-run cache. With `resources`, the immutable resources (slow to
 * build: converters, the word segmenter) come from that cache, so rounds of
 * the fix loop or the cases of a test table build them once.
 */
export function createRunCache(resources?: RunCache): RunCache {
  const store = new Map<string, unknown>();
  return {
    memo<T>(key: string, create: () => T): T {
      if (resources && resourceKeys.has(key)) return resources.memo(key, create);
      if (!store.has(key)) store.set(key, create());
      return store.get(key) as T;
    },
  };
}
