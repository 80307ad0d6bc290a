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
import { pointAt } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { eachMirrorPair, shapeOf } from '../lib/mirror.js';
import { everyPreset } from '../lib/types.js';

export default defineBookRule({
  meta: {
    id: 'mirror-heading-structure',
    family: 'mirror',
    scope: 'book',
    description: 'A mirror file must have the headings of its source, with the same levels',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ book, settings, cache, report }) {
    eachMirrorPair(book, settings, cache, (pair, source, mirror) => {
      const want = shapeOf(source, cache).headings;
      const have = shapeOf(mirror, cache).headings;
      const levels = (list: typeof want): string => list.map((heading) => '#'.repeat(heading.depth)).join(' ');
      if (levels(want) === levels(have)) return;
      let i = 0;
      while (i < want.length && i < have.length && want[i]!.depth === have[i]!.depth) i++;
      const at = have[i] ?? have[have.length - 1];
      const expected = want[i] ? `\`${'#'.repeat(want[i]!.depth)} ${want[i]!.text}\`` : 'no more headings';
      const found = have[i] ? `\`${'#'.repeat(have[i]!.depth)} ${have[i]!.text}\`` : 'no heading';
      report({
        file: pair.mirror,
        start: at?.start ?? 0,
        end: at?.start ?? 0,
        message: `Unexpected ${found} as heading ${i + 1} of ${have.length}, expected ${expected} as in \`${pair.source}\` (${want.length} headings)`,
        cause: { file: pair.source, line: want[i] ? pointAt(source.lineStarts, want[i]!.start).line : 1, column: 1 },
      });
    });
  },
});

