/**
 * # link-missing-scheme
 *
 * A link whose target is a web address written without `https://`
 * (`](github.com/x)`, `](www.docker.com)`) is a relative link to a file
 * named `github.com/x` beside the chapter, so it breaks. Fixable: adds
 * `https://` (unless the book really has such a file).
 *
 * ```markdown
 * 见[官网](https://www.docker.com)。   <!-- fine -->
 * 见[官网](www.docker.com)。           <!-- reported, fixed to https://www.docker.com -->
 * ```
 */
import { defineChapterRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { resolveLocal } from '@tongwen/book';
import { bareWebHost, urlRange } from '../lib/links.js';

export default defineChapterRule({
  meta: {
    id: 'link-missing-scheme',
    family: 'structure',
    scope: 'chapter',
    description: 'Links to web addresses must start with a scheme such as `https://`',
    fixable: true,
    severity: 'error',
    presets: everyPreset,
    options: {},
    fixChanges: ['url'],
  },
  check({ chapter, book, report }) {
    for (const link of chapter.links) {
      const url = link.url.trim();
      if (!bareWebHost(url)) continue;
      const target = resolveLocal(chapter.path, url);
      if (book && target && (book.files.has(target.path) || [...book.files].some((file) => file.startsWith(`${target.path}/`)))) continue;
      const range = urlRange(chapter, link);
      const exact = range !== undefined && chapter.source.slice(range.start, range.end) === link.url;
      report({
        ...(range ?? {}),
        message: `Unexpected link \`${url}\` without a scheme, expected \`https://${url}\``,
        ...(exact ? { fix: [{ start: range.start + (link.url.length - link.url.trimStart().length), end: range.start + (link.url.length - link.url.trimStart().length), text: 'https://' }] } : {}),
      });
    }
  },
});
