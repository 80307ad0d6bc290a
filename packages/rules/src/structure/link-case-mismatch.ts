/**
 * # link-case-mismatch
 *
 * A link or image whose file exists only with another letter case
 * (`Image.PNG` for `image.png`). It works on case-insensitive file systems
 * (macOS, Windows) and breaks on the Linux servers that publish the book.
 *
 * ```markdown
 * ![架构](_images/arch.png)     <!-- fine -->
 * ![架构](_images/Arch.png)     <!-- reported: the file is `_images/arch.png` -->
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { bookIndex, resolveInBook, urlRange } from '../lib/links.js';

export default defineBookRule({
  meta: {
    id: 'link-case-mismatch',
    family: 'structure',
    scope: 'book',
    description: 'Links and images must spell file names with their exact letter case',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ book, settings, cache, report }) {
    const index = bookIndex(book, cache);
    for (const chapter of book.chapters.values()) {
      // The contents list is checked by `contents-missing-file`.
      if (chapter.path === book.contents?.path) continue;
      for (const link of chapter.links) {
        const image = link.kind === 'image' || link.kind === 'html-image';
        const resolved = resolveInBook(book, index, chapter.path, link.url, settings, image ? { html: false, extensionless: false } : {});
        const actual = resolved?.found.caseMismatch;
        if (!resolved || actual === undefined) continue;
        const range = urlRange(chapter, link);
        report({
          file: chapter.path,
          ...(range ?? { start: 0 }),
          message: `Unexpected letter case in \`${resolved.target.path}\`, expected \`${actual}\` (the file's name)`,
        });
      }
    }
  },
});
