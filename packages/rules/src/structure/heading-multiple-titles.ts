/**
 * # heading-multiple-titles
 *
 * More than one level-1 heading in a chapter: a chapter has one title; the
 * second `#` is usually a `##` typed short, and it splits the outline (and
 * the contents-list title match) in two. With `frontmatter: true`, a
 * `title:` in the front matter counts as the first title (Hexo, VitePress,
 * Jekyll show it as the page title). A book whose chapters mostly write
 * several `#` headings (a house convention) is followed (`consistent: true`,
 * the default): then nothing is reported; in a book whose chapters have one
 * title each, the chapter with two is reported. A contents list
 * (`SUMMARY.md`, whose `#` headings are mdBook part titles) is not checked.
 *
 * ```markdown
 * # 镜像
 * ## 获取镜像         <!-- fine -->
 * # 列出镜像          <!-- reported: second title -->
 * ```
 */
import { isContentsList } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { severalTitlesIsConvention } from '../lib/convention.js';

export default defineChapterRule<{ frontmatter: boolean; consistent: boolean }>({
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
      consistent: {
        type: 'boolean',
        default: true,
        description: 'Follow the book: when most chapters have several level-1 headings (at least half of the titled ones, three at least), that is its convention and nothing is reported',
      },
    },
  },
  check({ chapter, book, options, cache, report }) {
    // The book's convention is read only for a chapter with several titles: a chapter pass needs no other chapter otherwise.
    const titles = chapter.headings.filter((heading) => heading.depth === 1 && heading.scope === undefined).length + (options.frontmatter && chapter.frontmatter?.title ? 1 : 0);
    if (titles < 2) return;
    if (options.consistent && severalTitlesIsConvention(book, cache)) return;
    // A contents list's `#` headings are part titles (mdBook), not a chapter's second title.
    if (book && isContentsList(book, chapter.path)) return;
    let first = options.frontmatter && chapter.frontmatter?.title ? 'front matter' : undefined;
    for (const heading of chapter.headings) {
      // A level-1 heading inside a component or container (`<DeepDive>`, `::: tip`, a block quote) is that box's title.
      if (heading.depth !== 1 || heading.scope !== undefined) continue;
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
