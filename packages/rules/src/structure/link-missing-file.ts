/**
 * # link-missing-file
 *
 * A local link (Markdown or HTML `<a href>`) points to a file the book does
 * not have. Links above the book root are left to `link-outside-book`;
 * images to `image-missing`.
 *
 * ```markdown
 * 见[安装](../install/README.md)。   <!-- fine when the file exists -->
 * 见[安装](../instal/README.md)。    <!-- reported, did you mean `install/README.md`? -->
 * ```
 */
import { defineBookRule } from '../lib/define.js';
import { resolveLocal } from '../lib/links.js';
import { nearest } from '../lib/nearest.js';

export default defineBookRule({
  meta: {
    id: 'link-missing-file',
    family: 'structure',
    scope: 'book',
    description: 'Local links must point to files of the book',
    fixable: false,
    severity: 'error',
    presets: ['recommended', 'zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'],
    options: {},
  },
  check({ book, report }) {
    const files = [...book.files];
    for (const chapter of book.chapters.values()) {
      for (const link of chapter.links) {
        if (link.kind === 'image' || link.kind === 'html-image') continue;
        const target = resolveLocal(chapter.path, link.url);
        if (!target || target.outside || target.path === chapter.path || target.path === '') continue;
        if (book.files.has(target.path) || isFolder(book.files, target.path)) continue;
        const suggestion = nearest(target.path, files);
        report({
          file: chapter.path,
          ...(link.position ? { start: link.position.start.offset, end: link.position.end.offset } : { start: 0 }),
          message: `Unexpected link to missing file \`${target.path}\`${suggestion ? `, did you mean \`${suggestion}\`?` : ''}`,
        });
      }
    }
  },
});

/** A link to a folder resolves when the book has files under it. */
function isFolder(files: ReadonlySet<string>, path: string): boolean {
  const prefix = `${path}/`;
  for (const file of files) if (file.startsWith(prefix)) return true;
  return false;
}
