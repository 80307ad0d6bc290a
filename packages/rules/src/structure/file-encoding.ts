/**
 * # file-encoding
 *
 * A chapter that is not UTF-8 text: UTF-16 (with or without a byte-order mark, recognised by its zero bytes), GBK, Big5 or another legacy encoding (the first byte that is not UTF-8 is named), or a file with NUL bytes. It is not parsed and not checked; the other files still are.
 * Reported by the loader (`@tongwen/workspace` decodes and reads) and
 * raised here, so that it has a level, presets and suppression.
 *
 * ```text
 * Unexpected invalid UTF-8 at byte 2 (GBK, Big5 or another legacy encoding?), expected a UTF-8 text file: not checked
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { reportLoadProblems } from '../lib/load-problems.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'file-encoding',
    family: 'structure',
    scope: 'book',
    description: 'A chapter must be UTF-8 text',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check(context) {
    reportLoadProblems('file-encoding', context);
  },
});
