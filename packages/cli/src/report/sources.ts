import type { Book, Chapter, Finding } from '@tongwen/book';
import type { ReportSources } from '@tongwen/report';

/** The text of a 1-based line of a chapter, without its line ending. */
export function lineOf(chapter: Chapter, line: number): string | undefined {
  const start = chapter.lineStarts[line - 1];
  if (start === undefined) return undefined;
  const end = chapter.lineStarts[line] ?? chapter.source.length;
  return chapter.source.slice(start, end).replace(/\r?\n$/, '');
}

/**
 * The source lines that findings (start and end) and their causes point at,
 * by file and line. A file's lines are read when a report reads that file's
 * entry (then once): a report that shows no source lines (JSON, SARIF) or
 * not the gate's earlier findings never finds the line starts of their
 * chapters.
 */
export function reportSources(findings: readonly Finding[], books: readonly { prefix: string; book: Book }[]): ReportSources {
  const chapters = new Map<string, Chapter>();
  for (const { prefix, book } of books) for (const [file, chapter] of book.chapters) chapters.set(prefix ? `${prefix}/${file}` : file, chapter);
  const wanted = new Map<string, Set<number>>();
  const want = (file: string, line: number) => {
    if (!chapters.has(file)) return;
    const lines = wanted.get(file) ?? new Set<number>();
    lines.add(line);
    wanted.set(file, lines);
  };
  for (const finding of findings) {
    want(finding.file, finding.line);
    if (finding.endLine !== finding.line) want(finding.file, finding.endLine);
    if (finding.cause) want(finding.cause.file, finding.cause.line);
  }
  const sources: Record<string, Record<number, string>> = {};
  for (const [file, lines] of wanted) {
    let read: Record<number, string> | undefined;
    Object.defineProperty(sources, file, { enumerable: true, configurable: true, get: () => (read ??= linesOf(chapters.get(file)!, lines)) });
  }
  return sources;
}

/** The texts of some lines of a chapter, by line (lines the chapter does not have are left out). */
function linesOf(chapter: Chapter, lines: ReadonlySet<number>): Record<number, string> {
  const texts: Record<number, string> = {};
  for (const line of lines) {
    const text = lineOf(chapter, line);
    if (text !== undefined) texts[line] = text;
  }
  return texts;
}
