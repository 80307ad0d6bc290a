import { createHash } from 'node:crypto';
import { pointAt, type Book, type Chapter, type Finding, type Severity } from '@tongwen/book';
import { createRunCache, detectLocale, isBookRule, localeFromFrontmatter, localeFromPath, type BookReport, type BookRule, type ChapterRule, type Locale, type Report, type RunCache, type Settings } from '@tongwen/rules';
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
  /** The rules of each file when the configuration has `overrides` (else every file has {@link LintOptions.rules}). */
  rulesFor?: RulesForFile;
  /** Chapter-rule findings of unchanged chapters from an earlier run; new ones are kept in it. */
  chapterCache?: ChapterCache;
}

/**
 * The locale of a file: `--locale` on the command line, then the
 * configuration, then front matter, then the path (`zh-tw/`), then the characters, then zh-Hans.
 */
export function localeOf(chapter: Chapter | undefined, path: string, options: Pick<LintOptions, 'locale' | 'settings'>, root = ''): Locale {
  return options.locale ?? options.settings.locale ?? (chapter && localeFromFrontmatter(chapter)) ?? localeFromPath(root ? `${root}/${path}` : path) ?? options.settings.presetLocale ?? (chapter && detectLocale(chapter)) ?? 'zh-Hans';
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
    if (options.fixableOnly) break;
    const position = problem.position;
    findings.push({
      ruleId: problem.ruleId,
      severity: problem.severity,
      file: problem.file,
      line: position?.start.line ?? 1,
      column: position?.start.column ?? 1,
      endLine: position?.end.line ?? 1,
      endColumn: position?.end.column ?? 1,
      message: problem.message,
    });
  }

  const wanted = (active: ActiveRule) => !options.fixableOnly || active.rule.meta.fixable;
  const rulesFor = options.rulesFor;
  const everyRule = rulesFor ? unionOfRules(options.rules, rulesFor, [...book.chapters.keys(), ...(book.contents ? [book.contents.path] : [])]) : options.rules;
  const bookRules = everyRule.filter((active) => isBookRule(active.rule) && wanted(active));
  const chapterRulesOf = (file: string) => (rulesFor ? rulesFor(file) : options.rules).filter((active) => !isBookRule(active.rule) && wanted(active));
  // A book rule's finding takes the level its file has under `overrides` (none: dropped).
  const bookSeverity = (ruleId: string, file: string, fallback: Severity): Severity | undefined =>
    rulesFor ? rulesFor(file).find((active) => active.rule.meta.id === ruleId)?.severity : fallback;
  const cached = options.fixableOnly ? undefined : options.chapterCache;

  for (const chapter of book.chapters.values()) {
    if (options.only && !options.only.has(chapter.path)) continue;
    const hit = cached?.findings(chapter.path);
    if (hit) {
      findings.push(...hit);
      cached?.keepFindings(chapter.path, hit);
      continue;
    }
    const before = findings.length;
    const locale = localeOf(chapter, chapter.path, options, book.root);
    for (const active of chapterRulesOf(chapter.path)) {
      const rule = active.rule as ChapterRule<any>;
      rule.check({
        chapter,
        book,
        options: active.options,
        locale,
        settings: options.settings,
        cache,
        report: (report: Report) => push(rule.meta.id, report.severity ?? active.severity, chapter.path, report),
      });
    }
    cached?.keepFindings(chapter.path, findings.slice(before));
  }

  for (const active of bookRules) {
    const rule = active.rule as BookRule<any>;
    rule.check({
      book,
      options: active.options,
      settings: options.settings,
      cache,
      localeOf: (path: string) => localeOf(book.chapters.get(path), path, options, book.root),
      report: (report: BookReport) => {
        const severity = bookSeverity(rule.meta.id, report.file, active.severity);
        if (severity) push(rule.meta.id, report.severity ?? severity, report.file, report);
      },
    });
  }
  const kept = options.only ? findings.filter((finding) => options.only!.has(finding.file) || !book.chapters.has(finding.file)) : findings;
  return fingerprint(sortFindings(kept), book);
}

function toFinding(ruleId: string, severity: Severity, file: string, chapter: Chapter | undefined, report: Report): Finding {
  const start = report.start ?? (report.node?.position?.start.offset as number | undefined);
  const end = report.start !== undefined ? (report.end ?? report.start) : ((report.node?.position?.end.offset as number | undefined) ?? start);
  const finding: Finding = { ruleId, severity, file, line: 1, column: 1, endLine: 1, endColumn: 1, message: report.message };
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

/**
 * Give each finding a fingerprint that survives unrelated edits above it:
 * a hash of the rule, the file, the message and the text of its line with
 * whitespace collapsed; repeats of the same triple are numbered in order.
 */
export function fingerprint(findings: Finding[], book: Book): Finding[] {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const chapter = book.chapters.get(finding.file);
    let context = '';
    if (chapter) {
      const start = chapter.lineStarts[finding.line - 1] ?? 0;
      const end = chapter.lineStarts[finding.line] ?? chapter.source.length;
      context = chapter.source.slice(start, end).replace(/\s+/g, ' ').trim();
    }
    const key = `${finding.ruleId}\0${finding.file}\0${finding.message}\0${context}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    finding.fingerprint = createHash('sha1').update(`${key}\0${count}`).digest('hex').slice(0, 16);
  }
  return findings;
}
