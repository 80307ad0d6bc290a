/**
 * The chapter pass of a book on worker threads (`checkParallel`): read the
 * chapters here, send them in batches to the pool with what their rules may
 * know of the book, and keep what comes back: facts and findings per
 * chapter, never a tree. The book rules, the deferred chapter rules and the
 * fingerprints then run on this thread as in `check`.
 */
import { parseContents, stripBom, type Contents, type SlugFlavour } from '@tongwen/book';
import { createRunCache, dominantLocale, isBookRule, type Locale, type Settings } from '@tongwen/rules';
import { isChapterFile, readText, type BookSpec, type FileSource } from '@tongwen/workspace';
import type { ChapterCache } from './cache.js';
import { refOf, runChapterTask, type BookShape, type ChapterTask, type RuleRef } from './chapter-task.js';
import type { ActiveRule } from './config.js';
import type { ChapterOutcome } from './lint.js';
import { defaultMaxBytes, moreContentsOf } from './load.js';
import type { RulesForFile } from './overrides.js';
import { batches, runTasks, threadedWork } from './pool.js';

/** The worker module of the chapter pass (in the built `dist`). */
const worker = new URL('./check-worker.js', import.meta.url);

/** Batches per thread: enough to even out chapters of very different sizes. */
const batchesPerThread = 4;
/**
 * The heap of a worker of the chapter pass, in MB: it holds one chapter's
 * tree and one batch's outcomes at a time (10x docker_practice: 350 MB peak
 * for the process with two workers, 577 MB without the limit).
 */
const workerHeapMb = 96;
/**
 * The young generation of a worker of the chapter pass, in MB. Left to V8,
 * a worker whose old generation is bounded gets semi-spaces of a 256th of it
 * (about 1 MB): a chapter's parser events and tree then outlive their
 * scavenges and are promoted. 10x docker_practice-2026 on two bounded
 * workers: 300 MB peak with 16, 353 MB left to V8; trpl-zh-cn on two jobs:
 * the same CPU with 0, 16 or 48 (6.5-6.6 s). 10x docker_practice-2026 on
 * one bounded worker (interleaved, loaded machine): 48 against 16 cut the
 * CPU from 56.9 / 47.9 s to 42.8 / 37.9 s (garbage collection was 23 % of
 * the worker's profile) for 231-235 MB peak against 209-212 MB.
 */
const workerYoungMb = 48;
/**
 * Characters of chapter text above which the chapter pass runs on workers
 * only, this thread waiting: their heaps are bounded ({@link workerHeapMb}),
 * this thread's is not (V8 lets an old generation grow to about four times
 * what it keeps alive before collecting it: 10x docker_practice-2026, 5.8 M
 * characters, peaked at 400 MB in this thread). A third of that book
 * (`--shard 3/3`, ~1.9 M characters) peaked at 373 MB in this thread and at
 * 233 MB on a worker, for the same CPU (17.6 against 17.1 s).
 */
const boundedAbove = 1_000_000;
/**
 * Heap per character of a chapter parsed whole, in bytes, for the worker
 * that runs again a task beyond {@link workerHeapMb} (a chapter over ~300 K
 * characters that cannot be cut into sections: one long table or list of
 * definitions). A 1.2 M-character table fits in 600 MB and not in 450; with
 * 768 bytes a character its worker collects less often than at its limit.
 */
const heapPerCharacter = 768;

/** The heap, in MB, of a worker of its own for a task that did not fit in {@link workerHeapMb}: sized to its largest chapter. */
export function heapForTask(task: ChapterTask): number {
  const largest = task.chapters.reduce((most, chapter) => Math.max(most, chapter.text.length), 0);
  return workerHeapMb + Math.ceil((largest * heapPerCharacter) / (1024 * 1024));
}

/** Characters of text per batch at most (about): a worker holds one batch's texts and outcomes at a time. */
const batchCharacters = 256 * 1024;

/** What {@link prepareBook} needs. */
export interface PrepareOptions {
  spec: BookSpec;
  settings: Settings;
  rules: readonly ActiveRule[];
  rulesFor?: RulesForFile;
  /** `--locale`. */
  locale?: Locale;
  /** The chapters whose chapter rules run (`--shard`); the others are only parsed (their facts). */
  inShard?: (file: string) => boolean;
  /** Chapters not sent at all: `loadBook` parses them if a rule reads them (another shard's chapters where no book rule runs). */
  onDemand?: (file: string) => boolean;
  /** Chapters whose facts and findings it holds are not sent. */
  chapterCache?: ChapterCache;
  jobs: number;
}

/** A book's chapter pass: the texts read (for `loadBook`) and the outcome of every chapter sent. */
export interface PreparedBook {
  texts: Map<string, string>;
  outcomes: Map<string, ChapterOutcome>;
}

/** Read a book's chapters and run their chapter pass on the pool. */
export async function prepareBook(source: FileSource, options: PrepareOptions): Promise<PreparedBook> {
  const files = source.list();
  const texts = readChapters(source, files);
  const sources = new Map([...texts].map(([file, text]) => [file, stripBom(text).text]));
  options.chapterCache?.bookFiles(files);
  // The book's dominant locale: worked out only when a chapter needs it (a warm run with nothing changed does not).
  let memo: { locale: Locale | undefined } | undefined;
  const dominantOf = (): Locale | undefined => (memo ??= { locale: dominantLocale([...sources].map(([path, text]) => ({ path, source: text }))) }).locale;
  // Every chapter's facts are looked up before any findings: a book with no text changed keeps its dominant locale without working it out.
  const known = new Set([...texts].filter(([file, text]) => options.chapterCache?.facts(file, text)).map(([file]) => file));
  const wanted = [...texts].filter(([file]) => !options.onDemand?.(file) && !(known.has(file) && options.chapterCache?.findings(file, () => dominantOf() ?? 'zh-Hans')));
  // Nothing to send (a warm run with nothing changed): no pool, and no book shape (its contents lists) to build.
  if (wanted.length === 0) return { texts, outcomes: new Map() };
  const rules = ruleSets(wanted.map(([file]) => file), options);
  const crashed = options.rules.find((active) => active.rule.meta.id === 'rule-crashed');
  const dominant = dominantOf();
  const shared: Omit<ChapterTask, 'chapters'> = {
    book: bookShape(options.spec, files, sources, options.settings.slug),
    settings: options.settings,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(dominant ? { dominant } : {}),
    ...(crashed ? { crashed: refOf(crashed) } : {}),
    ruleSets: rules.sets,
  };
  const chapters = wanted.map(([path, text]) => ({ path, text, rules: rules.index.get(path)! }));
  const characters = chapters.reduce((sum, chapter) => sum + chapter.text.length, 0);
  const parts = Math.max(options.jobs * batchesPerThread, Math.ceil(characters / batchCharacters));
  const tasks = batches(chapters, parts, (chapter) => chapter.text.length).map((part): ChapterTask => ({ ...shared, chapters: part }));
  const resources = createRunCache();
  // A large book on one job runs on one worker all the same: in a bounded heap (this thread's heap grows to four times what it keeps).
  const bounded = characters > boundedAbove;
  // Below `threadedWork` (the rule of `defaultJobs`) the pass stays in this thread whatever `--jobs` says.
  const jobs = characters < threadedWork ? 1 : options.jobs;
  const results = await runTasks(tasks, { worker, jobs, heapMb: workerHeapMb, youngMb: workerYoungMb, shareThisThread: !bounded, bounded, heapFor: heapForTask, inThread: (task: ChapterTask) => runChapterTask(task, resources) });
  return { texts, outcomes: new Map(results.flat().map((outcome) => [outcome.path, outcome])) };
}

/** The Markdown chapters of a listing that read as text (the others are left to `loadBook`, which reports them). */
function readChapters(source: FileSource, files: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    if (!isChapterFile(file)) continue;
    const read = readText(source, file, defaultMaxBytes);
    if ('text' in read) texts.set(file, read.text);
  }
  return texts;
}

/** The chapter rules of each file, as distinct lists of references. */
function ruleSets(files: readonly string[], options: PrepareOptions): { sets: RuleRef[][]; index: Map<string, number> } {
  const sets: RuleRef[][] = [];
  const keys = new Map<string, number>();
  const index = new Map<string, number>();
  for (const file of files) {
    const checked = options.inShard?.(file) ?? true;
    const refs = checked ? (options.rulesFor ? options.rulesFor(file) : options.rules).filter((active) => !isBookRule(active.rule)).map(refOf) : [];
    const key = JSON.stringify(refs);
    let at = keys.get(key);
    if (at === undefined) {
      at = sets.push(refs) - 1;
      keys.set(key, at);
    }
    index.set(file, at);
  }
  return { sets, index };
}

/** What a worker's chapter rules see of the book: root, files, contents lists, slug flavour (as `loadBook` builds them). */
function bookShape(spec: BookSpec, files: readonly string[], sources: ReadonlyMap<string, string>, slug: SlugFlavour): BookShape {
  const grammar = { grammar: spec.grammar ?? 'auto' } as const;
  const contentsSource = spec.contents ? sources.get(spec.contents) : undefined;
  const contents: Contents | undefined = spec.contents && contentsSource !== undefined ? parseContents(contentsSource, spec.contents, grammar) : undefined;
  const more = moreContentsOf(spec, sources).map((file) => parseContents(sources.get(file)!, file, grammar));
  return { root: spec.root, files: [...files], slug, ...(contents ? { contents } : {}), ...(more.length > 0 ? { moreContents: more } : {}) };
}
