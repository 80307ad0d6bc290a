/**
 * # contents-target-not-file
 *
 * A contents-list entry whose target cannot be a file of the book: a URL
 * (`https://…`, `mailto:`), a script or data URL (`javascript:`, `data:`,
 * `vbscript:`, `file:`), or an absolute Windows path (`C:\book\a.md`,
 * `\\server\share`). Site generators either fail on it, make a sidebar
 * link that leaves the book (or runs a script in the reader's browser), or
 * resolve it only on the author's machine; no check or conversion reads it
 * as a chapter.
 *
 * ```markdown
 * * [简介](README.md)              <!-- fine -->
 * * [官网](https://example.com/)   <!-- reported: a URL, not a chapter -->
 * * [脚本](javascript:alert(1))    <!-- reported: a script URL -->
 * * [本地](C:\book\a.md)           <!-- reported: a Windows path -->
 * ```
 *
 * An empty target (`[简介]()`) is a draft chapter in mdBook and is reported
 * by `contents-syntax` in GitBook; a target above the book root by
 * `contents-missing-file`.
 */
import { contentsListsOf } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset } from '../lib/types.js';

/** Why a target is not a path of the book, or `undefined` when it may be one. */
function notAFile(target: string): string | undefined {
  const trimmed = target.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (/^[a-z]:[\\/]/i.test(trimmed) || /^[\\/]{2}[^\\/]/.test(trimmed)) return 'an absolute Windows path, found only on one machine';
  if (scheme === 'javascript' || scheme === 'vbscript') return 'a script URL, run in the reader\'s browser';
  if (scheme === 'data' || scheme === 'file' || scheme === 'blob') return `a \`${scheme}:\` URL, not a file of the book`;
  if (scheme !== undefined) return 'a URL, not a file of the book';
  return undefined;
}

export default defineBookRule({
  meta: {
    id: 'contents-target-not-file',
    family: 'structure',
    scope: 'book',
    description: 'Contents-list entries must link files of the book, not URLs or absolute paths',
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {},
  },
  check({ book, report }) {
    for (const contents of contentsListsOf(book)) {
      for (const entry of contents.entries) {
        if (entry.target === undefined) continue;
        const why = notAFile(entry.target);
        if (why === undefined) continue;
        const range = entry.targetPosition ?? entry.position;
        report({ file: contents.path, start: range.start.offset, end: range.end.offset, message: `Unexpected target \`${entry.target}\` for entry \`${entry.title}\`: ${why}, expected a path relative to the contents list (\`file.md\`)` });
      }
    }
  },
});
