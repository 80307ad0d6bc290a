import type { AnyRule, BookRule, ChapterRule } from './types.js';

/** Declare a chapter rule (identity; gives type inference for the options). */
export function defineChapterRule<Options>(rule: ChapterRule<Options>): ChapterRule<Options> {
  return rule;
}

/** Declare a book rule (identity; gives type inference for the options). */
export function defineBookRule<Options>(rule: BookRule<Options>): BookRule<Options> {
  return rule;
}

/** Whether a rule reads the whole book. */
export function isBookRule(rule: AnyRule): rule is BookRule<any> {
  return rule.meta.scope === 'book';
}
