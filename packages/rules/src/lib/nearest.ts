/** Levenshtein distance on UTF-16 code units, with an upper bound for speed. */
export function distance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Options of {@link nearest}. */
export interface NearestOptions {
  /**
   * Also take a candidate that starts with `wanted` (or that `wanted` starts
   * with), both at least 2 characters long: `#获取` → `#获取镜像`. Default false.
   */
  prefix?: boolean;
}

/**
 * The candidate closest to `wanted`, if it is close enough to be a likely
 * typo: within a third of the longer length (at least 1, at most 8 edits),
 * or the same file name in another folder (or, with `prefix`, a prefix
 * either way). Ties go to the first candidate.
 */
export function nearest(wanted: string, candidates: Iterable<string>, options: NearestOptions = {}): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const wantedBase = wanted.slice(wanted.lastIndexOf('/') + 1).toLowerCase();
  for (const candidate of candidates) {
    const limit = Math.min(8, Math.max(1, Math.floor(Math.max(candidate.length, wanted.length) / 3)));
    let d = distance(wanted.toLowerCase(), candidate.toLowerCase(), limit);
    if (d > limit && wantedBase.length > 0 && !/^(readme|index)\.md$/.test(wantedBase) && candidate.slice(candidate.lastIndexOf('/') + 1).toLowerCase() === wantedBase) d = limit;
    if (d > limit && options.prefix && Math.min(wanted.length, candidate.length) >= 2 && (candidate.startsWith(wanted) || wanted.startsWith(candidate))) d = limit;
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
