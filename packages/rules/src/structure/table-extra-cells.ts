/**
 * # table-extra-cells
 *
 * A table row with more cells than the header row: GitHub, GitBook and
 * every GFM renderer drop the excess cells, so their text silently
 * disappears. The usual cause is a `|` inside a cell (even inside inline
 * code, `` `a|b` ``) that was not written `\|`, as maintainers of Chinese
 * docs fix it (SocialSisterYi/bilibili-API-collect#496). A row with fewer
 * cells is padded with empty ones, and is fine.
 *
 * ```markdown
 * | 参数 | 说明 |
 * | --- | --- |
 * | `a\|b` | 或运算 |   <!-- fine -->
 * | `a|b` | 或运算 |    <!-- reported: 3 cells, the last is not rendered -->
 * ```
 */
import type { Nodes, Table } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { walk } from '../lib/walk.js';

export default defineChapterRule({
  meta: {
    id: 'table-extra-cells',
    family: 'structure',
    scope: 'chapter',
    description: 'Table rows must not have more cells than the header row',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    walk(chapter.tree, (node: Nodes) => {
      if (node.type !== 'table') return node.type !== 'code' && node.type !== 'html';
      const [header, ...rows] = (node as Table).children;
      const columns = header?.children.length ?? 0;
      for (const row of rows) {
        if (row.children.length <= columns) continue;
        const extra = row.children.slice(columns);
        const start = extra[0]!.position?.start.offset;
        const end = row.position?.end.offset;
        const lost = extra.length;
        report({
          ...(start !== undefined && end !== undefined ? { start, end } : {}),
          message: `Unexpected ${row.children.length} cells in a row of a ${columns}-column table: the last ${lost === 1 ? 'one is' : `${lost} are`} not rendered, expected ${columns} (write a \`|\` inside a cell as \`\\|\`)`,
        });
      }
      return false;
    });
  },
});
