import type { RunCache } from './types.js';

/** A fresh per-run cache. */
export function createRunCache(): RunCache {
  const store = new Map<string, unknown>();
  return {
    memo<T>(key: string, create: () => T): T {
      if (!store.has(key)) store.set(key, create());
      return store.get(key) as T;
    },
  };
}
