import path from 'node:path';
import type { Book, Finding } from '@tongwen/book';
import { createRunCache, isBookRule, mirrorCounterparts, mirrorPairings, presetLocale, type Locale, type MirrorDrift, type MirrorHistory, type RunCache, type Settings } from '@tongwen/rules';
import { ChapterCache, codeFingerprint, defaultCacheFolder, hashText, type CacheReads } from './cache.js';
import { activeRules, ConfigError, loadConfig, type ActiveRule, type Config, type RuleLevel } from './config.js';
import { fixBook } from './fix.js';
import { rulesByFile, type RulesForFile } from './overrides.js';
import { defaultJobs } from './pool.js';
import { prepareBook, type PrepareOptions, type PreparedBook } from './parallel.js';
import { lintBook, sortFindings } from './lint.js';
import { loadBook } from './load.js';
import { collectExternalLinks, type ExternalLink } from './external.js';
import { acquireLock, discoverBooks, GitError, gitSource, isFile, isFolder, removeStaleTempsBeside, storeKey, workTreeSource, writeFileAtomic, type BookSpec, type FileSource, type GitRevision, type GitSession, type ListOptions } from '@tongwen/workspace';
import { siteSettings } from './dialect.js';
import { readMirrorHistory } from './mirror-history.js';
import { findEditions } from './editions.js';
import { holdsMirrors } from './mirror-books.js';
import { editionFindings, rebaseResult, type LoadedEdition } from './mirror-editions.js';
import { mirrorDrift } from './mirror-generated.js';
import { contentsSetting } from './contents-config.js';
import { listedFindings, listingState, specInputs } from './git-listing.js';
import { shardFilter, type Shard } from './shard.js';

/** Options of {@link check}. */
export interface CheckOptions {
  /** Files or folders to check. Default: the working directory. */
  paths: string[];
  /** Working directory: paths in findings are relative to it unless one folder is checked. */
  cwd: string;
  /**
   * Where the files come from: the work tree (default), the git index
   * (staged content) or a commit. Books and configurations are found in the
   * work tree; chapters are read from the source.
   */
  source?: SourceChoice;
  /** Explicit configuration file (`--config`). */
  config?: string;
  /** Rule levels from the command line (`--rule id=level`). */
  rules?: Record<string, RuleLevel>;
  /** Locale from the command line (`--locale`). */
  locale?: Locale;
  /** Apply fixes and write the fixed files. */
  fix?: boolean;
  /**
   * The content-hash cache of facts and chapter-rule findings: on by default
   * (in {@link defaultCacheFolder}); `false` turns it off; a string is the folder.
   */
  cache?: boolean | string;
  /**
   * Collect the external `http(s)` links into {@link CheckResult.externalLinks}
   * for the async pass {@link checkExternal} (opt-in; `check()` itself never
   * touches the network).
   */
  external?: boolean;
  /**
   * Check this text as the content of `file` (a path from `cwd`), in its
   * book (`--stdin --stdin-filename FILE`): only that file's findings are kept.
   */
  stdin?: { file: string; text: string };
  /**
   * Absolute paths of the files a gate is about (`--staged`): when a whole
   * edition of a mirror is checked, only their counterparts in the other
   * editions are read.
   */
  focus?: readonly string[];
  /**
   * The immutable resources (converters, the word segmenter) of an earlier
   * run to reuse: the two checks of a gate build them once.
   */
  resources?: RunCache;
  /** Check one shard of the chapters (`--shard i/n`; see `shard.ts`). */
  shard?: Shard;
  /** What the git calls of a gate share (the repository, the blobs read): its checks ask git each thing once. */
  git?: GitSession;
  /**
   * Run the book rules only (links, anchors, contents…): what `--staged`
   * compares with HEAD. The cache is keyed and read as for every rule, so
   * the facts of unchanged chapters are still not parsed again.
   */
  bookRulesOnly?: boolean;
  /** The cache files read by an earlier check of the same command (a gate's two checks): each is read once. */
  cacheReads?: CacheReads;
  /**
   * The caller reads only the findings, not the books (a gate's check of
   * HEAD without renames): a book read from git whose listing a run has seen
   * is not loaded (see `git-listing.ts`); its book in the result is empty.
   */
  findingsOnly?: boolean;
}

/** The source of a run's files: the work tree, or a git revision (the index or a commit). */
export type SourceChoice = { kind: 'worktree' } | GitRevision;

/** The file source of one book for a choice of source. */
export function openSource(root: string, choice: SourceChoice, options: ListOptions, session?: GitSession): FileSource {
  return choice.kind === 'worktree' ? workTreeSource(root, options) : gitSource(root, choice, options, session);
}

/** One book of a run. */
export interface CheckedBook {
  spec: BookSpec;
  /** The book root relative to the base folder, `/`-separated (`''` for the base itself). */
  prefix: string;
  chapters: number;
  hasContents: boolean;
  /** The book model as checked (after fixes): what reports draw the contents tree and source lines from. */
  book: Book;
}

/** The result of {@link check}. */
export interface CheckResult {
  /** Folder the finding paths are relative to. */
  base: string;
  books: CheckedBook[];
  /** Findings with `file` relative to {@link CheckResult.base}. */
  findings: Finding[];
  /** Number of Markdown files checked. */
  files: number;
  /** Findings fixed per rule, with `fix`. */
  fixed: Record<string, number>;
  /** Files written by `fix`, relative to the base. */
  written: string[];
  /** With `fix`: the most rounds that fixed something in a book. */
  fixRounds?: number;
  /** With `fix`: fixable findings before any fix (fixes may reveal more). */
  fixableAtStart?: number;
  /** With `external`: the external links of the checked files, for {@link checkExternal}. */
  externalLinks?: ExternalLink[];
  /** How many files were read (chapters and contents lists; not the cache). */
  reads: number;
  /** Files (relative to the base) whose bytes could not be read: an I/O failure (exit 2). */
  unreadable: string[];
  /** What the log should say besides the findings (a cache file ignored as malformed). */
  notes?: string[];
}

/** A path given on the command line that does not exist, or a folder with nothing to check. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Check books: find them under the given paths, load each once, run the
 * rules (and the fix loop with `fix`), and return every finding.
 * Throws {@link ConfigError} or {@link InputError} before reading any chapter
 * when the configuration or the paths are wrong.
 */
export function check(options: CheckOptions): CheckResult {
  const run = planRun(options);
  for (const plan of run.plans) checkBook(run, plan, openPlanned(run, plan));
  return finishRun(run);
}

/**
 * {@link check} with the chapter pass (parse, chapter rules) on `jobs`
 * worker threads (default: the cores; one job: in this thread; see
 * `parallel.ts`), keeping each chapter's facts and findings, not its tree;
 * the findings are those of {@link check}, byte for byte. With `fix` or
 * `stdin` it is {@link check}.
 */
export async function checkParallel(options: CheckOptions & { jobs?: number }): Promise<CheckResult> {
  const jobs = options.jobs ?? defaultJobs();
  // One job runs the same chapter pass in this thread: the trees are dropped chapter by chapter either way.
  if (options.fix || options.stdin) return check(options);
  const run = planRun(options);
  for (const plan of run.plans) {
    const planned = openPlanned(run, plan);
    const prepared = planned.only ? undefined : await prepareBook(planned.source, { ...preparation(run, plan, planned), jobs });
    checkBook(run, plan, { ...planned, ...(prepared ? { prepared } : {}) });
  }
  return finishRun(run);
}

/** A run of {@link check} once its configuration is validated: what every book's check shares. */
interface PlannedRun {
  options: CheckOptions;
  targets: string[];
  base: string;
  plans: BookPlan[];
  onlyFiles: ReadonlyMap<string, Set<string>>;
  configFor: (dir: string) => Config;
  result: CheckResult;
  cache: RunCache;
  useCache: boolean;
  cacheFolder: string;
  code: string;
  loaded: LoadedEdition[];
  stdinFile?: string;
}

/** One book of a run, with its rules and settings. */
interface BookPlan {
  spec: BookSpec;
  config: Config;
  rules: ActiveRule[];
  settings: Settings;
  rulesFor: RulesForFile | undefined;
}

/** The paths, books and their configurations, all validated before any chapter is read. */
function planRun(options: CheckOptions): PlannedRun {
  const targets = (options.stdin ? [options.stdin.file] : options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(options.cwd, p));
  if (options.shard && (options.fix || options.stdin)) throw new InputError(`Unexpected \`--shard\` with \`${options.fix ? '--fix' : '--stdin'}\`, expected a check of the whole book split in parts`);
  if (options.fix && options.source && options.source.kind !== 'worktree') throw new InputError('Unexpected `--fix` with a git source, expected the work tree');
  for (const target of targets) {
    if (!isFile(target) && !isFolder(target)) throw new InputError(`No such file or folder: ${path.relative(options.cwd, target) || target}`);
  }
  const singleFolder = targets.length === 1 && isFolder(targets[0]!);
  const base = singleFolder ? targets[0]! : options.cwd;
  const onlyFiles = new Map<string, Set<string>>();
  const specs: BookSpec[] = [];
  const configs = new Map<string, Config>();
  const configFor = (dir: string): Config => {
    let config = configs.get(dir);
    if (!config) configs.set(dir, (config = loadConfig(dir, options.config).config));
    return config;
  };

  for (const target of targets) {
    const baseConfig = configFor(isFolder(target) ? target : path.dirname(target));
    const contents = contentsSetting(baseConfig.contents);
    for (const spec of discoverBooks(target, { ...(contents.main ? { contents: contents.main } : {}), ...(baseConfig.grammar ? { grammar: baseConfig.grammar } : {}) })) {
      if (contents.main && !spec.contents) {
        throw new ConfigError(`The configured contents list \`${contents.main}\` does not exist in ${path.relative(options.cwd, spec.root) || '.'}`);
      }
      if (contents.more.length > 0) spec.moreContents = contents.more;
      if (!specs.some((s) => s.root === spec.root)) specs.push(spec);
      if (!isFolder(target)) {
        const files = onlyFiles.get(spec.root) ?? new Set<string>();
        files.add(path.relative(spec.root, target).split(path.sep).join('/'));
        onlyFiles.set(spec.root, files);
      }
    }
  }

  // Validate every configuration and rule setting before any chapter is read.
  const plans = specs.map((spec) => {
    const config = configFor(path.resolve(spec.root));
    const rules = activeRules(config, options.rules);
    const rulesFor = rulesByFile(config, options.rules);
    const implied = config.preset ? presetLocale(config.preset) : undefined;
    const site = siteSettings(config, spec);
    // The dialect (configured or detected: an mdBook found through book.toml, .vitepress/, hugo.toml…) gives the slug flavour and static folders unless the configuration says otherwise.
    const settings: Settings = { ...site, ignore: config.ignore ?? [], ...(config.locale ? { locale: config.locale } : {}), ...(implied ? { presetLocale: implied } : {}), ...(config.repository ? { repository: config.repository } : {}), ...(config.mirrors ? { mirrors: config.mirrors } : {}) };
    return { spec, config, rules, settings, rulesFor };
  });

  const useCache = options.cache !== false && !options.fix && !options.stdin;
  const notes = editionNotes(options, plans, targets);
  return {
    options,
    targets,
    base,
    plans,
    onlyFiles,
    configFor,
    result: { base, books: [], findings: [], files: 0, fixed: {}, written: [], reads: 0, unreadable: [], ...(notes.length > 0 ? { notes } : {}) },
    cache: createRunCache(options.resources),
    useCache,
    cacheFolder: typeof options.cache === 'string' ? path.resolve(options.cwd, options.cache) : defaultCacheFolder(options.cwd),
    code: useCache ? codeFingerprint() : '',
    loaded: [],
    ...(options.stdin ? { stdinFile: path.resolve(options.cwd, options.stdin.file) } : {}),
  };
}

/**
 * What the log says of the editions a checked folder holds without a
 * `mirrors` configuration (`source/zh-cn` + `source/zh-tw`): they are not
 * paired by default (the `mirror-…` rules run where `mirrors` says), and
 * `tongwen init` writes the pairing. Only for a whole folder of the work tree.
 */
function editionNotes(options: CheckOptions, plans: ReadonlyArray<{ spec: BookSpec; config: Config }>, targets: readonly string[]): string[] {
  if (options.stdin || options.shard || (options.source && options.source.kind !== 'worktree') || !targets.every(isFolder)) return [];
  return plans.flatMap(({ spec, config }) => {
    if (config.mirrors !== undefined) return [];
    const where = path.relative(options.cwd, spec.root).split(path.sep).join('/') || '.';
    return findEditions(spec.root).map(
      (edition) =>
        `\`${edition.mirror}\` (${edition.mirrorFiles} files) looks like an edition of \`${edition.source}\` (${edition.sourceFiles}) in ${where}, not checked for drift: \`tongwen init\` pairs them in \`mirrors\``,
    );
  });
}

/** A book of a run, opened: its file source, cache and the files asked for. */
interface OpenedBook {
  source: FileSource;
  chapterCache: ChapterCache | undefined;
  only: ReadonlySet<string> | undefined;
  /** The chapter pass done on worker threads (`checkParallel`). */
  prepared?: PreparedBook;
}

/** Open a book's source and cache. */
function openPlanned(run: PlannedRun, { spec, rules, settings, config }: BookPlan): OpenedBook {
  const { options, useCache, cacheFolder } = run;
  const key = storeKey(run.code, [rules.map((r) => [r.rule.meta.id, r.severity, r.options]), settings, options.locale ?? null, config.overrides ?? null]);
  // A gate's check of a commit learns into a side store (the book's own store is the work tree's or the index's).
  const side = options.source?.kind === 'commit' && options.cacheReads ? path.join(cacheFolder, `${hashText(spec.root)}.commit.json`) : undefined;
  const chapterCache = useCache ? ChapterCache.open(path.join(cacheFolder, `${hashText(spec.root)}.json`), key, options.cacheReads, side) : undefined;
  // A cache folder inside the book is not part of it (its file would change the book's file list).
  const inside = path.relative(spec.root, cacheFolder).split(path.sep).join('/');
  const exclude = useCache && inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? [inside, `${inside}/**`] : [];
  const source = sourceOf(spec.root, options.source ?? { kind: 'worktree' }, { ignore: [...settings.ignore, ...exclude] }, options.git);
  return { source, chapterCache, only: run.onlyFiles.get(spec.root) };
}

/** What the chapter pass of a book needs from its plan. */
function preparation(run: PlannedRun, plan: BookPlan, opened: OpenedBook): Omit<PrepareOptions, 'jobs'> {
  return {
    spec: plan.spec,
    settings: plan.settings,
    rules: plan.rules,
    ...(plan.rulesFor ? { rulesFor: plan.rulesFor } : {}),
    ...(run.options.locale ? { locale: run.options.locale } : {}),
    ...(opened.chapterCache ? { chapterCache: opened.chapterCache } : {}),
    ...(run.options.shard ? { inShard: shardFilter(run.options.shard).chapters } : {}),
    ...(onDemandOf(run.options.shard) ? { onDemand: onDemandOf(run.options.shard)! } : {}),
  };
}

/**
 * The chapters a shard parses only if a rule reads them: the other shards'
 * chapters, where no book rule runs (the first shard's book rules read every
 * chapter's facts, which its chapter pass gives).
 */
function onDemandOf(shard: Shard | undefined): ((file: string) => boolean) | undefined {
  const filter = shard && shardFilter(shard);
  return filter && !filter.bookRules ? (file) => !filter.chapters(file) : undefined;
}

/**
 * A book whose findings are all the caller reads ({@link CheckOptions.findingsOnly})
 * and whose git listing a run has seen: its findings go into the run's
 * result with an empty book, and nothing is read. `false` when not so.
 */
function checkListed(run: PlannedRun, { spec, settings }: BookPlan, { source, chapterCache, only }: OpenedBook): boolean {
  const { options, result } = run;
  if (!options.findingsOnly || !chapterCache || only || options.shard || options.stdin || settings.mirrors) return false;
  const known = listedFindings(source, spec, chapterCache, options.bookRulesOnly === true);
  if (!known) return false;
  const prefix = path.relative(run.base, spec.root).split(path.sep).join('/');
  addFindings(result, known.findings, prefix);
  result.files += known.chapters;
  result.books.push({ spec, prefix, chapters: known.chapters, hasContents: Boolean(spec.contents), book: { root: spec.root, chapters: new Map(), files: new Set(source.list()), problems: [], slug: settings.slug } });
  return true;
}

/** A book's findings into the run's result, their files (and causes') from the base folder. */
function addFindings(result: CheckResult, findings: readonly Finding[], prefix: string): void {
  for (const finding of findings) {
    if (prefix) {
      finding.file = `${prefix}/${finding.file}`;
      if (finding.cause) finding.cause = { ...finding.cause, file: `${prefix}/${finding.cause.file}` };
    }
    result.findings.push(finding);
  }
}

/** Load, lint (and fix) one book; its findings and counts go into the run's result. */
function checkBook(run: PlannedRun, plan: BookPlan, opened: OpenedBook): void {
  if (checkListed(run, plan, opened)) return noteCacheProblem(run, opened);
  const { spec, rules, settings, config, rulesFor } = plan;
  const { source, chapterCache, only, prepared } = opened;
  const { options, result, cache, base } = run;
  const texts = run.stdinFile && options.stdin ? new Map([[path.relative(spec.root, run.stdinFile).split(path.sep).join('/'), options.stdin.text]]) : prepared?.texts;
  const counterparts = new Set<string>();
  const alsoRead = only && settings.mirrors ? (markdown: readonly string[]) => counterpartsOf(markdown, settings.mirrors!, only, counterparts) : undefined;
  const onDemand = onDemandOf(options.shard);
  const book = loadBook(spec, { slug: settings.slug, source, ...(onDemand ? { onDemand } : {}), ...(only ? { only } : {}), ...(alsoRead ? { alsoRead } : {}), ...(chapterCache ? { cache: chapterCache } : {}), ...(texts ? { texts } : {}), ...(prepared ? { prepared: prepared.outcomes } : {}) });
  result.reads += source.reads;
  const prefix = path.relative(base, spec.root).split(path.sep).join('/');
  for (const file of source.failures) result.unreadable.push(prefix ? `${prefix}/${file}` : file);
  run.loaded.push({ book, ...(only ? { only } : {}) });
  const mirrorHistory = settings.mirrors?.some((mirror) => mirror.kind === 'human') && holdsMirrors(book, settings.mirrors) ? readMirrorHistory(book, mirrorPairings(book, settings, cache)) : undefined;
  // The chapters' hashes are the store's: a generated mirror's drift reads again only what no chapter is (images, other files).
  const drift = settings.mirrors ? mirrorDrift(source, settings.mirrors, only && new Set([...only, ...counterparts]), chapterCache && ((file) => chapterCache.hashOf(file))) : [];
  for (const entry of drift) counterparts.add(entry.mirror);
  const shard = options.shard ? shardFilter(options.shard) : undefined;
  const ruling = options.bookRulesOnly ? bookRulesOf(rules, rulesFor) : { rules, rulesFor };
  const lintOptions = { rules: ruling.rules, settings, cache, ...(shard ? { shard } : {}), ...(mirrorHistory ? { mirrorHistory } : {}), ...(drift.length > 0 ? { mirrorDrift: drift } : {}), ...(options.locale ? { locale: options.locale } : {}), ...(only ? { only, counterparts } : {}), ...(chapterCache ? { chapterCache } : {}), ...(ruling.rulesFor ? { rulesFor: ruling.rulesFor } : {}) };
  if (options.fix) {
    const fixed = fixBook(book, lintOptions);
    const release = fixed.changed.size > 0 ? acquireLock(spec.root) : undefined;
    try {
      for (const [file, text] of fixed.changed) {
        writeFileAtomic(spec.root, file, text);
        result.written.push(prefix ? `${prefix}/${file}` : file);
      }
    } finally {
      release?.();
    }
    // Temporary files of a killed `--fix` run (never read as chapters) go now.
    removeStaleTempsBeside(spec.root, book.files);
    for (const [rule, count] of Object.entries(fixed.fixed)) result.fixed[rule] = (result.fixed[rule] ?? 0) + count;
    result.fixRounds = Math.max(result.fixRounds ?? 0, fixed.fixingRounds);
    result.fixableAtStart = (result.fixableAtStart ?? 0) + fixed.fixableAtStart;
  }
  // A book whose files, texts and other inputs are all as the cache saw them has the findings it saw.
  // With `bookRulesOnly` the whole book's findings are more than asked for, never less; its own are kept under a state of their own.
  const inputs = bookInputs(spec, book, mirrorHistory, drift);
  const state = chapterCache && !only && !shard ? chapterCache.bookState(inputs) : undefined;
  const partial = state && options.bookRulesOnly ? chapterCache?.bookState([inputs, 'book rules only']) : undefined;
  const known = (partial ? chapterCache?.bookFindings(partial) : undefined) ?? (state ? chapterCache?.bookFindings(state) : undefined);
  const findings = known ?? lintBook(book, { ...lintOptions, ...(prepared ? { prepared: prepared.outcomes } : {}) });
  const keepAs = options.bookRulesOnly ? partial : state;
  // A book read from git is kept under its listing too (once; a summary known by its state learns it).
  const listing = keepAs && !settings.mirrors && !options.stdin ? listingState(source, spec, options.bookRulesOnly === true) : undefined;
  if (keepAs && (!known || listing)) chapterCache?.keepBookFindings(keepAs, findings, listing);
  // A commit's chapters are not what the next run reads (the work tree or the index): the cache keeps theirs.
  if (chapterCache && (options.source?.kind !== 'commit' || chapterCache.hasSide)) chapterCache.saveIfChanged();
  noteCacheProblem(run, opened);
  addFindings(result, findings, prefix);
  if ((options.external ?? config.external) && shard?.bookRules !== false) {
    result.externalLinks = [...(result.externalLinks ?? []), ...collectExternalLinks(book, { prefix, ...(settings.repository ? { repository: settings.repository } : {}), ...(only ? { only } : {}) })];
  }
  result.files += only ? [...only].filter((file) => book.chapters.has(file)).length : shard ? [...book.chapters.keys()].filter(shard.chapters).length : book.chapters.size;
  result.books.push({ spec, prefix, chapters: book.chapters.size, hasContents: Boolean(spec.contents), book });
}

/** Why the book's cache file, or some of its entries, was ignored: into the run's notes (entries are read as the check needs them, so after it). */
function noteCacheProblem(run: PlannedRun, { chapterCache }: OpenedBook): void {
  const problems = chapterCache?.problems ?? [];
  if (problems.length > 0) (run.result.notes ??= []).push(...problems);
}

/** What a book's findings depend on besides its files, their texts and the cache's key (see `ChapterCache.bookState`). */
function bookInputs(spec: BookSpec, book: Book, history: MirrorHistory | undefined, drift: readonly MirrorDrift[]): unknown {
  return [...specInputs(spec), book.problems, history ? [...history] : null, drift];
}

/** The book rules among a book's rules (and its rules by file), for {@link CheckOptions.bookRulesOnly}. */
function bookRulesOf(rules: ActiveRule[], rulesFor: RulesForFile | undefined): { rules: ActiveRule[]; rulesFor: RulesForFile | undefined } {
  const book = (list: readonly ActiveRule[]): ActiveRule[] => list.filter((active) => isBookRule(active.rule));
  return { rules: book(rules), rulesFor: rulesFor && ((file: string) => book(rulesFor(file))) };
}

/** The mirrors across books, the order of the findings, and the check that something was checked. */
function finishRun(run: PlannedRun): CheckResult {
  const { options, result, targets, base } = run;
  const firstShard = !options.shard || options.shard.index === 1;
  if (firstShard) result.findings.push(...editionFindings({ loaded: run.loaded, base, configFor: run.configFor, open: (root, list) => sourceOf(root, options.source ?? { kind: 'worktree' }, list, options.git), cache: run.cache, ...(options.rules ? { rules: options.rules } : {}), ...(options.focus ? { focus: options.focus } : {}) }));
  if (result.findings.length > 0) sortFindings(result.findings);
  if (result.files === 0 && result.findings.length === 0 && firstShard) {
    throw new InputError(`No Markdown files found in ${targets.map((t) => path.relative(options.cwd, t) || '.').join(', ')}`);
  }
  return rebaseResult(result);
}

/** The mirror counterparts of the `only` files among a book's Markdown files, kept in `into` for the lint. */
function counterpartsOf(markdown: readonly string[], mirrors: Settings['mirrors'] & {}, only: ReadonlySet<string>, into: Set<string>): Set<string> {
  for (const file of mirrorCounterparts(markdown, mirrors, only)) into.add(file);
  return into;
}

/** {@link openSource}, with git failures as an {@link InputError} (exit 2). */
function sourceOf(root: string, choice: SourceChoice, options: ListOptions, session?: GitSession): FileSource {
  try {
    return openSource(root, choice, options, session);
  } catch (error) {
    if (error instanceof GitError) throw new InputError(error.message);
    throw error;
  }
}
