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
import { resolveLocal, urlKind, urlRange } from '../lib/links.js';

/** A host name with a well-known top-level domain, then the end, a port, a path, a query or a fragment. */
const bareHost = /^(?:www\.[a-z\d-]+(?:\.[a-z\d-]+)*|(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+(?:com|org|net|io|dev|cn|edu|gov|me|co|info|app|cloud|ai|sh|tv|xyz|us|uk|de|jp|hk|tw|ly|gl))(?=$|[:/?#])/i;

export default defineChapterRule({
  meta: {
    id: 'link-missing-scheme',
    family: 'structure',
    scope: 'chapter',
    description: 'Links to web addresses must start with a scheme such as `https://`',
    fixable: true,
    severity: 'error',
    presets: ['recommended', 'zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'],
    options: {},
  },
  check({ chapter, book, report }) {
    for (const link of chapter.links) {
      const url = link.url.trim();
      if (urlKind(url) !== 'local' || url.startsWith('/') || url.startsWith('.')) continue;
      const host = bareHost.exec(url);
      if (!host) continue;
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
