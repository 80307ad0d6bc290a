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
import { defineBookRule } from '../lib/define.js';
import { folderOf, mirrorPairings } from '../lib/mirror.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'mirror-orphan',
    family: 'mirror',
    scope: 'book',
    description: 'Every file of a mirror must have a source file',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ book, settings, cache, mirrorHistory, report }) {
    for (const { setting, extra } of mirrorPairings(book, settings, cache)) {
      const from = folderOf(setting.source);
      const to = folderOf(setting.mirror);
      for (const file of extra) {
        const basis = mirrorHistory?.get(file);
        const expected = basis?.source ?? `${from}${file.slice(to.length)}`;
        const was = basis ? ` (made from \`${basis.source}\`, now deleted or moved)` : '';
        report({ file, start: 0, end: 0, message: `Unexpected mirror file \`${file}\` without a source${was}, expected \`${expected}\`` });
      }
    }
  },
});
