/**
 * # mirror-heading-structure
 *
 * A mirror file whose headings differ in number or levels from its source
 * file's: a section was added, dropped or split on one side. Headings are
 * compared by position and level, never by text (independent translations
 * word them differently).
 *
 * ```markdown
 * <!-- zh-hans/a.md: # 标题 / ## 安装 / ## 配置 -->
 * <!-- zh-tw/a.md:   # 標題 / ## 安裝 -->
 * ```
 */
import { defineMirrorRule, shapeOf } from '../lib/mirror.js';

export default defineMirrorRule({
  meta: {
    id: 'mirror-heading-structure',
    description: 'A mirror file must have the headings of its source, with the same levels',
    severity: 'error',
    options: {},
  },
  checkPair({ pair, source, mirror, cache, report }) {
    const want = shapeOf(source, cache).headings;
    const have = shapeOf(mirror, cache).headings;
    const levels = (list: typeof want): string => list.map((heading) => '#'.repeat(heading.depth)).join(' ');
    if (levels(want) === levels(have)) return;
    let i = 0;
    while (i < want.length && i < have.length && want[i]!.depth === have[i]!.depth) i++;
    const at = have[i] ?? have[have.length - 1];
    const expected = want[i] ? `\`${'#'.repeat(want[i]!.depth)} ${want[i]!.text}\`` : 'no more headings';
    const found = have[i] ? `\`${'#'.repeat(have[i]!.depth)} ${have[i]!.text}\`` : 'no heading';
    report({ start: at?.start ?? 0, sourceAt: want[i]?.start ?? 0 }, `Unexpected ${found} as heading ${i + 1} of ${have.length}, expected ${expected} as in \`${pair.source}\` (${want.length} headings)`);
  },
});
