/**
 * # contents-empty
 *
 * A contents list that links no chapter: an empty `SUMMARY.md`, or one with
 * only titles and part headings. The book's site then has no pages, and
 * every chapter is an orphan. Usually a file emptied by a bad merge or a
 * script.
 *
 * ```markdown
 * # 目录                          <!-- reported: no entry links a file -->
 *
 * ## 第一部分
 * ```
 */
import { contentsListsOf } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'contents-empty',
    family: 'structure',
    scope: 'book',
    description: 'A contents list must link at least one chapter',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ book, report }) {
    for (const contents of contentsListsOf(book)) {
      if (contents.entries.some((entry) => entry.target !== undefined || entry.kind === 'draft')) continue;
      const what = contents.entries.length === 0 ? 'no entries' : `${contents.entries.length === 1 ? 'one entry' : `${contents.entries.length} entries`} but no link`;
      report({ file: contents.path, start: 0, message: `Unexpected contents list with ${what}, expected entries such as \`* [title](file.md)\`` });
    }
  },
});
