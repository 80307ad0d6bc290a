/**
 * # contents-syntax
 *
 * A line of the contents list that the GitBook/HonKit or mdBook grammar does
 * not read as intended: a line that is not a list item, part heading or
 * separator; a malformed link (`[安装](install.md`); an empty item; an empty
 * target in GitBook; indentation that nests an entry where it was not meant
 * to be; an mdBook unbulleted chapter between numbered ones. The tools skip
 * or misplace such lines without a word.
 *
 * ```markdown
 * * [简介](README.md)
 * * [安装](install.md            <!-- reported: malformed link -->
 * 安装说明                        <!-- reported: not a list item -->
 * ```
 */
import { contentsListsOf } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { reportLoadProblems } from '../lib/load-problems.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'contents-syntax',
    family: 'structure',
    scope: 'book',
    description: 'The contents list must follow the GitBook or mdBook grammar',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check(context) {
    const { book, report } = context;
    // A contents list the loader could not use (`Cannot read the contents list`).
    reportLoadProblems('contents-syntax', context);
    for (const contents of contentsListsOf(book)) {
      for (const problem of contents.problems) {
        report({ file: contents.path, start: problem.position.start.offset, end: problem.position.end.offset, message: problem.message });
      }
    }
  },
});
