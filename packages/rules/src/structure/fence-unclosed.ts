/**
 * # fence-unclosed
 *
 * A fenced code block that is never closed runs to the end of its container
 * (usually the end of the file) and swallows everything after it.
 *
 * ````markdown
 * ```sh
 * docker run hello-world
 * ```                       <!-- fine -->
 *
 * ```sh
 * docker run hello-world    <!-- reported: no closing fence -->
 * ````
 */
import type { Code } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { inlineCode } from '../lib/format.js';

const opening = /^[ \t]*(`{3,}|~{3,})/;

export default defineChapterRule({
  meta: {
    id: 'fence-unclosed',
    family: 'structure',
    scope: 'chapter',
    description: 'Fenced code blocks must be closed',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    const visit = (node: { type: string; children?: unknown[] }): void => {
      if (node.type === 'code') check(node as Code);
      for (const child of (node.children ?? []) as { type: string }[]) visit(child);
    };
    const check = (node: Code): void => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const text = chapter.source.slice(start, end);
      const open = opening.exec(text);
      if (!open) return;
      const fence = open[1]!;
      const lines = text.split(/\r?\n|\r/);
      const last = lines.length > 1 ? lines[lines.length - 1]! : '';
      const close = new RegExp(`^[ \\t>]*\\${fence[0]}{${fence.length},}[ \\t]*$`);
      if (lines.length > 1 && close.test(last)) return;
      report({
        start,
        end: start + open[0].length,
        message: `Unexpected unclosed code fence ${inlineCode(fence)}, expected a closing ${inlineCode(fence)} before the end of its block`,
      });
    };
    visit(chapter.tree);
  },
});
