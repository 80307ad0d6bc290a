import type { Book, Chapter, Finding } from '@tongwen/book';
import type { ReportSources } from '@tongwen/report';

/** The text of a 1-based line of a chapter, without its line ending. */
export function lineOf(chapter: Chapter, line: number): string | undefined {
  const start = chapter.lineStarts[line - 1];
  if (start === undefined) return undefined;
  const end = chapter.lineStarts[line] ?? chapter.source.length;
  return chapter.source.slice(start, end).replace(/\r?\n$/, '');
}

/** The source lines that findings (start and end) and their causes point at, by file and line. */
export function reportSources(findings: readonly Finding[], books: readonly { prefix: string; book: Book }[]): ReportSources {
  const chapters = new Map<string, Chapter>();
  for (const { prefix, book } of books) for (const [file, chapter] of book.chapters) chapters.set(prefix ? `${prefix}/${file}` : file, chapter);
  const sources: Record<string, Record<number, string>> = {};
  const keep = (file: string, line: number) => {
    const chapter = chapters.get(file);
    const text = chapter ? lineOf(chapter, line) : undefined;
    if (text !== undefined) (sources[file] ??= {})[line] = text;
  };
  for (const finding of findings) {
    keep(finding.file, finding.line);
    if (finding.endLine !== finding.line) keep(finding.file, finding.endLine);
    if (finding.cause) keep(finding.cause.file, finding.cause.line);
  }
  return sources;
}
