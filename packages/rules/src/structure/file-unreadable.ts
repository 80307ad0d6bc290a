/**
 * # file-unreadable
 *
 * A chapter that exists in the listing but cannot be read (permissions, a file removed during the run). `tongwen check` exits with 2 (an I/O failure) when one is reported.
 * Reported by the loader (`@tongwen/workspace` decodes and reads) and
 * raised here, so that it has a level, presets and suppression.
 *
 * ```text
 * Cannot read file: EACCES
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { reportLoadProblems } from '../lib/load-problems.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'file-unreadable',
    family: 'structure',
    scope: 'book',
    description: 'A chapter must be readable',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check(context) {
    reportLoadProblems('file-unreadable', context);
  },
});
