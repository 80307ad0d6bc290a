/**
 * # file-case-twin
 *
 * Two files of the book whose paths differ only in letter case (or in
 * Unicode normalisation): `Intro.md` and `intro.md`, `Images/a.png` and
 * `images/a.png`. Git and Linux keep both; a checkout on macOS or Windows
 * (case-insensitive file systems) keeps only one of them, so a contributor
 * there edits the wrong file or sees a phantom change, and links may reach
 * either one depending on the machine. Reported once per twin, on the path
 * that sorts later, with the other as the cause.
 *
 * ```text
 * intro.md, setup.md              <!-- fine -->
 * Intro.md, intro.md              <!-- reported on intro.md -->
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

/** The name under which a case- and normalisation-insensitive file system stores a path. */
function folded(file: string): string {
  return file.normalize('NFC').toLowerCase();
}

export default defineBookRule({
  meta: {
    id: 'file-case-twin',
    family: 'structure',
    scope: 'book',
    description: 'File paths must differ by more than letter case',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ book, report }) {
    const first = new Map<string, string>();
    for (const file of [...book.files].sort()) {
      const key = folded(file);
      const twin = first.get(key);
      if (twin === undefined) {
        first.set(key, file);
        continue;
      }
      report({
        file,
        start: 0,
        message: `Unexpected file \`${file}\` whose path differs from \`${twin}\` only in letter case, expected paths that differ on case-insensitive file systems (macOS, Windows)`,
        cause: { file: twin, line: 1, column: 1, message: 'the other file' },
      });
    }
  },
});
