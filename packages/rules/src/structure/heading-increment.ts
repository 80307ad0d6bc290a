/**
 * # heading-increment
 *
 * A heading more than one level deeper than the heading before it
 * (`#` then `###`): the outline skips a level, screen readers and the
 * generated tables of contents show a hole. Headings inside block quotes
 * (asides such as `> #### 注意`) are not part of the outline and are not
 * checked.
 *
 * ```markdown
 * # 镜像
 * ## 获取镜像        <!-- fine -->
 * #### 参数          <!-- reported: level 4 after level 2 -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { conventionalJumps } from '../lib/convention.js';

export default defineChapterRule<{ consistent: boolean }>({
  meta: {
    id: 'heading-increment',
    family: 'structure',
    scope: 'chapter',
    description: 'Heading levels must go up one at a time',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {
      consistent: {
        type: 'boolean',
        default: true,
        description: 'Follow the book: a level jump that most chapters make (`####` under `##` in at least half of them, three at least) is its convention and is not reported',
      },
    },
  },
  check({ chapter, book, options, cache, report }) {
    const conventional = options.consistent ? conventionalJumps(book, cache) : new Set<string>();
    let previous: number | undefined;
    // The heading facts, not the tree: a worker's verdict needs no tree where the book's conventions are known.
    for (const heading of chapter.headings) {
      if (heading.quoted) continue;
      if (previous !== undefined && heading.depth > previous + 1 && !conventional.has(`${previous}>${heading.depth}`)) {
        report({
          ...(heading.position ? { start: heading.position.start.offset, end: heading.position.end.offset } : {}),
          message: `Unexpected heading level ${heading.depth} after level ${previous}, expected level ${previous + 1} at most`,
        });
      }
      previous = heading.depth;
    }
  },
});
