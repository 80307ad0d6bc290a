/**
 * # heading-multiple-titles
 *
 * More than one level-1 heading in a chapter: a chapter has one title; the
 * second `#` is usually a `##` typed short, and it splits the outline (and
 * the contents-list title match) in two. With `frontmatter: true`, a
 * `title:` in the front matter counts as the first title (Hexo, VitePress,
 * Jekyll show it as the page title).
 *
 * ```markdown
 * # 镜像
 * ## 获取镜像         <!-- fine -->
 * # 列出镜像          <!-- reported: second title -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

export default defineChapterRule<{ frontmatter: boolean }>({
  meta: {
    id: 'heading-multiple-titles',
    family: 'structure',
    scope: 'chapter',
    description: 'A chapter must have only one level-1 heading',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {
      frontmatter: { type: 'boolean', default: false, description: 'Count a front-matter `title:` as the first title' },
    },
  },
  check({ chapter, options, report }) {
    let first = options.frontmatter && chapter.frontmatter?.title ? 'front matter' : undefined;
    for (const heading of chapter.headings) {
      if (heading.depth !== 1) continue;
      if (first === undefined) {
        first = heading.position ? `line ${heading.position.start.line}` : 'above';
        continue;
      }
      report({
        ...(heading.position ? { start: heading.position.start.offset, end: heading.position.end.offset } : {}),
        message: `Unexpected second level-1 heading \`${heading.text}\` (the title is on ${first}), expected \`##\` or deeper`,
      });
    }
  },
});
