/**
 * # heading-missing-space
 *
 * A line that was meant to be a heading but has no space after its `#`s
 * (`##标题`): CommonMark needs the space, so the line stays a paragraph with
 * the hashes in it. Reported for two to six `#`s followed by anything but a
 * space or `#`, and for a single `#` followed by a Chinese character; a
 * single `#` before Latin letters or digits (`#hashtag`, `#123`, `#include`)
 * is left alone, except as a one-line first paragraph of a chapter that has
 * no level-1 heading (`#Introduction` over `## …`, or alone in a chapter
 * the contents list lists: the title). Only
 * lines of paragraphs are read: never code, HTML or inline code. Fixable:
 * inserts the space, unless the new heading would change the lines under it
 * (an indented next line, until then part of the paragraph, would become a
 * code block): then it is only reported.
 *
 * ```markdown
 * ## 安装           <!-- fine -->
 * ##安装            <!-- reported, fixed to `## 安装` -->
 * #安装             <!-- reported -->
 * 见 issue #123。   <!-- fine -->
 * ```
 */
import type { Paragraph, Text } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { offsetsOf, walk } from '../lib/walk.js';
import { listedFiles } from '../lib/links.js';

const line = /(^|\r\n|\n|\r)([ \t]*(?:>[ \t]?)*[ \t]*)(#{1,6})(?=[^\s#])/g;
const han = /\p{Script=Han}/u;

export default defineChapterRule({
  meta: {
    id: 'heading-missing-space',
    family: 'structure',
    scope: 'chapter',
    description: 'Headings need a space after their `#`s',
    fixable: true,
    severity: 'error',
    presets: everyPreset,
    options: {},
    fixChanges: ['heading'],
  },
  check({ chapter, book, report }) {
    const source = chapter.source;
    const check = (paragraph: Paragraph): void => {
      const offsets = offsetsOf(paragraph);
      if (!offsets) return;
      const { start, end } = offsets;
      const texts = paragraph.children.filter((child): child is Text => child.type === 'text' && child.position?.start.offset !== undefined);
      const text = source.slice(start, end);
      for (const match of text.matchAll(line)) {
        const hashes = match[3]!;
        const at = start + match.index! + match[1]!.length + match[2]!.length;
        const after = at + hashes.length;
        // The line must start in the paragraph's own text (not inside inline code or HTML).
        if (!texts.some((node) => node.position!.start.offset! <= at && after < node.position!.end.offset!)) continue;
        // The first line of the paragraph starts at `start`; later lines must start after a line ending.
        if (match[1] === '' && match.index !== 0) continue;
        if (match[1] === '' && match[2] !== '') continue;
        const next = String.fromCodePoint(source.codePointAt(after) ?? 32);
        if (hashes.length === 1 && !han.test(next) && !(title && paragraph === first && at === start && /\p{L}/u.test(next))) continue;
        if (next === '!' || next === '{') continue;
        const lineEnd = text.slice(at - start).search(/\r\n|\n|\r|$/);
        report({
          start: at,
          end: at + lineEnd,
          message: `Unexpected \`${hashes}\` without a space before the text, expected \`${hashes} \` to make a heading`,
          fix: [{ start: after, end: after, text: ' ' }],
        });
      }
    };
    // `#Title` as the chapter's one-line first block, in a chapter without a level-1 heading (with `##` headings, or listed in the contents), is its title written without the space.
    const first = chapter.tree.children.find((node) => node.type !== 'yaml' && (node.type as string) !== 'toml' && node.type !== 'html');
    const title = first?.type === 'paragraph' && (chapter.headings.length > 0 || (book !== undefined && listedFiles(book)?.has(chapter.path) === true)) && !chapter.headings.some((heading) => heading.depth === 1) && !/\r|\n/.test(chapter.source.slice(first.position?.start.offset ?? 0, first.position?.end.offset ?? 0));
    walk(chapter.tree, (node) => {
      if (node.type === 'paragraph') {
        check(node);
        return false;
      }
      return node.type !== 'code' && node.type !== 'html' && node.type !== 'table';
    });
  },
});
