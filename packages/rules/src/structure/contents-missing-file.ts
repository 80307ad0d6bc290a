/**
 * # contents-missing-file
 *
 * A contents-list entry points to a file the book does not have, or to a
 * path above the book root (which is never read). An entry that points to
 * a folder of the book is named as a folder, with its `README.md` or
 * `index.md` when it has one.
 *
 * ```markdown
 * * [镜像](image/README.md)        <!-- fine when image/README.md exists -->
 * * [容器](container/README.md)    <!-- reported when it does not -->
 * * [网络](network/)               <!-- reported: a folder, not a file -->
 * * [密码](../../etc/passwd)        <!-- reported: outside the book -->
 * ```
 */
import { contentsListsOf, isContentsList } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { bookIndex, type BookIndex } from '../lib/links.js';
import { nearest } from '../lib/nearest.js';

/** The message for an entry whose path is not a file of the book. */
function missingMessage(path: string, title: string, index: BookIndex, suggest: () => string | undefined): string {
  const folder = path.replace(/\/+$/, '');
  if (index.folders.has(folder)) {
    const opens = ['README.md', 'index.md'].map((name) => `${folder}/${name}`).find((file) => index.files.has(file));
    return `Unexpected folder \`${path}\` for entry \`${title}\`, expected a file${opens ? `, did you mean \`${opens}\`?` : ''}`;
  }
  const suggestion = suggest();
  return `Unexpected missing file \`${path}\` for entry \`${title}\`${suggestion ? `, did you mean \`${suggestion}\`?` : ''}`;
}

export default defineBookRule({
  meta: {
    id: 'contents-missing-file',
    family: 'structure',
    scope: 'book',
    description: 'Contents-list entries must point to files of the book',
    fixable: false,
    severity: 'error',
    presets: everyPreset,
    options: {},
  },
  check({ book, cache, report }) {
    // A contents list is never the file an entry meant.
    const chapters = [...book.chapters.keys()].filter((file) => !isContentsList(book, file));
    const index = bookIndex(book, cache);
    for (const contents of contentsListsOf(book)) {
      for (const entry of contents.entries) {
        if (entry.path === undefined) continue;
        const range = entry.targetPosition ?? entry.position;
        if (entry.path === '..' || entry.path.startsWith('../')) {
          report({ file: contents.path, start: range.start.offset, end: range.end.offset, message: `Unexpected entry \`${entry.target}\` outside the book root, expected a file inside the book` });
        } else if (!book.files.has(entry.path)) {
          const path = entry.path;
          const message = missingMessage(path, entry.title, index, () => nearest(path, chapters));
          report({ file: contents.path, start: range.start.offset, end: range.end.offset, message });
        }
      }
    }
  },
});
