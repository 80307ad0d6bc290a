import { chapterFromFacts, chapterOnDemand, factsOf, parseChapter, parseContents, resolveLocal, findChapter, type Book, type Chapter, type Contents, type LoadProblem, type SlugFlavour } from '@tongwen/book';
import { isChapterFile, readText, workTreeSource, type BookSpec, type FileSource } from '@tongwen/workspace';
import picomatch from 'picomatch';
import type { ChapterCache } from './cache.js';
import type { ChapterOutcome } from './lint.js';

export { decodeUtf8, discoverBooks, isHidden, listFiles, markdownExtensions, type BookSpec } from '@tongwen/workspace';

/** Markdown and MDX files are chapters. */

/** Chapters larger than this many bytes are not parsed (a `file-too-large` problem). */
export const defaultMaxBytes = 64 * 1024 * 1024;

/** Options of {@link loadBook}. */
export interface LoadOptions {
  slug?: SlugFlavour;
  /** Globs (from the root) of files that are not part of the book at all: never listed, never read. */
  exclude?: readonly string[];
  /** Chapters larger than this many bytes are not parsed (a `file-too-large` problem). Default 64 MiB. */
  maxBytes?: number;
  /** Text of these files (paths from the root) instead of what is on disk (`--stdin`). */
  texts?: ReadonlyMap<string, string>;
  /** Facts of unchanged chapters from an earlier run: those are not parsed again. */
  cache?: ChapterCache;
  /** Chapters parsed elsewhere (worker threads): built from their facts, not parsed again. */
  prepared?: ReadonlyMap<string, ChapterOutcome>;
  /**
   * Chapters parsed only if a rule reads their tree or facts (another
   * shard's chapters, see `chapterOnDemand`); the cache keeps their facts
   * only from a run that parsed them.
   */
  onDemand?: (file: string) => boolean;
  /** Where the files come from. Default: the work tree at the spec's root, with `exclude`. */
  source?: FileSource;
  /**
   * Read only these chapters (and the Markdown files they link to), not the
   * whole book: a book without a contents list checked file by file.
   */
  only?: ReadonlySet<string>;
  /** With `only`: more chapters to read, chosen from the book's Markdown files (a mirror's counterparts of the `only` files). */
  alsoRead?: (markdown: readonly string[]) => Iterable<string>;
}

/** Read and parse a whole book: contents list, every chapter once. */
export function loadBook(spec: BookSpec, options: LoadOptions = {}): Book {
  const slug = options.slug ?? 'github';
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const problems: LoadProblem[] = [];
  const source = options.source ?? workTreeSource(spec.root, { ...(options.exclude ? { ignore: options.exclude } : {}) });
  const listed = source.list();
  const files = options.texts ? [...listed, ...[...options.texts.keys()].filter((file) => !listed.includes(file))] : listed;
  options.cache?.bookFiles(files);
  const chapters = new Map<string, Chapter>();
  const book: Book = { root: spec.root, chapters, files: new Set(files), problems, slug };
  const load = (file: string): Chapter | undefined => {
    const given = options.texts?.get(file);
    const read = given !== undefined ? { text: given } : readText(source, file, maxBytes);
    if ('problem' in read) {
      problems.push({ file, ruleId: read.problem.ruleId, severity: read.problem.ruleId === 'file-too-large' ? 'warning' : 'error', message: read.problem.message });
      return undefined;
    }
    const cached = options.cache?.facts(file, read.text);
    // Cached facts are read when a rule first reads one; a stored record found malformed then is the parse's.
    const facts = cached ? () => cached() ?? factsOf(parseChapter(file, read.text, { slug })) : options.prepared?.get(file)?.facts;
    if (!facts && options.onDemand?.(file)) {
      const chapter = chapterOnDemand(file, read.text, { slug });
      chapters.set(file, chapter);
      return chapter;
    }
    const chapter = facts ? chapterFromFacts(file, read.text, facts) : parseChapter(file, read.text, { slug });
    options.cache?.keepFacts(chapter);
    chapters.set(file, chapter);
    return chapter;
  };
  const markdown = files.filter(isChapterFile);
  const only = options.only && options.alsoRead ? new Set([...options.only, ...options.alsoRead(markdown)]) : options.only;
  if (only && !spec.contents) loadLinked(markdown, only, load);
  else for (const file of markdown) load(file);
  const grammar = spec.grammar ?? 'auto';
  // A contents list whose bytes the store has seen is its list as then parsed.
  const listOf = (file: string, chapter: Chapter): Contents => {
    const parse = (): Contents => parseContents(chapter.source, file, { grammar });
    return options.cache ? options.cache.contents(file, grammar, parse) : parse();
  };
  if (spec.contents) {
    const chapter = chapters.get(spec.contents);
    if (chapter) {
      book.contents = listOf(spec.contents, chapter);
    } else if (!problems.some((problem) => problem.file === spec.contents)) {
      problems.push({ file: spec.contents, ruleId: 'contents-syntax', severity: 'error', message: `Cannot read the contents list \`${spec.contents}\`` });
    }
  }
  const more = moreContentsOf(spec, chapters);
  if (more.length > 0) book.moreContents = more.map((file) => listOf(file, chapters.get(file)!));
  return book;
}

/** The chapters that are more contents lists: the configured globs, and `TOC-*.md` beside a `TOC.md` contents list. */
export function moreContentsOf(spec: BookSpec, chapters: ReadonlyMap<string, unknown>): string[] {
  const globs = [...(spec.moreContents ?? [])];
  if (spec.contents && /(^|\/)TOC\.md$/.test(spec.contents)) globs.push(spec.contents.replace(/TOC\.md$/, 'TOC-*.md'));
  if (globs.length === 0) return [];
  const matches = picomatch(globs);
  return [...chapters.keys()].filter((file) => file !== spec.contents && matches(file)).sort();
}

/**
 * Load the chapters in `only`, then the Markdown chapters they link to (their
 * anchors are checked), without reading the rest of the folder.
 */
function loadLinked(markdown: readonly string[], only: ReadonlySet<string>, load: (file: string) => Chapter | undefined): void {
  const available = new Set(markdown);
  const linked = new Set<string>();
  for (const file of markdown) {
    if (!only.has(file)) continue;
    const chapter = load(file);
    for (const link of chapter?.links ?? []) {
      const target = resolveLocal(file, link.url);
      const found = target ? findChapter(available, target.path) : undefined;
      if (found && !only.has(found)) linked.add(found);
    }
  }
  for (const file of markdown) if (linked.has(file)) load(file);
}
