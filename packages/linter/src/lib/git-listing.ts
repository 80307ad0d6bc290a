/**
 * A book read from git is known by its listing: every file's path and blob
 * id (git's hash of its bytes), with the contents settings found in the
 * work tree. The same listing under the same store key (tool, rules,
 * settings) has the same book findings, so a gate's check of HEAD whose
 * listing a run has seen takes them without reading a chapter — the index
 * of an earlier run becomes HEAD once committed, and a retried gate reads
 * the same HEAD.
 */
import type { Finding } from '@tongwen/book';
import { hashText, isChapterFile, type BookSpec, type FileSource } from '@tongwen/workspace';
import type { ChapterCache } from './cache.js';

/** What a book's findings depend on of its spec (the contents settings): one list for its state in the store (`bookInputs` of run.ts) and its listing here. */
export function specInputs(spec: BookSpec): unknown[] {
  return [spec.contents ?? null, spec.grammar ?? null, spec.moreContents ?? []];
}

/** The hash of a book's git listing for findings of all rules, or of the book rules only; `undefined` for a source that is not git. */
export function listingState(source: FileSource, spec: BookSpec, bookRulesOnly: boolean): string | undefined {
  const ids = source.blobIds?.();
  return ids && hashText(JSON.stringify(['git listing', [...ids], ...specInputs(spec), bookRulesOnly]));
}

/**
 * The book findings of a listing that a run has seen: for the book rules
 * only, those kept for them or for every rule (more than asked for, never
 * less), with the number of chapters listed.
 */
export function listedFindings(source: FileSource, spec: BookSpec, cache: ChapterCache, bookRulesOnly: boolean): { findings: Finding[]; chapters: number } | undefined {
  const scopes = bookRulesOnly ? [true, false] : [false];
  for (const scope of scopes) {
    const listing = listingState(source, spec, scope);
    const findings = listing === undefined ? undefined : cache.listedFindings(listing);
    if (findings) return { findings, chapters: source.list().filter(isChapterFile).length };
  }
  return undefined;
}
