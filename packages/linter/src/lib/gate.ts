/**
 * The gate: check what a commit or a pull request changes, and report only
 * what it introduces. `--staged` checks the git index (the books that hold a
 * staged Markdown file, contents list or configuration) and reports the
 * findings in the staged files plus the book findings (links, anchors,
 * contents) anywhere that HEAD did not have; `--changed-since REF` checks the
 * work tree and the commit REF and reports the findings REF did not have, in
 * any file. Findings are matched by fingerprint (rule, file, flagged text,
 * occurrence), a renamed file's old findings under its new name.
 */
import path from 'node:path';
import type { Finding } from '@tongwen/book';
import { createRunCache, getRule } from '@tongwen/rules';
import { bookOfFile, changesSince, configNames, createGitSession, GitError, hasCommit, isFile, isHidden, isInside, markdownExtensions, stagedChanges, type GitChange } from '@tongwen/workspace';
import { cacheReads } from './cache.js';
import { fingerprint } from './lint.js';
import { check, InputError, type CheckOptions, type CheckResult } from './run.js';

/** What the gate compares: the staged content with HEAD, or the work tree with a commit. */
export type Gate = { kind: 'staged' } | { kind: 'changed-since'; ref: string };

/** The result of a gated check: `result.findings` are the new findings; `previous` the ones that were there before. */
export interface GateResult {
  result: CheckResult;
  previous: Finding[];
}

/**
 * Run {@link check} through a gate. `undefined` for `--staged` when nothing
 * that a book is made of is staged. Git failures (not a repository, an
 * unknown revision) are an {@link InputError}.
 */
export function checkGate(options: CheckOptions, gate: Gate): GateResult | undefined {
  try {
    // The two checks of a gate share the slow immutable resources (converters, the word segmenter) and what git said.
    const shared = { ...options, resources: options.resources ?? createRunCache(), git: options.git ?? createGitSession(), cacheReads: options.cacheReads ?? cacheReads() };
    return gate.kind === 'staged' ? checkStaged(shared) : checkChangedSince(shared, gate.ref);
  } catch (error) {
    if (error instanceof GitError) throw new InputError(error.message);
    throw error;
  }
}

/** `--changed-since REF`: the work tree's findings that REF did not have, in any file. REF is taken as it is (no merge base). */
export function checkChangedSince(options: CheckOptions, ref: string): GateResult {
  const changes = changesSince(options.cwd, ref);
  // The commit first, the work tree last: the content-hash cache keeps the work tree's entries.
  const before = checkAt(options, ref);
  const now = check(options);
  const { fresh, old } = splitByFingerprint(now.findings, before ? renamedFindings(before, changes) : []);
  return { result: { ...now, findings: fresh }, previous: old };
}

/** `--staged`: the findings of the staged files, plus book findings anywhere that HEAD did not have. */
export function checkStaged(options: CheckOptions): GateResult | undefined {
  const targets = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const changes = stagedChanges(options.cwd, options.git).filter((change) => [change.file, change.from].some((file) => file !== undefined && targets.some((target) => isInside(target, file))));
  const paths = stagedTargets(changes);
  if (paths.length === 0) return undefined;
  const scoped = { ...options, paths, focus: changes.flatMap((change) => [change.file, ...(change.from ? [change.from] : [])]) };
  const now = check({ ...scoped, source: { kind: 'index' } });
  const staged = new Set(changes.filter((change) => change.status !== 'D').map((change) => relative(now.base, change.file)));
  const inStaged = (finding: Finding): boolean => staged.has(finding.file);
  const elsewhere = now.findings.filter((finding) => !inStaged(finding) && isBookFinding(finding));
  // HEAD is read only when the change has book findings outside the staged files, and only its book rules run (nothing else is compared).
  // Without renames only HEAD's findings are read (not its books): a listing seen before gives them without loading the book.
  const renamed = changes.some((change) => change.status === 'R');
  const before = elsewhere.length > 0 && hasCommit(options.cwd, 'HEAD', options.git) ? checkAt({ ...scoped, bookRulesOnly: true, findingsOnly: !renamed }, 'HEAD') : undefined;
  const { fresh } = splitByFingerprint(elsewhere, before ? renamedFindings(before, changes) : []);
  const reported = new Set([...now.findings.filter(inStaged), ...fresh]);
  return {
    result: { ...now, findings: now.findings.filter((finding) => reported.has(finding)) },
    previous: now.findings.filter((finding) => !reported.has(finding)),
  };
}

/**
 * Split findings into the new ones and the ones that were there before,
 * matched by fingerprint: each earlier finding matches at most one current
 * finding with the same fingerprint. Findings without a fingerprint are new.
 */
export function splitByFingerprint(current: readonly Finding[], previous: readonly Finding[]): { fresh: Finding[]; old: Finding[] } {
  const counts = new Map<string, number>();
  for (const { fingerprint: print } of previous) if (print) counts.set(print, (counts.get(print) ?? 0) + 1);
  const fresh: Finding[] = [];
  const old: Finding[] = [];
  for (const finding of current) {
    const count = finding.fingerprint ? (counts.get(finding.fingerprint) ?? 0) : 0;
    if (count > 0) {
      counts.set(finding.fingerprint!, count - 1);
      old.push(finding);
    } else {
      fresh.push(finding);
    }
  }
  return { fresh, old };
}

/** The findings at a commit, or `undefined` when the checked paths had no Markdown there (a book added since). */
function checkAt(options: CheckOptions, ref: string): CheckResult | undefined {
  try {
    return check({ ...options, fix: false, source: { kind: 'commit', ref } });
  } catch (error) {
    if (error instanceof InputError && error.message.startsWith('No Markdown files')) return undefined;
    throw error;
  }
}

/** A book finding (links, anchors, contents, images): what a change in one file breaks in another. */
function isBookFinding(finding: Finding): boolean {
  return getRule(finding.ruleId)?.meta.scope === 'book';
}

/** The findings of an earlier run, files renamed since given their new names and fingerprints under them. */
function renamedFindings(before: CheckResult, changes: readonly GitChange[]): Finding[] {
  const renames = new Map(changes.filter((change) => change.status === 'R' && change.from).map((change) => [change.from!, change.file]));
  if (renames.size === 0) return before.findings;
  return before.books.flatMap(({ spec, prefix, book }) => {
    const own = before.findings.filter((finding) => bookOf(before, finding) === prefix).map((finding) => ({ ...finding, file: prefix ? finding.file.slice(prefix.length + 1) : finding.file }));
    const name = (file: string): string => {
      const renamed = renames.get(path.join(spec.root, file));
      return renamed ? relative(spec.root, renamed) : file;
    };
    return fingerprint(own, book, name).map((finding) => ({ ...finding, file: [prefix, name(finding.file)].filter(Boolean).join('/') }));
  });
}

/** The prefix of the book of a finding: the longest book prefix its file starts with. */
function bookOf(result: CheckResult, finding: Finding): string | undefined {
  let best: string | undefined;
  for (const { prefix } of result.books) {
    if ((prefix === '' || finding.file.startsWith(`${prefix}/`)) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best;
}

/**
 * What to check for the staged changes: the root of each book that holds a
 * staged (or deleted, or renamed-from) Markdown file, contents list or
 * configuration; a staged Markdown file outside any book on its own.
 */
function stagedTargets(changes: readonly GitChange[]): string[] {
  const targets = new Set<string>();
  for (const file of changes.flatMap((change) => [change.file, ...(change.from ? [change.from] : [])])) {
    const name = path.basename(file);
    const markdown = markdownExtensions.test(file);
    const config = (configNames as readonly string[]).includes(name);
    if (!markdown && !config && !/\.(ya?ml|toml|json)$/i.test(name)) continue;
    const spec = bookOfFile(file);
    if (isHidden(relative(spec.root, file))) continue; // a file in a dot-folder (`.github/`) is no chapter
    const isBook = Boolean(spec.contents) || spec.root !== path.dirname(file) || configNames.some((n) => isFile(path.join(spec.root, n)));
    if (isBook && (markdown || config || relative(spec.root, file) === spec.contents)) targets.add(spec.root);
    else if (markdown && isFile(file)) targets.add(file);
  }
  // A file inside a book already checked whole is not a target of its own.
  return [...targets].filter((target) => ![...targets].some((other) => other !== target && isInside(other, target) && !isFile(other)));
}

/** `file` relative to `base`, `/`-separated. */
function relative(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}
