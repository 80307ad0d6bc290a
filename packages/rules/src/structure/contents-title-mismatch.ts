/**
 * # contents-title-mismatch
 *
 * A contents-list entry's title differs from the first heading of its
 * chapter (or, for an entry with an anchor, from the heading of that
 * anchor): readers see one title in the navigation and another on the page.
 * Full-/half-width forms and spaces next to punctuation do not count (`Docker（容器）` is
 * `Docker (容器)`). A difference in numbering only (`1.2 镜像` and `镜像`,
 * `第一章 简介` and `简介`) is reported with its own message and can be
 * turned off (`numbering: false`). A listed chapter without any heading is
 * reported too (`missingHeading: false` turns that off). A chapter without
 * a level-1 heading is compared by its front-matter `title:` (Hugo, Hexo,
 * VitePress, Docusaurus). Titles that differ only in spaces (`第二章 基本概念`
 * / `第二章基本概念`) or only in a bracketed part (`挂载主机目录` /
 * `挂载主机目录（Bind Mounts）`) are reported with severity `info`. Navigation titles are
 * often short forms of the heading: a title whose characters all appear in the heading
 * in order (or the heading's in the title), punctuation and case aside, is
 * accepted (`使用镜像` for `使用 Docker 镜像`)
 * (`abbreviations: false` reports those too). Numbering-only differences are
 * reported with severity `info`. The GitBook introduction (root `README.md`),
 * whose heading is the book's title, is not compared.
 *
 * ```markdown
 * * [使用镜像](image/README.md)      <!-- fine when image/README.md starts with `# 使用镜像` -->
 * * [镜像](image/README.md)          <!-- reported: the heading is `使用镜像` -->
 * * [1.2 镜像](image/README.md)      <!-- reported as numbering only when the heading is `镜像` -->
 * ```
 */
import { contentsListsOf, type Book, type Chapter, type Contents, type ContentsEntry, type HeadingFact } from '@tongwen/book';
import { defineBookRule } from '../lib/define.js';
import { everyPreset, type BookReport } from '../lib/types.js';

/** Leading numbering of a title: `1.2`, `1.`, `第一章`, `一、`, `Chapter 3:`, `附录 A`, `(1)`. */
const numbering =
  /^(?:\d+(?:\.\d+)*\.?|第[一二三四五六七八九十百零〇两\d]+[章节篇部卷课讲回]|[一二三四五六七八九十]+[、.]|(?:chapter|part|appendix)\s*[\dA-Z]+[.:]?|附录\s*[\dA-Z一二三四五六七八九十]+|\(\d+\)|[A-Z]\.)\s*[:：、.-]?\s*/i;

/** Compared form: NFKC (full-/half-width folded), whitespace removed. */
export function comparable(title: string): string {
  return title.normalize('NFKC').replace(/[\s\u200b]+/g, '');
}

/** Compared form keeping the spaces that separate words: NFKC, runs of spaces as one, none next to punctuation. */
function spaced(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\s\u200b]+/g, ' ')
    .replace(/ ?([\p{P}\p{S}]) ?/gu, '$1')
    .trim();
}

/** Compared form without bracketed parts (`挂载主机目录（Bind Mounts）` → `挂载主机目录`). */
function unbracketed(title: string): string {
  return comparable(title).replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g, '');
}

/** Compared form without punctuation, letter case folded: for the abbreviation test. */
function bare(title: string): string {
  return comparable(title).replace(/[\p{P}\p{S}]/gu, '').toLowerCase();
}

/** Compared form without leading numbering. */
function unnumbered(title: string): string {
  const folded = title.normalize('NFKC').trim();
  return comparable(folded.replace(numbering, ''));
}

export default defineBookRule<Options>({
  meta: {
    id: 'contents-title-mismatch',
    family: 'structure',
    scope: 'book',
    description: "Contents-list titles must match their chapter's heading",
    fixable: false,
    severity: 'warning',
    presets: everyPreset,
    options: {
      numbering: { type: 'boolean', default: true, description: 'Report titles that differ from the heading only in their leading numbering (`1.2 镜像` / `镜像`)' },
      abbreviations: {
        type: 'boolean',
        default: true,
        description: 'Accept a title whose characters all appear in the heading in order, or the reverse, punctuation and letter case aside (`启动` for `启动容器`, `使用镜像` for `使用 Docker 镜像`)',
      },
      missingHeading: { type: 'boolean', default: true, description: 'Report listed chapters that have no heading at all' },
      ignoreCase: { type: 'boolean', default: false, description: 'Ignore differences of letter case (`docker` / `Docker`)' },
    },
  },
  check({ book, options, report }) {
    for (const contents of contentsListsOf(book)) checkList(book, contents, options, report);
  },
});

type Options = { numbering: boolean; abbreviations: boolean; missingHeading: boolean; ignoreCase: boolean };

/** The entries of one contents list against their chapters' headings. */
function checkList(book: Book, contents: Contents, options: Options, report: (report: BookReport) => void): void {
  const source = book.chapters.get(contents.path)?.source ?? '';
  const readme = `${contents.path.includes('/') ? contents.path.slice(0, contents.path.lastIndexOf('/') + 1) : ''}readme.md`.toLowerCase();
  const fold = (text: string) => (options.ignoreCase ? text.toLowerCase() : text);
  for (const entry of contents.entries) {
    if (entry.path === undefined || entry.kind === 'draft' || entry.kind === 'text' || entry.title.trim() === '') continue;
    const chapter = book.chapters.get(entry.path);
    if (!chapter || chapter.path === contents.path) continue;
    // The GitBook introduction (root README.md) carries the book's title as its heading.
    if (contents.grammar === 'gitbook' && entry.path.toLowerCase() === readme) continue;
    const heading = headingOf(chapter, entry);
    const range = titleRange(source, entry);
    if (!heading) {
      if (entry.anchor !== undefined || !options.missingHeading) continue;
      report({ file: contents.path, ...range, message: `Unexpected chapter \`${entry.path}\` without a heading, expected a heading \`${entry.title}\` as in the contents list` });
      continue;
    }
    const title = heading.text.trim();
    const cause = { file: chapter.path, line: heading.position?.start.line ?? 1, column: heading.position?.start.column ?? 1, message: heading.depth === 0 ? 'Front-matter title' : 'Heading' };
    if (fold(spaced(entry.title)) === fold(spaced(title))) continue;
    if (fold(comparable(entry.title)) === fold(comparable(title))) {
      report({ file: contents.path, ...range, cause, severity: 'info', message: `Unexpected entry title \`${entry.title}\` for \`${chapter.path}\`, expected its heading \`${title}\` (they differ only in spaces)` });
      continue;
    }
    if (fold(unnumbered(entry.title)) === fold(unnumbered(title))) {
      if (!options.numbering) continue;
      report({ file: contents.path, ...range, cause, severity: 'info', message: `Unexpected numbering difference between the entry title \`${entry.title}\` and the heading \`${title}\` of \`${chapter.path}\`, expected the same numbering in both` });
      continue;
    }
    if (fold(unbracketed(entry.title)) === fold(unbracketed(title))) {
      report({ file: contents.path, ...range, cause, severity: 'info', message: `Unexpected entry title \`${entry.title}\` for \`${chapter.path}\`, expected its heading \`${title}\` (one adds a bracketed part to the other)` });
      continue;
    }
    const a = bare(entry.title);
    const b = bare(title);
    if (options.abbreviations && a !== '' && b !== '' && (subsequence(a, b) || subsequence(b, a))) continue;
    report({ file: contents.path, ...range, cause, message: `Unexpected entry title \`${entry.title}\` for \`${chapter.path}\`, expected its heading \`${title}\`` });
  }
}

/** Whether the characters of `short` appear in `long` in order (`使用镜像` in `使用docker镜像`). */
function subsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of short) {
    at = long.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

/**
 * The heading an entry stands for: the one of its anchor; else the chapter's
 * level-1 heading; else its front-matter `title:` (Hugo, Hexo, VitePress,
 * Docusaurus show it as the page title; given as a heading of depth 0);
 * else its first heading.
 */
function headingOf(chapter: Chapter, entry: ContentsEntry): Pick<HeadingFact, 'text' | 'position'> & { depth: number } | undefined {
  const headings = chapter.headings;
  if (entry.anchor !== undefined) return headings.find((heading) => heading.slug === entry.anchor || heading.id === entry.anchor);
  // The outline's title: a `#` inside a component or a block quote is that box's title.
  const title = headings.find((heading) => heading.depth === 1 && heading.scope === undefined && heading.text.trim() !== '');
  if (title) return title;
  const front = chapter.frontmatter?.title?.trim();
  if (front) return { depth: 0, text: front, ...frontmatterPosition(chapter) };
  return headings.find((heading) => heading.text.trim() !== '') ?? undefined;
}

/** The position of the `title:` line of a chapter's front matter. */
function frontmatterPosition(chapter: Chapter): Pick<HeadingFact, 'position'> {
  const match = /^title\s*[:=]/m.exec(chapter.source);
  if (!match) return {};
  const line = chapter.source.slice(0, match.index).split(/\r\n|\n|\r/).length;
  const point = { line, column: 1, offset: match.index };
  return { position: { start: point, end: point } };
}

/** The title inside the entry's line (`[title]`), else the whole line. */
function titleRange(source: string, entry: ContentsEntry): { start: number; end: number } {
  const { start, end } = entry.position;
  const line = source.slice(start.offset, end.offset);
  const open = line.indexOf('[');
  const close = open >= 0 ? line.indexOf('](', open) : -1;
  if (open >= 0 && close > open) return { start: start.offset + open + 1, end: start.offset + close };
  return { start: start.offset, end: end.offset };
}
