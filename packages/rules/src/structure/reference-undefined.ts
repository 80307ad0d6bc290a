/**
 * # reference-undefined
 *
 * A full or collapsed reference link (`[text][label]`, `[label][]`, or the
 * image forms `![alt][label]`) whose label has no definition
 * (`[label]: url`) in the chapter. Markdown then shows the brackets as
 * literal text and no link. Parsers leave such references as plain text, so
 * the rule reads the source of text, outside code, HTML and links; a
 * bracket pair right after a letter, digit or `]` (`a[0][1]`) is an index,
 * not a reference. In a chapter with no definition at all, a Chinese label
 * (`[youtube][有字幕]`) is a bracketed tag, not a reference. Shortcut
 * references (`[label]` alone) are not checked: brackets are ordinary
 * punctuation in prose.
 *
 * ```markdown
 * 见[官网][docker]。
 *
 * [docker]: https://www.docker.com     <!-- fine -->
 *
 * 见[文档][docs]。                       <!-- reported: no `[docs]: …` -->
 * ```
 */
import type { Nodes, Parent } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { walk } from '../lib/walk.js';
import { everyPreset } from '../lib/types.js';

const reference = /(!?)\[((?:\\.|[^[\]\\\n])*)\]\[((?:\\.|[^[\]\\])*)\]/g;

/** Children whose source is not prose to look for references in. */
const opaque = new Set(['inlineCode', 'html', 'link', 'linkReference', 'image', 'imageReference', 'inlineMath', 'footnoteReference', 'mdxJsxTextElement', 'mdxTextExpression']);

/** Label normalisation of CommonMark: case-folded, inner whitespace collapsed. */
function normalise(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

export default defineChapterRule({
  meta: {
    id: 'reference-undefined',
    family: 'structure',
    scope: 'chapter',
    description: 'Reference links must have a definition',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    const defined = new Set(chapter.links.filter((link) => link.kind === 'definition' && link.identifier !== undefined).map((link) => normalise(link.identifier!)));
    const source = chapter.source;
    const visit = (tree: Nodes): void =>
      walk(tree, (node) => {
        if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
          scan(node);
          return false;
        }
        return node.type !== 'code' && node.type !== 'html' && node.type !== 'math';
      });
    const scan = (node: Parent): void => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const excluded: [number, number][] = [];
      walk(node as Nodes, (child) => {
        if (child === node || !opaque.has(child.type)) return true;
        const from = child.position?.start.offset;
        const to = child.position?.end.offset;
        // An opaque node without a position hides the whole block.
        excluded.push(from === undefined || to === undefined ? [start, end] : [from, to]);
        return false;
      });
      const text = source.slice(start, end);
      for (const match of text.matchAll(reference)) {
        const at = start + match.index!;
        const matchEnd = at + match[0].length;
        if (excluded.some(([from, to]) => at < to && from < matchEnd)) continue;
        if (escaped(source, at)) continue;
        const before = source[at - 1] ?? '';
        if (match[1] === '' && /[\p{L}\p{N}_\])]/u.test(before) && !/\p{Script=Han}/u.test(before)) continue;
        const label = match[3] === '' ? match[2]! : match[3]!;
        if (normalise(label) === '' || label.startsWith('^') || defined.has(normalise(label))) continue;
        // In a chapter without any definition, `[youtube][有字幕]` is a row of bracketed tags, not a reference: only a label written like one (Latin, digits) is.
        if (defined.size === 0 && match[3] !== '' && /\p{Script=Han}/u.test(label)) continue;
        report({ start: at, end: matchEnd, message: `Unexpected reference \`${match[0]}\` to undefined label \`${label}\`, expected a definition \`[${label}]: url\`` });
      }
    };
    visit(chapter.tree);
  },
});

/** Whether the character at `at` is escaped by an odd number of backslashes. */
function escaped(source: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && source[i] === '\\'; i--) count++;
  return count % 2 === 1;
}
