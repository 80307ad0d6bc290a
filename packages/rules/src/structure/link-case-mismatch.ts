/**
 * # link-case-mismatch
 *
 * A link or image whose file exists only with another letter case
 * (`Image.PNG` for `image.png`). It works on case-insensitive file systems
 * (macOS, Windows) and breaks on the Linux servers that publish the book.
 *
 * Fixable: the letters of the path as written are changed to the file's,
 * when the link spells the path plainly (no percent-encoding).
 *
 * ```markdown
 * ![架构](_images/arch.png)     <!-- fine -->
 * ![架构](_images/Arch.png)     <!-- reported and fixed: the file is `_images/arch.png` -->
 * ```
 */
import { isContentsList } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { bookIndex, resolveInBook, urlRange } from '../lib/links.js';

export default defineBookRule({
  meta: {
    id: 'link-case-mismatch',
    family: 'structure',
    scope: 'book',
    description: 'Links and images must spell file names with their exact letter case',
    fixable: true,
    severity: 'error',
    presets: everyPreset,
    options: {},
    fixChanges: ['url'],
  },
  check({ book, settings, cache, report }) {
    const index = bookIndex(book, cache);
    for (const chapter of book.chapters.values()) {
      // The contents list is checked by `contents-missing-file`.
      if (isContentsList(book, chapter.path)) continue;
      for (const link of chapter.links) {
        const image = link.kind === 'image' || link.kind === 'html-image';
        const resolved = resolveInBook(book, index, chapter.path, link.url, settings, image ? { html: false, extensionless: false } : {});
        const actual = resolved?.found.caseMismatch;
        if (!resolved || actual === undefined) continue;
        const range = urlRange(chapter, link);
        const fix = range ? caseFix(chapter.source.slice(range.start, range.end), resolved.target.path, actual) : undefined;
        report({
          file: chapter.path,
          ...(range ?? { start: 0 }),
          message: `Unexpected letter case in \`${resolved.target.path}\`, expected \`${actual}\` (the file's name)`,
          ...(range && fix !== undefined ? { fix: [{ start: range.start, end: range.start + fix.length, text: fix.text }] } : {}),
        });
      }
    }
  },
});

/**
 * The written path with the file's letter case: the characters of the
 * written URL that spell the target (its end, before `#` or `?`) take the
 * case of `actual`. Undefined when the URL is percent-encoded or a letter
 * to change lies outside what it spells.
 */
function caseFix(written: string, target: string, actual: string): { length: number; text: string } | undefined {
  const cut = written.search(/[?#]/);
  const path = (cut < 0 ? written : written.slice(0, cut)).replace(/\/$/, '');
  if (path.includes('%') || path.includes('\\') || target.length !== actual.length) return undefined;
  let common = 0;
  while (common < path.length && common < target.length && path[path.length - 1 - common]!.toLowerCase() === target[target.length - 1 - common]!.toLowerCase()) common++;
  for (let i = 0; i < target.length; i++) if (target[i] !== actual[i] && i < target.length - common) return undefined;
  const text = path.slice(0, path.length - common) + actual.slice(actual.length - common);
  return text === path ? undefined : { length: path.length, text };
}
