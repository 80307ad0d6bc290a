/**
 * # heading-accidental-setext
 *
 * A line of `-`s right under a paragraph turns the paragraph into a level-2
 * heading (a setext heading) instead of drawing a rule under it: usually a
 * blank line was forgotten before `---`. Reported when the underline is made
 * of `-` and the "heading" reads as prose: it spans several lines, ends with
 * sentence punctuation (`。`, `，`, `：`, `.`, `:`…), or the chapter writes
 * its other headings with `#`. Deliberate setext headings (`标题` over
 * `----` in a chapter that uses only setext headings) are left alone.
 *
 * ```markdown
 * 这是一段说明。
 *
 * ---                 <!-- fine: a thematic break -->
 *
 * 这是一段说明。
 * ---                 <!-- reported: the paragraph became a heading -->
 * ```
 */
import type { Heading, Nodes } from 'mdast';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { walk } from '../lib/walk.js';

const sentenceEnd = /[。，、；：！？,;:.!?…]$/u;

export default defineChapterRule({
  meta: {
    id: 'heading-accidental-setext',
    family: 'structure',
    scope: 'chapter',
    description: 'A `---` line right under a paragraph must not turn it into a heading by accident',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    const source = chapter.source;
    const setext: { node: Heading; start: number; end: number; underline: number; content: string }[] = [];
    let atx = 0;
    walk(chapter.tree, (node: Nodes) => {
      if (node.type === 'code' || node.type === 'html') return false;
      if (node.type !== 'heading') return true;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return false;
      const text = source.slice(start, end);
      const match = /(\r\n|\n|\r)([ \t>]*)(-+|=+)[ \t]*$/.exec(text);
      if (!match) {
        atx++;
        return false;
      }
      if (match[3]!.startsWith('-')) setext.push({ node, start, end, underline: start + match.index + match[1]!.length + match[2]!.length, content: text.slice(0, match.index) });
      return false;
    });
    for (const heading of setext) {
      const content = heading.content.trimEnd();
      const multiline = /\r|\n/.test(content);
      const prose = sentenceEnd.test(content);
      if (!multiline && !prose && atx === 0) continue;
      const why = multiline ? 'it spans several lines' : prose ? 'it ends like a sentence' : 'the other headings use `#`';
      const underline = source.slice(heading.underline, heading.end).trimEnd();
      // Reported on the paragraph that became the heading (where the reader sees the damage), through its underline.
      report({
        start: heading.start,
        end: heading.underline + underline.length,
        message: `Unexpected setext heading: \`${underline}\` under a paragraph makes it a level-2 heading (${why}), expected a blank line before \`${underline}\` for a thematic break, or \`## \` for a heading`,
      });
    }
  },
});
