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
 *
 * A fence opener with an info string inside an open block (```` ```sh ````
 * where a closing ```` ``` ```` was forgotten) is reported too: it cannot
 * close the block, and from there on prose and code swap.
 */
import type { Code, Nodes } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { walk } from '../lib/walk.js';
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
    const visit = (tree: Nodes): void =>
      walk(tree, (node) => {
        if (node.type === 'code') check(node);
      });
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
      reopened(node, text, fence, lines);
      if (lines.length > 1 && close.test(last)) return;
      report({
        start,
        end: start + open[0].length,
        message: `Unexpected unclosed code fence ${inlineCode(fence)}, expected a closing ${inlineCode(fence)} before the end of its block`,
      });
    };
    /**
     * A line inside the block that opens a fence with an info string (```` ```sh ````)
     * at least as long as the block's own: it cannot close the block, so the
     * closing fence above it was forgotten and from there on prose and code swap.
     */
    const reopened = (node: Code, text: string, fence: string, lines: string[]): void => {
      const start = node.position!.start.offset!;
      const inner = new RegExp(`^([ \\t>]*)(\\${fence[0]}{${fence.length},})[ \\t]*([\\w+#.-]+)[^\\${fence[0]}]*$`);
      let offset = start;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        const match = i > 0 ? inner.exec(line) : null;
        if (match) {
          const at = offset + match[1]!.length;
          report({
            start: at,
            end: at + line.trimEnd().length - match[1]!.length,
            message: `Unexpected code fence ${inlineCode(line.trim())} inside the code block opened on line ${node.position!.start.line}, expected a closing ${inlineCode(fence)} before it`,
          });
          return;
        }
        offset += line.length + (text.startsWith('\r\n', offset + line.length) ? 2 : 1);
      }
    };
    visit(chapter.tree);
  },
});
