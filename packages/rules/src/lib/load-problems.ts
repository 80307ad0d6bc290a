import type { BookContext } from './types.js';

/**
 * The shared check of the rules that report what the loader found
 * (`file-encoding`, `file-unreadable`, `file-too-large`): each reports the
 * book's load problems of its own id, so that they have levels, presets and
 * suppression like any rule.
 */
export function reportLoadProblems(id: string, context: Pick<BookContext<unknown>, 'book' | 'report'>): void {
  for (const problem of context.book.problems) {
    if (problem.ruleId !== id) continue;
    context.report({
      file: problem.file,
      message: problem.message,
      ...(problem.position ? { start: problem.position.start.offset, end: problem.position.end.offset } : {}),
    });
  }
}
