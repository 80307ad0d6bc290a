/**
 * # link-outside-book
 *
 * A local link or image that climbs above the book root (`../../x`). The
 * published book does not contain it, so it breaks; the file is never read
 * to find out whether it exists.
 *
 * ```markdown
 * 见[安装](../install/README.md)。       <!-- fine from a chapter one folder deep -->
 * 见[许可](../../LICENSE)。              <!-- reported from a chapter one folder deep -->
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { isContentsList, resolveLocal } from '@tongwen/book';
import { urlRange } from '../lib/links.js';

export default defineBookRule({
  meta: {
    id: 'link-outside-book',
    family: 'structure',
    scope: 'book',
    description: 'Local links and images must stay inside the book root',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ book, report }) {
    for (const chapter of book.chapters.values()) {
      // The contents list is checked by `contents-missing-file`.
      if (isContentsList(book, chapter.path)) continue;
      for (const link of chapter.links) {
        const target = resolveLocal(chapter.path, link.url);
        if (!target?.outside) continue;
        const range = urlRange(chapter, link);
        report({
          file: chapter.path,
          ...(range ?? { start: 0 }),
          message: `Unexpected ${link.kind === 'image' || link.kind === 'html-image' ? 'image' : 'link'} \`${link.url.trim()}\` outside the book root, expected a file inside the book`,
        });
      }
    }
  },
});
