/**
 * # file-too-large
 *
 * A chapter larger than the limit (64 MiB): it is not parsed (bounded memory); the other files are still checked.
 * Reported by the loader (`@tongwen/workspace` decodes and reads) and
 * raised here, so that it has a level, presets and suppression.
 *
 * ```text
 * File is 70000000 bytes, more than the limit of 67108864: not checked
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { reportLoadProblems } from '../lib/load-problems.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'file-too-large',
    family: 'structure',
    scope: 'book',
    description: 'A chapter must not exceed the size limit',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check(context) {
    reportLoadProblems('file-too-large', context);
  },
});
