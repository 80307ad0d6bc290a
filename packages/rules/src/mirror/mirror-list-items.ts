/**
 * # mirror-list-items
 *
 * A list of a mirror file with another number of items than the source's
 * list at the same position, or another number of lists: an example, a
 * step or an option added on one side only (the source is sometimes the
 * stale side).
 *
 * ```markdown
 * <!-- zh-hans/a.md: - 一 / - 二 / - 三 -->
 * <!-- zh-tw/a.md:   - 一 / - 二      : reported -->
 * ```
 */
import { pointAt } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { eachMirrorPair, shapeOf } from '../lib/mirror.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'mirror-list-items',
    family: 'mirror',
    scope: 'book',
    description: 'The lists of a mirror file must have the items of its source',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ book, settings, cache, report }) {
    eachMirrorPair(book, settings, cache, (pair, source, mirror) => {
      const want = shapeOf(source, cache).lists;
      const have = shapeOf(mirror, cache).lists;
      if (want.length !== have.length) {
        const at = have[Math.min(want.length, have.length)] ?? have[have.length - 1];
        const items = (lists: typeof want): number => lists.reduce((sum, list) => sum + list.items, 0);
        report({ file: pair.mirror, start: at?.start ?? 0, end: at?.start ?? 0, message: `Unexpected ${have.length} lists (${items(have)} items), expected ${want.length} (${items(want)} items) as in \`${pair.source}\`` });
        return;
      }
      have.forEach((list, i) => {
        const original = want[i]!;
        if (list.items === original.items) return;
        report({
          file: pair.mirror,
          start: list.start,
          end: list.start,
          message: `Unexpected ${list.items} items in list ${i + 1}, expected ${original.items} as in \`${pair.source}\``,
          cause: { file: pair.source, line: pointAt(source.lineStarts, original.start).line, column: 1 },
        });
      });
    });
  },
});
