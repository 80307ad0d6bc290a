import { createHash } from 'node:crypto';
import { pointAt, type Book, type Chapter, type ChapterFacts, type Finding, type Severity } from '@tongwen/book';
import { createRunCache, detectLocale, dominantLocale, getRule, isNotChinese, isBookRule, verifyFixes, type FixChange, localeFromFrontmatter, localeFromPath, type BookReport, type BookRule, type ChapterRule, type Locale, type MirrorDrift, type MirrorHistory, type Report, type RunCache, type Settings } from '@tongwen/rules';
import { readSuppressions, type Suppressions } from './comments.js';
import type { ChapterCache } from './cache.js';
import type { ActiveRule } from './config.js';
import { unionOfRules, type RulesForFile } from './overrides.js';

/** Everything a lint run needs besides the book. */
export interface LintOptions {
  rules: readonly ActiveRule[];
  settings: Settings;
  /** Locale forced by the command line (`--locale`). */
  locale?: Locale;
  cache?: RunCache;
  /** Only run fixable rules (the fix loop). */
  fixableOnly?: boolean;
  /** Only lint these chapters (book rules still run; their findings are kept for every file). */
  only?: ReadonlySet<string>;
  /** With `only`: files whose `mirror-…` findings are kept too (the mirror counterparts of the `only` files). */
  counterparts?: ReadonlySet<string>;
  /** The rules of each file when the configuration has `overrides` (else every file has {@link LintOptions.rules}). */
  rulesFor?: RulesForFile;
  /** Chapter-rule findings of unchanged chapters from an earlier run; new ones are kept in it. */
  chapterCache?: ChapterCache;
  /**
   * One shard of a split check (`--shard i/n`): chapter rules run on the
   * chapters `chapters` accepts; book rules and load problems only when
   * `bookRules` (the first shard), so the shards add up to the whole check.
   */
  shard?: ShardFilter;
  /** Chapter-rule outcomes computed elsewhere (worker threads): only their deferred rules run here. */
  prepared?: ReadonlyMap<string, ChapterOutcome>;
  /** What each mirror file was made from (stamps, git): for the `mirror-stale` rule. */
  mirrorHistory?: MirrorHistory;
  /** The drifted files of `generated` mirrors: for the `mirror-generated-stale` rule. */
  mirrorDrift?: readonly MirrorDrift[];
}

/**
 * The locale of a file: `--locale` on the command line, then the
 * configuration, then front matter, then the path (`zh-tw/`), then the
 * characters, then `fallback` (the book's dominant locale), then zh-Hans.
 */
export function localeOf(chapter: Chapter | undefined, path: string, options: Pick<LintOptions, 'locale' | 'settings'>, root = '', fallback?: Locale): Locale {
  return ownLocale(chapter, path, options, root) ?? fallback ?? 'zh-Hans';
}

/** The locale a file decides itself ({@link localeOf} without the book's), or `undefined` when it has too little text. */
function ownLocale(chapter: Chapter | undefined, path: string, options: Pick<LintOptions, 'locale' | 'settings'>, root: string): Locale | undefined {
  return options.locale ?? options.settings.locale ?? (chapter && localeFromFrontmatter(chapter)) ?? localeFromPath(root ? `${root}/${path}` : path) ?? options.settings.presetLocale ?? (chapter && detectLocale(chapter));
}

/** Run the rules over a book: findings sorted by file, line, column, rule, with fingerprints. */
export function lintBook(book: Book, options: LintOptions): Finding[] {
  const cache = options.cache ?? createRunCache();
  const findings: Finding[] = [];
  const suppressions = new Map<string, Suppressions>();
  const suppressionsOf = (file: string): Suppressions | undefined => {
    const chapter = book.chapters.get(file);
    if (!chapter) return undefined;
    let value = suppressions.get(file);
    if (!value) suppressions.set(file, (value = readSuppressions(chapter)));
    return value;
  };
  const push = (ruleId: string, severity: Severity, file: string, report: Report): void => {
    const chapter = book.chapters.get(file);
    const finding = toFinding(ruleId, severity, file, chapter, report);
    if (suppressionsOf(file)?.isDisabled(ruleId, finding.line)) return;
    findings.push(finding);
  };

  for (const problem of book.problems) {
    if (options.fixableOnly || options.shard?.bookRules === false) break;
    // Problems with a registered rule (`file-encoding`…) are reported by that rule, with its level.
    if (getRule(problem.ruleId)) continue;
    const position = problem.position;
    findings.push({
      ruleId: problem.ruleId,
      severity: problem.severity,
      file: problem.file,
      line: position?.start.line ?? 1,
      column: position?.start.column ?? 1,
      endLine: position?.end.line ?? 1,
      endColumn: position?.end.column ?? 1,
      message: printable(problem.message),
    });
  }

  let dominantMemo: { locale: Locale | undefined } | undefined;
  /** The book's dominant locale, computed once and only when a short chapter needs it. */
  const dominant = (): Locale | undefined => (dominantMemo ??= { locale: dominantLocale(book.chapters.values(), cache) }).locale;
  const crashed = options.rules.find((active) => active.rule.meta.id === 'rule-crashed');
  /** Run one rule on one file; a throw becomes a `rule-crashed` finding there, and the run goes on. */
  const guarded = (ruleId: string, file: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      if (!crashed || options.fixableOnly) return;
      push('rule-crashed', crashed.severity, file, { message: crashMessage(ruleId, error) });
    }
  };
  const wanted = (active: ActiveRule) => !options.fixableOnly || active.rule.meta.fixable;
  const rulesFor = options.rulesFor;
  const everyRule = rulesFor ? unionOfRules(options.rules, rulesFor, [...book.chapters.keys(), ...(book.contents ? [book.contents.path] : [])]) : options.rules;
  const bookRules = options.shard?.bookRules === false ? [] : everyRule.filter((active) => isBookRule(active.rule) && wanted(active));
  const chapterRulesOf = (file: string) => (rulesFor ? rulesFor(file) : options.rules).filter((active) => !isBookRule(active.rule) && wanted(active));
  // A book rule's finding takes the level its file has under `overrides` (none: dropped).
  const bookSeverity = (ruleId: string, file: string, fallback: Severity): Severity | undefined =>
    rulesFor ? rulesFor(file).find((active) => active.rule.meta.id === ruleId)?.severity : fallback;
  const cached = options.fixableOnly ? undefined : options.chapterCache;
  const allowOf = new Map(options.rules.map((active) => [active.rule.meta.id, active.rule.meta.fixChanges ?? []]));

  for (const chapter of book.chapters.values()) {
    if (options.only && !options.only.has(chapter.path)) continue;
    if (options.shard && !options.shard.chapters(chapter.path)) continue;
    const hit = cached?.findings(chapter.path, () => dominant() ?? 'zh-Hans');
    if (hit) {
      findings.push(...hit.findings);
      cached?.keepFindings(chapter.path, hit.findings, hit.fallback);
      continue;
    }
    const done = options.prepared?.get(chapter.path);
    const rules = chapterRulesOf(chapter.path).filter((active) => !done || done.deferred.includes(active.rule.meta.id));
    const own = ownLocale(chapter, chapter.path, options, book.root);
    const locale = own ?? dominant() ?? 'zh-Hans';
    const ran = done && rules.length === 0 ? [] : lintChapter(chapter, {
      book,
      rules,
      settings: options.settings,
      cache,
      locale,
      foreign: done ? done.foreign : isNotChinese(chapter),
      allowOf,
      suppressions: suppressionsOf(chapter.path),
      ...(crashed && !options.fixableOnly ? { crashed } : {}),
    });
    const chapterFindings = done ? [...done.findings, ...ran] : ran;
    findings.push(...chapterFindings);
    // Findings made under the book's dominant locale are kept with it: not reused once it changes.
    cached?.keepFindings(chapter.path, chapterFindings, own === undefined ? locale : undefined);
  }
  const afterChapters = findings.length;

  for (const active of bookRules) {
    const rule = active.rule as BookRule<any>;
    guarded(rule.meta.id, book.contents?.path ?? [...book.chapters.keys()][0] ?? '.', () => rule.check({
      book,
      options: active.options,
      settings: options.settings,
      cache,
      localeOf: (path: string) => localeOf(book.chapters.get(path), path, options, book.root, dominant()),
      ...(options.mirrorHistory ? { mirrorHistory: options.mirrorHistory } : {}),
      ...(options.mirrorDrift ? { mirrorDrift: options.mirrorDrift } : {}),
      report: (report: BookReport) => {
        const severity = bookSeverity(rule.meta.id, report.file, active.severity);
        if (severity) push(rule.meta.id, report.severity ?? severity, report.file, report);
      },
    }));
  }
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings.slice(afterChapters)) if (finding.fix) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, list] of byFile) {
    const chapter = book.chapters.get(file);
    if (chapter) dropUnverifiedFixes(chapter, list, allowOf, cache);
    else for (const finding of list) delete finding.fix;
  }
  const kept = options.only ? findings.filter((finding) => keptWithOnly(finding, book, options)) : findings;
  return fingerprint(sortFindings(kept), book);
}

/** With `only`: a finding in an `only` file, in no chapter, or a mirror finding in a counterpart. */
function keptWithOnly(finding: Finding, book: Book, options: LintOptions): boolean {
  if (options.only?.has(finding.file) || !book.chapters.has(finding.file)) return true;
  return Boolean(options.counterparts?.has(finding.file)) && getRule(finding.ruleId)?.meta.family === 'mirror';
}

/** What one shard of a check runs (see {@link LintOptions.shard}). */
export interface ShardFilter {
  chapters: (file: string) => boolean;
  bookRules: boolean;
}

/** The chapter pass of one chapter done elsewhere (a worker thread): what the main thread keeps of it. */
export interface ChapterOutcome {
  path: string;
  /** Everything of the chapter but its tree (see `factsOf`). */
  facts: ChapterFacts;
  /** Findings of the chapter rules that ran (suppressions applied, fixes verified). */
  findings: Finding[];
  /** Rules that read other chapters (book conventions): they run again where the whole book is. */
  deferred: string[];
  /** {@link isNotChinese} of the chapter. */
  foreign: boolean;
}

/** What the chapter rules of one chapter need besides the chapter. */
export interface ChapterContext {
  book: Book;
  /** The chapter rules to run on this chapter. */
  rules: readonly ActiveRule[];
  settings: Settings;
  cache: RunCache;
  locale: Locale;
  /** The chapter is not in Chinese ({@link isNotChinese}): script rules do not run. */
  foreign: boolean;
  /** Each fixable rule's allowed shape changes, for the fix verification. */
  allowOf: ReadonlyMap<string, readonly FixChange[]>;
  suppressions?: Suppressions | undefined;
  /** The `rule-crashed` rule when it is on: a throwing rule becomes its finding. */
  crashed?: ActiveRule;
  /**
   * Asked after each rule: `true` drops that rule's findings (it read what
   * this context cannot give, e.g. other chapters of a worker's book).
   */
  discard?: (ruleId: string) => boolean;
}

/**
 * Run chapter rules on one chapter: their findings (suppressions applied,
 * unverifiable fixes removed), unsorted, without fingerprints. The one
 * chapter pass of {@link lintBook} and of the worker threads.
 */
export function lintChapter(chapter: Chapter, context: ChapterContext): Finding[] {
  const findings: Finding[] = [];
  const push = (ruleId: string, severity: Severity, report: Report): void => {
    const finding = toFinding(ruleId, severity, chapter.path, chapter, report);
    if (context.suppressions?.isDisabled(ruleId, finding.line)) return;
    findings.push(finding);
  };
  for (const active of context.rules) {
    const rule = active.rule as ChapterRule<any>;
    // Script rules judge Chinese text: a file in another language has none to judge.
    if (context.foreign && rule.meta.family === 'script') continue;
    // A refused chapter (beyond the parser's limits) has an empty tree: only `chapter-unchecked` reads it.
    if (chapter.refused && rule.meta.id !== 'chapter-unchecked') continue;
    const before = findings.length;
    try {
      rule.check({
        chapter,
        book: context.book,
        options: active.options,
        locale: context.locale,
        settings: context.settings,
        cache: context.cache,
        report: (report: Report) => push(rule.meta.id, report.severity ?? active.severity, report),
      });
    } catch (error) {
      if (context.crashed) push('rule-crashed', context.crashed.severity, { message: crashMessage(rule.meta.id, error) });
    }
    if (context.discard?.(rule.meta.id)) findings.length = before;
  }
  dropUnverifiedFixes(chapter, findings, context.allowOf, context.cache);
  return findings;
}

/** The message of a `rule-crashed` finding. */
function crashMessage(ruleId: string, error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Unexpected crash of rule \`${ruleId}\`: ${reason}, expected a rule that finishes (please report it)`;
}

/**
 * A message safe to print on a terminal: control characters (C0 but tab and
 * line feed, DEL, C1, and the bidirectional overrides), which percent-decoded
 * link targets can carry, are written as `\u{…}` escapes.
 */
export function printable(message: string): string {
  return message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/**
 * The one fix verification (`verifyFixes` of @tongwen/rules), batched over
 * every rule's findings in a chapter: a fix that would change the shape of
 * the Markdown around it (beyond what its rule's `fixChanges` allows) is
 * removed from its finding, which stays reported.
 */
export function dropUnverifiedFixes(chapter: Chapter, findings: readonly Finding[], allowOf: ReadonlyMap<string, readonly FixChange[]>, cache: RunCache): void {
  const fixable = findings.filter((finding) => finding.fix && finding.fix.length > 0);
  if (fixable.length === 0) return;
  const kept = verifyFixes(chapter, fixable.map((finding) => ({ edits: finding.fix!, allow: allowOf.get(finding.ruleId) ?? [] })), cache);
  fixable.forEach((finding, i) => {
    if (!kept.has(i)) delete finding.fix;
  });
}

function toFinding(ruleId: string, severity: Severity, file: string, chapter: Chapter | undefined, report: Report): Finding {
  const start = report.start ?? (report.node?.position?.start.offset as number | undefined);
  const end = report.start !== undefined ? (report.end ?? report.start) : ((report.node?.position?.end.offset as number | undefined) ?? start);
  const finding: Finding = { ruleId, severity, file, line: 1, column: 1, endLine: 1, endColumn: 1, message: printable(report.message) };
  if (start !== undefined && chapter) {
    const from = pointAt(chapter.lineStarts, start);
    const to = pointAt(chapter.lineStarts, end ?? start);
    Object.assign(finding, { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, offset: start, endOffset: end ?? start });
  } else if (report.node?.position) {
    const { start: from, end: to } = report.node.position;
    Object.assign(finding, { line: from.line, column: from.column, endLine: to.line, endColumn: to.column });
  }
  if (report.cause) finding.cause = report.cause;
  if (report.fix && report.fix.length > 0) finding.fix = report.fix;
  return finding;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort findings by file, line, column, then rule id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Code units of context kept on each side of a flagged span (within its line). */
const contextWidth = 16;

/**
 * Give each finding a fingerprint that survives unrelated edits: a hash of
 * the rule id, the file, the flagged text with a little context on its line
 * (whitespace collapsed) and an occurrence index among findings with the same
 * key. Never the message (a changed suggestion keeps it), the line or the
 * column (lines inserted above keep it). `name` gives the file's name in the
 * key: the gate fingerprints a renamed file's old findings under its new name.
 */
export function fingerprint(findings: Finding[], book: Book, name: (file: string) => string = (file) => file): Finding[] {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\0${name(finding.file)}\0${flaggedText(finding, book.chapters.get(finding.file))}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    finding.fingerprint = createHash('sha1').update(`${key}\0${count}`).digest('hex').slice(0, 16);
  }
  return findings;
}

/** The flagged span and up to {@link contextWidth} code units around it on its line, whitespace collapsed; the whole line without offsets. */
function flaggedText(finding: Finding, chapter: Chapter | undefined): string {
  if (!chapter) return '';
  const source = chapter.source;
  const lineStart = chapter.lineStarts[finding.line - 1] ?? 0;
  const lineEnd = chapter.lineStarts[finding.line] ?? source.length;
  const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
  if (finding.offset === undefined) return collapse(source.slice(lineStart, lineEnd));
  const end = finding.endOffset ?? finding.offset;
  const endLine = chapter.lineStarts[finding.endLine] ?? source.length;
  const before = source.slice(Math.max(lineStart, finding.offset - contextWidth), finding.offset);
  const after = source.slice(end, Math.min(endLine, end + contextWidth));
  return `${collapse(before)}\0${collapse(source.slice(finding.offset, end))}\0${collapse(after)}`;
}
