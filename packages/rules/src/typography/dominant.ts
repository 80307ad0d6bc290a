/**
 * The `consistent` conventions: the form a book uses most, counted once per
 * run over every chapter's prose (memoised in the run's cache by book), so
 * a rule can report only the exceptions.
 */
import type { Book, Chapter } from '@tongwen/book';
import { OBJECT, proseStreams, type Stream } from '../lib/text.js';
import type { RunCache } from '../lib/types.js';

/** The part of a book a form is counted over (named, for the memo): e.g. the chapters of one script. */
export interface Within {
  name: string;
  counts(chapter: Chapter): boolean;
}

/**
 * The form of `forms` the book clearly prefers: the highest count over the
 * book (the chapter alone when there is no book), when it makes at least
 * two thirds of all counted occurrences. A book that mixes its forms about
 * evenly has no house style of its own: `fallback` (the rule's default),
 * as when nothing counts. `tally(stream, add)` calls `add(form)` once per
 * occurrence.
 */
export function dominantForm<T extends string>(
  key: string,
  context: { book?: Book | undefined; chapter: Chapter; cache: RunCache; within?: Within },
  forms: readonly T[],
  fallback: T,
  tally: (stream: Stream, add: (form: T) => void) => void,
): T {
  const memo = context.cache.memo(`tongwen:dominant:${key}:${context.within?.name ?? ''}`, () => new WeakMap<object, T>());
  const owner: object = context.book ?? context.chapter;
  const known = memo.get(owner);
  if (known) return known;
  const counts = new Map<T, number>(forms.map((form) => [form, 0]));
  const chapters = context.book ? [...context.book.chapters.values()].filter((chapter) => context.within?.counts(chapter) ?? true) : [context.chapter];
  for (const chapter of chapters) {
    for (const stream of proseStreams(chapter, context.cache)) {
      if (/\p{Script=Han}/u.test(stream.text)) tally(stream, (form) => counts.set(form, (counts.get(form) ?? 0) + 1));
    }
  }
  const chosen = clearlyPreferred(counts, fallback);
  memo.set(owner, chosen);
  return chosen;
}

/**
 * The prose lines of a chapter's source, cheaply: lines outside front matter
 * and fenced code, with inline code spans as one {@link OBJECT} each. An
 * approximation of its prose streams that needs no syntax tree: a
 * convention counted over a whole book from it parses no chapter (a chapter
 * rule that read every chapter's tree parsed the book a second time).
 */
export function proseLines(source: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  const all = source.split(/\r?\n/);
  let i = 0;
  if (all[0] === '---') {
    const end = all.indexOf('---', 1);
    if (end > 0) i = end + 1;
  }
  for (; i < all.length; i++) {
    const line = all[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (/^(?: {4}|\t)/.test(line) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) continue;
    lines.push(line.replace(/(`+)[^`]+?\1/g, OBJECT));
  }
  return lines;
}

/**
 * {@link dominantForm}, counted over {@link proseLines} of the chapters'
 * sources (no tree is parsed), and only when the form occurs at least
 * `minimum` times (a book that shows a form once or twice has no house
 * style): `tally(line, add)` calls `add(form)` once per occurrence.
 */
export function dominantFormInSources<T extends string>(
  key: string,
  context: { book?: Book | undefined; chapter: Chapter; cache: RunCache },
  forms: readonly T[],
  fallback: T,
  tally: (line: string, add: (form: T) => void) => void,
  minimum = 1,
): T {
  const memo = context.cache.memo(`tongwen:dominant-source:${key}`, () => new WeakMap<object, T>());
  const owner: object = context.book ?? context.chapter;
  const known = memo.get(owner);
  if (known) return known;
  const counts = new Map<T, number>(forms.map((form) => [form, 0]));
  const chapters = context.book ? context.book.chapters.values() : [context.chapter];
  for (const chapter of chapters) {
    for (const line of proseLines(chapter.source)) {
      if (/\p{Script=Han}/u.test(line)) tally(line, (form) => counts.set(form, (counts.get(form) ?? 0) + 1));
    }
  }
  const chosen = clearlyPreferred(counts, fallback, minimum);
  memo.set(owner, chosen);
  return chosen;
}

/** The form with the highest count when it makes two thirds of all counted and at least `minimum`, else `fallback`. */
function clearlyPreferred<T extends string>(counts: ReadonlyMap<T, number>, fallback: T, minimum = 1): T {
  let best = fallback;
  let total = 0;
  for (const [form, count] of counts) {
    total += count;
    if (count > (counts.get(best) ?? 0)) best = form;
  }
  const count = counts.get(best) ?? 0;
  return count * 3 >= total * 2 && count >= minimum ? best : fallback;
}
