/**
 * # image-missing
 *
 * A local image (`![alt](src)`, `<img src>`, and other HTML `src`
 * attributes such as `<video>` and `<source>`) points to a file the book
 * does not have. Images above the book root are left to
 * `link-outside-book`, files that exist with another letter case to
 * `link-case-mismatch`. A site-absolute image (`/images/x.png`) is looked
 * for in the folders served at the site root (`public/`, `static/`, the
 * `publicDir` setting); in a site dialect (VitePress, Hugo, Docusaurus,
 * Next.js, Hexo) one that is not found is reported as `info`.
 *
 * ```markdown
 * ![架构](_images/arch.png)           <!-- fine when the file exists -->
 * <img src="_images/arch.png">       <!-- fine -->
 * ![架构](_images/arch.jpg)           <!-- reported, did you mean `_images/arch.png`? -->
 * ```
 */
import { dialectDefaults } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { bookIndex, resolveInBook, urlRange } from '../lib/links.js';
import { nearest } from '../lib/nearest.js';

export default defineBookRule({
  meta: {
    id: 'image-missing',
    family: 'structure',
    scope: 'book',
    description: 'Local images must point to files of the book',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ book, settings, cache, report }) {
    const index = bookIndex(book, cache);
    for (const chapter of book.chapters.values()) {
      for (const link of chapter.links) {
        if (link.kind !== 'image' && link.kind !== 'html-image') continue;
        const resolved = resolveInBook(book, index, chapter.path, link.url, settings, { html: false, extensionless: false });
        if (!resolved || resolved.target.outside || resolved.target.path === chapter.path) continue;
        const { found, target } = resolved;
        if (found.file || found.caseMismatch) continue;
        const suggestion = nearest(target.path, index.list);
        const range = urlRange(chapter, link);
        // A site-absolute image in a site that serves static folders: the folder (`public/`) may be outside what was checked.
        const served = resolved.via === 'site' && settings.dialect !== undefined && dialectDefaults(settings.dialect).routes;
        report({
          file: chapter.path,
          ...(range ?? { start: 0 }),
          ...(served ? { severity: 'info' as const } : {}),
          message: `Unexpected image from missing file \`${target.path}\`${served ? ` (site-absolute \`${link.url.trim()}\`, looked for in the folders served at the site root)` : ''}${suggestion ? `, did you mean \`${suggestion}\`?` : ''}`,
        });
      }
    }
  },
});
