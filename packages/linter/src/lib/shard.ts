/**
 * `--shard i/n`: one of n parts of a check, for CI matrices. A chapter's
 * shard follows from its path alone (a hash), so adding a chapter moves no
 * other; the book rules (and load problems, and the mirrors across books)
 * run in the first shard. The findings of the n shards together are those
 * of the whole check, fingerprints included.
 */
import { hashText } from '@tongwen/workspace';
import type { ShardFilter } from './lint.js';

/** One shard: `index` from 1 to `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** A shard from `i/n` (1 ≤ i ≤ n), or `undefined` when the text is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** Whether a chapter (its path from the book root) is in the shard. */
export function inShard(shard: Shard, file: string): boolean {
  return shard.count <= 1 || Number.parseInt(hashText(file).slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** What the shard runs, for `lintBook`. */
export function shardFilter(shard: Shard): ShardFilter {
  return { chapters: (file) => inShard(shard, file), bookRules: shard.index === 1 };
}
