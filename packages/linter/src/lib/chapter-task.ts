/**
 * The chapter pass as plain data, for worker threads: a task carries the
 * chapters' texts and what the chapter rules may know of their book (root,
 * file list, contents lists, slug flavour, the dominant locale); the outcome
 * of each chapter is its facts and findings, never its tree. A rule that
 * reads other chapters (a book convention) is deferred: its findings are
 * dropped here and it runs again on the main thread, where the whole book is.
 */
import { factsOf, parseChapter, type Book, type Chapter, type Contents, type SlugFlavour } from '@tongwen/book';
import { createRunCache, getRule, isNotChinese, type FixChange, type Locale, type RunCache, type Settings } from '@tongwen/rules';
import { readSuppressions } from './comments.js';
import type { ActiveRule } from './config.js';
import { lintChapter, localeOf, type ChapterOutcome } from './lint.js';

/** A rule as a task names it: id, level and options (the rule itself is found again by id). */
export interface RuleRef {
  id: string;
  severity: ActiveRule['severity'];
  options: Record<string, unknown>;
}

/** What a chapter rule may read of its book in a worker. */
export interface BookShape {
  root: string;
  files: string[];
  contents?: Contents;
  moreContents?: Contents[];
  slug: SlugFlavour;
}

/** Chapters to parse and check, with everything their rules need. */
export interface ChapterTask {
  book: BookShape;
  settings: Settings;
  /** `--locale`. */
  locale?: Locale;
  /** The book's dominant locale (the fallback of a chapter too short to tell). */
  dominant?: Locale;
  /** The `rule-crashed` level, when that rule is on. */
  crashed?: RuleRef;
  /** Distinct rule lists; each chapter names its list by index. */
  ruleSets: RuleRef[][];
  chapters: { path: string; text: string; rules: number }[];
}

/** A rule by its reference. */
function activeOf(ref: RuleRef): ActiveRule {
  const rule = getRule(ref.id);
  if (!rule) throw new Error(`Unknown rule \`${ref.id}\` in a worker task, expected a registered rule`);
  return { rule, severity: ref.severity, options: ref.options };
}

/** A rule's reference. */
export function refOf(active: ActiveRule): RuleRef {
  return { id: active.rule.meta.id, severity: active.severity, options: active.options };
}

/**
 * The book a chapter's rules see in a worker: the real root, files and
 * contents lists, and only this chapter. Reading `chapters` or `problems`
 * sets `touched` (the rule needs the whole book).
 */
function bookOf(shape: BookShape, files: ReadonlySet<string>, chapter: Chapter, touched: { value: boolean }): Book {
  const chapters = new Map([[chapter.path, chapter]]);
  const book = { root: shape.root, files, slug: shape.slug, ...(shape.contents ? { contents: shape.contents } : {}), ...(shape.moreContents ? { moreContents: shape.moreContents } : {}) };
  return Object.defineProperties(book, {
    chapters: { enumerable: true, get: () => ((touched.value = true), chapters) },
    problems: { enumerable: true, get: () => ((touched.value = true), []) },
  }) as Book;
}

/**
 * Parse and check the chapters of a task, one after the other; each chapter
 * gets a fresh run cache (sharing only `resources`: converters, segmenter),
 * so a book-wide memo is never served from another chapter's partial book.
 */
export function runChapterTask(task: ChapterTask, resources: RunCache = createRunCache()): ChapterOutcome[] {
  const files = new Set(task.book.files);
  const ruleSets = task.ruleSets.map((refs) => refs.map(activeOf));
  const crashed = task.crashed ? activeOf(task.crashed) : undefined;
  const allowOf = new Map<string, readonly FixChange[]>(ruleSets.flat().map((active) => [active.rule.meta.id, active.rule.meta.fixChanges ?? []]));
  return task.chapters.map(({ path, text, rules }) => {
    const chapter = parseChapter(path, text, { slug: task.book.slug });
    const touched = { value: false };
    const deferred: string[] = [];
    const foreign = isNotChinese(chapter);
    const findings = lintChapter(chapter, {
      book: bookOf(task.book, files, chapter, touched),
      rules: ruleSets[rules] ?? [],
      settings: task.settings,
      cache: createRunCache(resources),
      locale: localeOf(chapter, path, { settings: task.settings, ...(task.locale ? { locale: task.locale } : {}) }, task.book.root, task.dominant),
      foreign,
      allowOf,
      suppressions: readSuppressions(chapter),
      ...(crashed ? { crashed } : {}),
      discard: (ruleId) => {
        const read = touched.value;
        touched.value = false;
        if (read) deferred.push(ruleId);
        return read;
      },
    });
    return { path, facts: factsOf(chapter), findings, deferred, foreign };
  });
}
