/**
 * # rule-crashed
 *
 * A rule threw an exception on a file: a bug in tongwen (or a plugin), not
 * in the book. The engine isolates it: the crash becomes this finding on that
 * file, naming the rule and the error, and every other rule and file is still
 * checked. Reported by the engine (`lintBook`), which runs each rule inside a
 * guard; this rule gives the finding a level, presets and suppression.
 *
 * ```text
 * Unexpected crash of rule `zh-quotes`: TypeError: x is undefined, expected a rule that finishes (please report it)
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'rule-crashed',
    family: 'structure',
    scope: 'book',
    description: 'Every rule must finish on every file',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check() {
    // Reported by the engine when another rule throws: nothing to look at here.
  },
});
