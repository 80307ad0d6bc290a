/**
 * # link-missing-file
 *
 * A local link (Markdown, reference definition or HTML `<a href>`) points to
 * a file the book does not have. Links are opened the way the static-site
 * tools open them: `x.html` opens `x.md` and `index.html` opens `README.md`
 * (mdBook, GitBook/HonKit and Hexo render Markdown to HTML); `x` opens `x.md`
 * (VitePress, Hexo); a folder opens its `README.md`/`index.md`/`_index.md`
 * (Hugo), and Hugo reads a page link without an extension from the
 * page's URL (`../second/` in `posts/first.md` is `posts/second/`); a site-absolute link (`/zh-cn/docs/x`) is looked for from the book
 * root and then from each folder above the linking file (a site whose source
 * folder is inside the book, such as Hexo's `source/` or VitePress's `src/`),
 * also under the folders served at the site root (`public/`, `static/`),
 * without the site base (`siteBase`) or a leading locale segment. In a site
 * that routes pages by URL (Hugo, VitePress, Docusaurus, Next.js, Hexo), a
 * site-absolute link that is not found is reported as `info`: the site may
 * generate that page or redirect it. Templates (`{{< ref "x" >}}`) are left
 * to the site. Absolute GitHub URLs into
 * the book's own repository (`repository` setting) are checked as local
 * files. Links above the book root are left to `link-outside-book`, images
 * to `image-missing`, files that exist with another letter case to
 * `link-case-mismatch`, the contents list to `contents-missing-file`.
 *
 * ```markdown
 * 见[安装](../install/README.md)。   <!-- fine when the file exists -->
 * 见[安装](../install/README.html)。 <!-- fine: rendered from README.md -->
 * 见[安装](../instal/README.md)。    <!-- reported, did you mean `install/README.md`? -->
 * ```
 */
import { isContentsList, dialectDefaults } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { bareWebHost, bookIndex, resolveInBook, urlRange } from '../lib/links.js';
import { nearest } from '../lib/nearest.js';

export default defineBookRule<{ html: boolean; extensionless: boolean }>({
  meta: {
    id: 'link-missing-file',
    family: 'structure',
    scope: 'book',
    description: 'Local links must point to files of the book',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {
      html: { type: 'boolean', default: true, description: 'A link to `x.html` opens `x.md` (and `index.html` opens `README.md`), as mdBook, GitBook and Hexo render them' },
      extensionless: { type: 'boolean', default: true, description: 'A link to `x` without an extension opens `x.md`' },
    },
  },
  check({ book, options, settings, cache, report }) {
    const index = bookIndex(book, cache);
    for (const chapter of book.chapters.values()) {
      if (isContentsList(book, chapter.path)) continue;
      for (const link of chapter.links) {
        if (link.kind === 'image' || link.kind === 'html-image') continue;
        const resolved = resolveInBook(book, index, chapter.path, link.url, settings, options);
        if (!resolved || resolved.target.outside) continue;
        const { found, target, via } = resolved;
        if (found.file || found.folder || found.caseMismatch) continue;
        // `](github.com/x)` is a web address without a scheme: `link-missing-scheme` reports it.
        if (bareWebHost(link.url)) continue;
        const suggestion = nearest(target.path, index.list) ?? nearest(`${target.path.replace(/\.html?$/i, '')}.md`, index.list);
        const range = urlRange(chapter, link);
        const written = link.url.trim();
        const how = via === 'site' ? ` (site-absolute \`${written}\`, looked for from the book root and the folders above this file)` : via === 'repository' ? ` (the book's own repository URL \`${written}\`)` : '';
        // A site that routes pages by URL may generate the page or redirect it: unknown here, so info.
        const routed = via === 'site' && settings.dialect !== undefined && dialectDefaults(settings.dialect).routes;
        report({
          file: chapter.path,
          ...(range ?? { start: 0 }),
          ...(routed ? { severity: 'info' as const } : {}),
          message: `Unexpected link to missing file \`${target.path}\`${how}${routed ? ' (a generated route or a redirect of the site would be unknown here)' : ''}${suggestion ? `, did you mean \`${suggestion}\`?` : ''}`,
        });
      }
    }
  },
});
