/**
 * # contents-orphan
 *
 * A Markdown file of the book that no contents-list entry lists: readers of
 * the published book never reach it. Dot-folders (`.github/`) are never
 * part of the book; the root `README.md` is the book's introduction in
 * GitBook/HonKit and counts as listed; more files can be ignored with globs
 * (the `ignore` setting of the book, or this rule's `ignore` option).
 *
 * ```markdown
 * * [简介](README.md)
 * * [安装](install.md)
 * <!-- with a file `draft.md` in the book: reported -->
 * ```
 */
import picomatch from 'picomatch';
import { defineBookRule } from '../lib/define.js';

export default defineBookRule<{ ignore: string[]; readme: boolean }>({
  meta: {
    id: 'contents-orphan',
    family: 'structure',
    scope: 'book',
    description: 'Every Markdown file of the book must be listed in the contents list',
    fixable: false,
    severity: 'warning',
    presets: ['recommended', 'zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'],
    options: {
      ignore: { type: 'string[]', default: [], description: 'Globs (from the book root) of files that need not be listed' },
      readme: {
        type: 'boolean',
        default: true,
        description: 'Treat the root `README.md` as listed (GitBook/HonKit use it as the introduction)',
      },
    },
  },
  check({ book, options, settings, report }) {
    const contents = book.contents;
    if (!contents) return;
    const listed = new Set<string>();
    for (const entry of contents.entries) if (entry.path !== undefined) listed.add(entry.path);
    const ignored = picomatch([...settings.ignore, ...options.ignore], { dot: true });
    for (const path of [...book.chapters.keys()].sort()) {
      if (path === contents.path || listed.has(path)) continue;
      if (options.readme && /^readme\.md$/i.test(path)) continue;
      if (ignored(path)) continue;
      report({ file: path, start: 0, end: 0, message: `Unexpected file \`${path}\` missing from the contents list \`${contents.path}\``, cause: { file: contents.path, line: 1, column: 1 } });
    }
  },
});
