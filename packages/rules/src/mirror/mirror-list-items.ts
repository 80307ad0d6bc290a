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
import { defineMirrorRule, shapeOf } from '../lib/mirror.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-list-items',
    description: 'The lists of a mirror file must have the items of its source',
    severity: 'warning',
    options: {},
  },
  checkPair({ pair, source, mirror, cache, report }) {
    const want = shapeOf(source, cache).lists;
    const have = shapeOf(mirror, cache).lists;
    if (want.length !== have.length) {
      const at = have[Math.min(want.length, have.length)] ?? have[have.length - 1];
      const items = (lists: typeof want): number => lists.reduce((sum, list) => sum + list.items, 0);
      report({ start: at?.start ?? 0 }, `Unexpected ${have.length} lists (${items(have)} items), expected ${want.length} (${items(want)} items) as in \`${pair.source}\``);
      return;
    }
    have.forEach((list, i) => {
      const original = want[i]!;
      if (list.items === original.items) return;
      report({ start: list.start, sourceAt: original.start }, `Unexpected ${list.items} items in list ${i + 1}, expected ${original.items} as in \`${pair.source}\``);
    });
  },
});
