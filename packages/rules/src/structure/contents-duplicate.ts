/**
 * # contents-duplicate
 *
 * The same file (and the same anchor, if any) is listed twice in the
 * contents list. GitBook/HonKit and mdBook then render the chapter twice, or
 * keep only one of the entries, and the previous/next navigation loops.
 * Entries pointing to different anchors of one file (`a.md#x`, `a.md#y`)
 * are fine. Each contents list of a book with several (`TOC.md` and
 * `TOC-*.md`) is checked on its own: two lists may share a page.
 *
 * ```markdown
 * * [镜像](image/README.md)
 *   * [获取镜像](image/pull.md)
 * * [获取](image/pull.md)          <!-- reported: listed on line 2 -->
 * ```
 */
import { contentsListsOf, type Contents } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset, type BookReport } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'contents-duplicate',
    family: 'structure',
    scope: 'book',
    description: 'A file must be listed only once in the contents list',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ book, report }) {
    // Each list is its own navigation (a site's `TOC.md` and `TOC-cloud.md` may list the same page).
    for (const contents of contentsListsOf(book)) checkList(contents, report);
  },
});

/** Entries of one contents list that repeat an earlier entry. */
function checkList(contents: Contents, report: (report: BookReport) => void): void {
  const first = new Map<string, (typeof contents.entries)[number]>();
  for (const entry of contents.entries) {
    if (entry.path === undefined) continue;
    const key = `${entry.path}#${entry.anchor ?? ''}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    const range = entry.targetPosition ?? entry.position;
    const shown = entry.anchor ? `${entry.path}#${entry.anchor}` : entry.path;
    report({
      file: contents.path,
      start: range.start.offset,
      end: range.end.offset,
      message: `Unexpected second entry for \`${shown}\`, expected each file listed once (first listed on line ${earlier.position.start.line})`,
      cause: { file: contents.path, line: earlier.position.start.line, column: earlier.position.start.column, message: 'First entry' },
    });
  }
}
