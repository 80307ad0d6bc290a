import { applyEdits, editsOverlap, parseChapter, parseContents, type Book, type Edit, type Finding } from '@tongwen/book';
import { createRunCache, regionOf, verifyFix, type FixChange, type RunCache } from '@tongwen/rules';
import type { Chapter } from '@tongwen/book';
import { lintBook, type LintOptions } from './lint.js';

/** What a fix run changed. */
export interface FixResult {
  /** New sources (with the BOM back when the file had one), by path from the book root. */
  changed: Map<string, string>;
  /** How many findings were fixed, by rule id. */
  fixed: Record<string, number>;
  /** Rounds until nothing was left to fix. */
  rounds: number;
  /** Rounds that fixed something. */
  fixingRounds: number;
  /** Fixable findings before any fix: fixes may reveal more (the total of {@link FixResult.fixed} can be larger). */
  fixableAtStart: number;
}

/**
 * Choose findings whose edits do not overlap, first in source order first.
 * A finding's edits are applied all together or not at all; the rest wait
 * for the next round, after a re-parse.
 */
export function compatibleFixes(findings: readonly Finding[]): Finding[] {
  const fixable = findings.filter((finding) => finding.fix && finding.fix.length > 0);
  fixable.sort((a, b) => Math.min(...a.fix!.map((e) => e.start)) - Math.min(...b.fix!.map((e) => e.start)));
  const taken: Edit[] = [];
  const chosen: Finding[] = [];
  for (const finding of fixable) {
    const edits = finding.fix!;
    if (edits.some((edit) => taken.some((other) => editsOverlap(edit, other)))) continue;
    if (edits.some((edit, i) => edits.some((other, j) => i !== j && editsOverlap(edit, other)))) continue;
    taken.push(...edits);
    chosen.push(finding);
  }
  return chosen;
}

/**
 * Each fix was verified alone or with the others of its block (`lintBook`);
 * the ones chosen to apply together are verified together once more, block
 * by block; in a block where they fail together only the first is kept (the
 * rest wait for the next round).
 */
function verifiedTogether(chapter: Chapter, chosen: Finding[], allowOf: ReadonlyMap<string, readonly FixChange[]>, cache: RunCache): Finding[] {
  const byRegion = new Map<string, Finding[]>();
  for (const finding of chosen) {
    const region = regionOf(chapter, finding.fix!);
    const key = `${region.start}:${region.end}`;
    byRegion.set(key, [...(byRegion.get(key) ?? []), finding]);
  }
  const kept: Finding[] = [];
  for (const group of byRegion.values()) {
    const allow = [...new Set(group.flatMap((finding) => allowOf.get(finding.ruleId) ?? []))];
    const together = group.length === 1 || verifyFix(chapter, group.flatMap((finding) => finding.fix!), allow, cache);
    kept.push(...(together ? group : group.slice(0, 1)));
  }
  return kept;
}

/**
 * Apply every fixable finding, re-parse, and repeat until nothing is left to
 * fix (at most `maxRounds`). Works on the book in memory: the chapters of
 * `book` are replaced by their fixed versions; nothing is written.
 */
export function fixBook(book: Book, options: LintOptions, maxRounds = 10): FixResult {
  const changed = new Map<string, string>();
  const fixed: Record<string, number> = {};
  const cache = options.cache ?? createRunCache();
  const allowOf = new Map(options.rules.map((active) => [active.rule.meta.id, active.rule.meta.fixChanges ?? []]));
  let rounds = 0;
  let fixableAtStart = 0;
  let fixingRounds = 0;
  while (rounds < maxRounds) {
    const findings = lintBook(book, { ...options, cache, fixableOnly: true });
    const byFile = new Map<string, Finding[]>();
    for (const finding of findings) {
      if (!finding.fix || !book.chapters.has(finding.file)) continue;
      byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    }
    if (rounds === 0) fixableAtStart = [...byFile.values()].reduce((sum, list) => sum + list.length, 0);
    let applied = 0;
    for (const [file, list] of byFile) {
      const chapter = book.chapters.get(file)!;
      const chosen = verifiedTogether(chapter, compatibleFixes(list), allowOf, cache);
      const source = applyEdits(chapter.source, chosen.flatMap((finding) => finding.fix!));
      if (source === chapter.source) continue;
      for (const finding of chosen) fixed[finding.ruleId] = (fixed[finding.ruleId] ?? 0) + 1;
      applied += chosen.length;
      const text = (chapter.bom ? '\uFEFF' : '') + source;
      book.chapters.set(file, parseChapter(file, text, { slug: book.slug }));
      if (book.contents?.path === file) book.contents = parseContents(source, file, { grammar: book.contents.grammar });
      if (book.moreContents) book.moreContents = book.moreContents.map((list) => (list.path === file ? parseContents(source, file, { grammar: list.grammar }) : list));
      changed.set(file, text);
    }
    rounds++;
    if (applied === 0) break;
    fixingRounds++;
  }
  return { changed, fixed, rounds, fixingRounds, fixableAtStart };
}
