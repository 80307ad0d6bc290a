/**
 * # contents-orphan
 *
 * A Markdown file of the book that no contents-list entry lists: readers of
 * the published book never reach it. Dot-folders (`.github/`) are never
 * part of the book. In the GitBook/HonKit grammar the root `README.md` is
 * the book's introduction and counts as listed; in mdBook (whose book root
 * is `src/`) it does not: mdBook renders only what `SUMMARY.md` lists. More
 * files can be ignored with globs (the `ignore` setting of the book, or this
 * rule's `ignore` option).
 *
 * ```markdown
 * * [简介](README.md)
 * * [安装](install.md)
 * <!-- with a file `draft.md` in the book: reported -->
 * ```
 */
import picomatch from 'picomatch';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { listedFiles } from '../lib/links.js';

export default defineBookRule<{ ignore: string[]; readme: boolean }>({
  meta: {
    id: 'contents-orphan',
    family: 'structure',
    scope: 'book',
    description: 'Every Markdown file of the book must be listed in the contents list',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {
      ignore: { type: 'string[]', default: [], description: 'Globs (from the book root) of files that need not be listed' },
      readme: {
        type: 'boolean',
        default: true,
        description: 'Treat the root `README.md` as listed in the GitBook/HonKit grammar (they use it as the introduction); mdBook books never do',
      },
    },
  },
  check({ book, options, settings, report }) {
    const contents = book.contents;
    if (!contents) return;
    const listed = new Set(listedFiles(book));
    if (!options.readme) {
      for (const file of [...listed]) if (/^readme\.md$/i.test(file) && !contents.entries.some((entry) => entry.path === file)) listed.delete(file);
    }
    const patterns = [...settings.ignore, ...options.ignore];
    const ignored = patterns.length > 0 ? picomatch(patterns, { dot: true }) : () => false;
    for (const path of [...book.chapters.keys()].sort()) {
      if (listed.has(path) || ignored(path)) continue;
      report({ file: path, start: 0, end: 0, message: `Unexpected file \`${path}\` missing from the contents list \`${contents.path}\``, cause: { file: contents.path, line: 1, column: 1 } });
    }
  },
});
