/**
 * # mirror-missing-file
 *
 * A file of a mirror's source edition that has no file in the mirror
 * (configuration `mirrors`, kind `human`): readers of the mirror never get
 * that page. Renames are followed: a mirror file at another path with the
 * same file name, or with the same code, counts as the file's mirror.
 * Reported on the source file, so that a pull request adding a page learns
 * that its mirror is missing. A mirror set `partial` (an edition that
 * translates some pages by design, as tldr's `pages.zh_TW`) gets none.
 *
 * ```markdown
 * <!-- mirrors: [{ "source": "zh-hans", "mirror": "zh-tw", "kind": "human" }] -->
 * <!-- zh-hans/install.md without zh-tw/install.md: reported -->
 * ```
 */
import { defineMirrorRule } from '../lib/mirror.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-missing-file',
    description: 'Every file of a mirror source must have a file in the mirror',
    severity: 'error',
    options: {},
  },
  checkPairing({ pairing, from, to, report }) {
    if (pairing.setting.partial) return;
    for (const file of pairing.missing) {
      const expected = `${to}${file.slice(from.length)}`;
      report({ file, start: 0, end: 0, message: `Unexpected source file \`${file}\` without a mirror, expected \`${expected}\`` });
    }
  },
});
