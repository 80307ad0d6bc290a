import type { Edit } from './types.js';

/** Thrown by {@link applyEdits} when two edits overlap or one is out of range. */
export class EditConflictError extends Error {
  constructor(
    message: string,
    readonly first: Edit,
    readonly second?: Edit,
  ) {
    super(message);
    this.name = 'EditConflictError';
  }
}

/**
 * Sort edits by position and refuse overlaps. Two insertions at the same
 * offset are kept in their given order; an insertion at the start or end of
 * a replaced range is not an overlap.
 */
export function sortEdits(edits: readonly Edit[], length: number): Edit[] {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map(({ edit }) => edit);
  let previous: Edit | undefined;
  for (const edit of sorted) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end < edit.start || edit.end > length) {
      throw new EditConflictError(`Edit [${edit.start}, ${edit.end}) is outside the source (length ${length})`, edit);
    }
    if (previous && edit.start < previous.end) {
      throw new EditConflictError(
        `Edit [${edit.start}, ${edit.end}) overlaps edit [${previous.start}, ${previous.end})`,
        previous,
        edit,
      );
    }
    previous = edit;
  }
  return sorted;
}

/**
 * Apply edits to `source` in one pass. Offsets are 0-based UTF-16 code units
 * into the original `source`; the output differs from the input only inside
 * the edited ranges. Overlapping edits throw {@link EditConflictError}.
 */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return source;
  const sorted = sortEdits(edits, source.length);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    parts.push(source.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(source.slice(cursor));
  return parts.join('');
}

/**
 * Keep the largest set of edits that do not overlap, taking them in order of
 * position (first come, first kept). Used by the fix loop: what is dropped
 * here is applied in the next round.
 */
export function nonOverlapping(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (edit.start < end) continue;
    if (edit.start === end && kept.length > 0 && kept[kept.length - 1]!.start === edit.start && edit.start === edit.end) continue;
    kept.push(edit);
    end = edit.end;
  }
  return kept;
}

/**
 * Whether two edits cannot be applied together: their ranges intersect, an
 * insertion falls strictly inside the other's range, or both insert at one
 * offset (their order would be a guess). The one rule of {@link nonOverlapping},
 * the fix loop and the fix verification.
 */
export function editsOverlap(a: Edit, b: Edit): boolean {
  return nonOverlapping([a, b]).length < 2;
}
