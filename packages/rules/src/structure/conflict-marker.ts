/**
 * # conflict-marker
 *
 * A merge-conflict marker left in a chapter: a line starting with
 * `<<<<<<<` or `>>>>>>>`, or a `=======` line between them. Git wrote them
 * when a merge failed; published, they show both versions of the text.
 * Lines inside fenced or indented code are not checked (a tutorial about
 * Git may show conflicts on purpose).
 *
 * ```markdown
 * <<<<<<< HEAD            <!-- reported -->
 * 使用 `docker run` 启动。
 * =======                 <!-- reported -->
 * 使用 `docker start` 启动。
 * >>>>>>> feature         <!-- reported -->
 * ```
 */
import type { Nodes } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { walk } from '../lib/walk.js';
import { everyPreset } from '../lib/types.js';

const marker = /^(<{7}|={7}|>{7})(?:[ \t].*)?$/;

export default defineChapterRule({
  meta: {
    id: 'conflict-marker',
    family: 'structure',
    scope: 'chapter',
    description: 'Chapters must not contain merge-conflict markers',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    const { source, lineStarts } = chapter;
    if (!source.includes('<<<<<<<') && !source.includes('>>>>>>>')) return;
    const code: [number, number][] = [];
    walk(chapter.tree, (node) => {
      if (node.type !== 'code') return true;
      if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) code.push([node.position.start.offset, node.position.end.offset]);
      return false;
    });
    let open = false;
    for (let i = 0; i < lineStarts.length; i++) {
      const start = lineStarts[i]!;
      const end = (lineStarts[i + 1] ?? source.length + 1) - 1;
      const text = source.slice(start, Math.max(start, end)).replace(/\r$/, '');
      const match = marker.exec(text);
      if (!match) continue;
      if (code.some(([from, to]) => start >= from && start < to)) continue;
      const kind = match[1]![0];
      if (kind === '<') open = true;
      else if (kind === '=' && !open) continue;
      else if (kind === '>') open = false;
      report({ start, end: start + text.length, message: `Unexpected merge-conflict marker \`${match[1]}\`, expected the conflict resolved and the marker removed` });
    }
  },
});
