/**
 * # heading-empty
 *
 * A heading with no text (`##` alone, or only an explicit id `## {#x}`):
 * it renders as an empty line in the outline and has no usable anchor.
 *
 * ```markdown
 * ## 安装      <!-- fine -->
 * ##           <!-- reported -->
 * ```
 */
import type { HeadingFact } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

export default defineChapterRule({
  meta: {
    id: 'heading-empty',
    family: 'structure',
    scope: 'chapter',
    description: 'Headings must have text',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ chapter, report }) {
    for (const heading of chapter.headings) {
      if (heading.text.trim() !== '' || hasContent(chapter.source, heading)) continue;
      report({
        ...(heading.position ? { start: heading.position.start.offset, end: heading.position.end.offset } : {}),
        message: `Unexpected empty level-${heading.depth} heading, expected heading text`,
      });
    }
  },
});

/** Whether a heading without text still shows something: an image, inline HTML (its source has more than `#`s and a custom id). */
function hasContent(source: string, heading: HeadingFact): boolean {
  if (!heading.position) return false;
  const raw = source
    .slice(heading.position.start.offset, heading.position.end.offset)
    .replace(/(\r\n|\n|\r)[ \t>]*(=+|-+)[ \t]*$/, '')
    .replace(/^[ \t]*#{1,6}/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/\{[ \t]*#[^{}]*\}|\{\/\*[^{}]*\*\/\}/g, '');
  return raw.trim() !== '';
}
