/**
 * A chapter parsed only when something reads what parsing gives (its tree or
 * facts): a check of one shard of a book keeps the other chapters' texts
 * (the dominant locale, fingerprints) and parses one of them only when a
 * rule asks for its headings or links.
 */
import { parseChapter, stripBom, type ParseOptions } from './parse.js';
import { lineStartsOf } from './position.js';
import type { Chapter } from './types.js';

/** What a parse gives a chapter beyond its text. */
const parsedKeys = ['tree', 'headings', 'links', 'references', 'anchors', 'frontmatter', 'refused', 'syntaxError'] as const;

/** A {@link Chapter} whose tree and facts are parsed on first read (then once). `source` may start with a BOM. */
export function chapterOnDemand(path: string, source: string, options: ParseOptions = {}): Chapter {
  const { text, bom } = stripBom(source);
  let parsed: Chapter | undefined;
  let lineStarts: number[] | undefined;
  const chapter = { path, source: text, bom } as Chapter;
  // Most of these chapters are never read: their line starts wait for a reader too.
  Object.defineProperty(chapter, 'lineStarts', { enumerable: true, configurable: true, get: () => (lineStarts ??= lineStartsOf(text)) });
  for (const key of parsedKeys) {
    Object.defineProperty(chapter, key, {
      enumerable: true,
      configurable: true,
      get: () => (parsed ??= parseChapter(path, source, options))[key],
    });
  }
  return chapter;
}
