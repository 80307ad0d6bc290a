/**
 * # contents-missing-file
 *
 * A contents-list entry points to a file the book does not have, or to a
 * path above the book root (which is never read).
 *
 * ```markdown
 * * [镜像](image/README.md)        <!-- fine when image/README.md exists -->
 * * [容器](container/README.md)    <!-- reported when it does not -->
 * * [密码](../../etc/passwd)        <!-- reported: outside the book -->
 * ```
 */
import { contentsListsOf, isContentsList } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';
import { nearest } from '../lib/nearest.js';

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
  check({ book, report }) {
    // A contents list is never the file an entry meant.
    const chapters = [...book.chapters.keys()].filter((file) => !isContentsList(book, file));
    for (const contents of contentsListsOf(book)) {
      for (const entry of contents.entries) {
        if (entry.path === undefined) continue;
        const range = entry.targetPosition ?? entry.position;
        if (entry.path === '..' || entry.path.startsWith('../')) {
          report({ file: contents.path, start: range.start.offset, end: range.end.offset, message: `Unexpected entry \`${entry.target}\` outside the book root, expected a file inside the book` });
        } else if (!book.files.has(entry.path)) {
          const suggestion = nearest(entry.path, chapters);
          report({
            file: contents.path,
            start: range.start.offset,
            end: range.end.offset,
            message: `Unexpected missing file \`${entry.path}\` for entry \`${entry.title}\`${suggestion ? `, did you mean \`${suggestion}\`?` : ''}`,
          });
        }
      }
    }
  },
});
