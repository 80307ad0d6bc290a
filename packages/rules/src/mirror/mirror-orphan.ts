/**
 * # mirror-orphan
 *
 * A mirror file whose source file does not exist (configuration `mirrors`,
 * kind `human`): the source was deleted or moved, and the mirror still
 * publishes the old page. Moves the pairing can follow (same file name,
 * same code) are not reported here. When the mirror's history is known (a
 * stamp, or git) the message names the source the mirror was made from.
 *
 * ```markdown
 * <!-- zh-tw/old.md without zh-hans/old.md: reported -->
 * ```
 */
import { defineMirrorRule } from '../lib/mirror.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-orphan',
    description: 'Every file of a mirror must have a source file',
    severity: 'warning',
    options: {},
  },
  checkPairing({ pairing, from, to, mirrorHistory, report }) {
    for (const file of pairing.extra) {
      const basis = mirrorHistory?.get(file);
      const expected = basis?.source ?? `${from}${file.slice(to.length)}`;
      const was = basis ? ` (made from \`${basis.source}\`, now deleted or moved)` : '';
      report({ file, start: 0, end: 0, message: `Unexpected mirror file \`${file}\` without a source${was}, expected \`${expected}\`` });
    }
  },
});
