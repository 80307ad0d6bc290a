/**
 * # link-to-unlisted
 *
 * A chapter that the contents list publishes links to a Markdown file of the
 * book that the contents list does not publish: GitBook/HonKit and mdBook
 * render only listed files, so the link breaks in the published book even
 * though the file exists. Links from unlisted files are not checked (they
 * are not published either; `contents-orphan` reports those files). Files
 * matching the book's `ignore` globs or this rule's `ignore` option are
 * taken as published.
 *
 * ```markdown
 * <!-- SUMMARY.md lists README.md and install.md, not draft.md -->
 * 见[安装](install.md)。    <!-- fine -->
 * 见[草稿](draft.md)。      <!-- reported -->
 * ```
 */
import picomatch from 'picomatch';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { bookIndex, listedFiles, resolveInBook, urlRange } from '../lib/links.js';

export default defineBookRule<{ ignore: string[] }>({
  meta: {
    id: 'link-to-unlisted',
    family: 'structure',
    scope: 'book',
    description: 'Published chapters must link only to chapters the contents list publishes',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {
      ignore: { type: 'string[]', default: [], description: 'Globs (from the book root) of files taken as published' },
    },
  },
  check({ book, options, settings, cache, report }) {
    const listed = listedFiles(book);
    const contents = book.contents;
    if (!listed || !contents) return;
    const patterns = [...settings.ignore, ...options.ignore];
    const ignored = patterns.length > 0 ? picomatch(patterns, { dot: true }) : () => false;
    const index = bookIndex(book, cache);
    for (const chapter of book.chapters.values()) {
      if (!listed.has(chapter.path) || chapter.path === contents.path) continue;
      for (const link of chapter.links) {
        if (link.kind === 'image' || link.kind === 'html-image') continue;
        const resolved = resolveInBook(book, index, chapter.path, link.url, settings);
        const file = resolved?.found.file;
        if (!resolved || resolved.via === 'repository' || file === undefined || file === chapter.path) continue;
        if (!book.chapters.has(file) || listed.has(file) || ignored(file)) continue;
        const range = urlRange(chapter, link);
        report({
          file: chapter.path,
          ...(range ?? { start: 0 }),
          message: `Unexpected link to \`${file}\`, which the contents list \`${contents.path}\` does not publish, expected a listed chapter`,
          cause: { file, line: 1, column: 1, message: 'Unlisted file' },
        });
      }
    }
  },
});
