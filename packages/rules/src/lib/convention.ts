/**
 * House conventions: what most chapters of a book do. A structure finding
 * that would fire on nearly every chapter is the book's convention, not a
 * defect; rules in `consistent` mode follow the book and report only the
 * chapters that break its own convention.
 */
import type { Book, HeadingFact } from '@tongwen/book';
import type { RunCache } from './types.js';

/** A habit is the book's convention when at least this share of the chapters that could show it do, … */
const share = 0.5;
/** … and at least this many chapters do. */
const minimum = 3;

/** Whether `count` chapters out of `of` make a convention. */
export function isConvention(count: number, of: number): boolean {
  return count >= minimum && count >= of * share;
}

/** Level jumps (`2>4`: a level-4 heading right after a level-2 one) that are the book's convention. */
export function conventionalJumps(book: Book | undefined, cache: RunCache): ReadonlySet<string> {
  if (!book) return new Set();
  return cache.memo(`convention:jumps:${book.root}:${book.chapters.size}`, () => {
    const counts = new Map<string, number>();
    let chapters = 0;
    for (const chapter of book.chapters.values()) {
      const jumps = new Set(jumpsOf(chapter.headings));
      if (chapter.headings.length >= 2) chapters++;
      for (const jump of jumps) counts.set(jump, (counts.get(jump) ?? 0) + 1);
    }
    return new Set([...counts].filter(([, count]) => isConvention(count, chapters)).map(([jump]) => jump));
  });
}

/** The level jumps of a chapter's outline (headings in containers aside: their levels are their own), as `from>to`. */
export function jumpsOf(headings: readonly Pick<HeadingFact, 'depth' | 'scope'>[]): string[] {
  const outline = headings.filter((heading) => heading.scope === undefined);
  const jumps: string[] = [];
  for (let i = 1; i < outline.length; i++) {
    const from = outline[i - 1]!.depth;
    const to = outline[i]!.depth;
    if (to > from + 1) jumps.push(`${from}>${to}`);
  }
  return jumps;
}

/** Whether the book writes several level-1 headings per chapter as its convention. */
export function severalTitlesIsConvention(book: Book | undefined, cache: RunCache): boolean {
  if (!book) return false;
  return cache.memo(`convention:titles:${book.root}:${book.chapters.size}`, () => {
    let titled = 0;
    let several = 0;
    for (const chapter of book.chapters.values()) {
      const titles = chapter.headings.filter((heading) => heading.depth === 1 && heading.scope === undefined).length;
      if (titles >= 1) titled++;
      if (titles >= 2) several++;
    }
    return isConvention(several, titled);
  });
}
