/**
 * `tongwen mirror status|stamp` for hand-kept mirrors: each book's mirrors,
 * loaded once, checked with the `mirror-…` rules only, and each file put in
 * one state. Generated mirrors are left to `convert --check` (the command
 * line runs it).
 */
import path from 'node:path';
import type { Book, Finding } from '@tongwen/book';
import { createRunCache, mirrorPairings, optionDefaults, rules as registry, type MirrorPairing, type MirrorSetting, type Settings } from '@tongwen/rules';
import { loadConfig, type ActiveRule } from './config.js';
import { lintBook } from './lint.js';
import { discoverBooks } from '@tongwen/workspace';
import { loadBook } from './load.js';
import { readMirrorHistory, stampMirrors } from './mirror-history.js';
import { combineBooks, holdsMirrors } from './mirror-books.js';

/** Where a mirror file stands. */
export type MirrorState = 'in step' | 'drifted' | 'stale' | 'missing' | 'orphan';

/** One file of a mirror: its path in the mirror (or the source's path when `missing`). */
export interface MirrorFileStatus {
  file: string;
  state: MirrorState;
  /** The mirror findings of the file. */
  findings: number;
}

/** The status of one mirror setting of a book. */
export interface MirrorStatus {
  /** Book root, relative to the working directory (`.` for itself). */
  book: string;
  setting: MirrorSetting;
  /** Files of a `human` mirror; empty for a `generated` one. */
  files: MirrorFileStatus[];
}

/** A book with mirrors, loaded once. */
interface MirrorBook {
  root: string;
  book: Book;
  settings: Settings;
  pairings: MirrorPairing[];
}

function mirrorBooks(paths: readonly string[], cwd: string, configFile?: string): MirrorBook[] {
  const result: MirrorBook[] = [];
  for (const target of (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(cwd, p))) {
    const { config } = loadConfig(target, configFile);
    if (!config.mirrors) continue;
    const specs = discoverBooks(target);
    const slug = config.slug ?? (specs[0]?.grammar === 'mdbook' ? 'mdbook' : 'github');
    const books = specs.map((spec) => loadBook(spec, { slug }));
    const book = books.find((entry) => entry.root === target && holdsMirrors(entry, config.mirrors!)) ?? combineBooks(target, books);
    const settings: Settings = { slug, ignore: config.ignore ?? [], mirrors: config.mirrors };
    result.push({ root: path.relative(cwd, target) || '.', book, settings, pairings: mirrorPairings(book, settings, createRunCache()) });
  }
  return result;
}

const stateOf = (findings: readonly Finding[]): MirrorState => (findings.length === 0 ? 'in step' : findings.some((finding) => finding.ruleId === 'mirror-stale') ? 'stale' : 'drifted');

/** The status of every mirror of the books under `paths`, one entry per mirror setting. */
export function mirrorStatus(options: { paths: readonly string[]; cwd: string; config?: string }): MirrorStatus[] {
  const statuses: MirrorStatus[] = [];
  const active: ActiveRule[] = registry.filter((rule) => rule.meta.family === 'mirror').map((rule) => ({ rule, severity: rule.meta.severity, options: optionDefaults(rule.meta) }));
  for (const { root, book, settings, pairings } of mirrorBooks(options.paths, options.cwd, options.config)) {
    const mirrorHistory = readMirrorHistory(book, pairings);
    const byFile = new Map<string, Finding[]>();
    for (const finding of lintBook(book, { rules: active, settings, mirrorHistory })) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    for (const setting of settings.mirrors ?? []) {
      const pairing = pairings.find((entry) => entry.setting === setting);
      const files: MirrorFileStatus[] = [];
      for (const pair of pairing?.pairs ?? []) {
        const findings = byFile.get(pair.mirror) ?? [];
        files.push({ file: pair.mirror, state: stateOf(findings), findings: findings.length });
      }
      for (const file of pairing?.missing ?? []) files.push({ file, state: 'missing', findings: 1 });
      for (const file of pairing?.extra ?? []) files.push({ file, state: 'orphan', findings: 1 });
      statuses.push({ book: root, setting, files });
    }
  }
  return statuses;
}

/**
 * Stamp the mirror files of the books under `paths` (only `files`, paths
 * from the working directory, when given): record the source each is now in
 * step with. Returns the stamp files written, relative to the working directory.
 */
export function stampMirrorFiles(options: { paths: readonly string[]; cwd: string; config?: string; files?: readonly string[] }): string[] {
  const written: string[] = [];
  for (const { book, pairings } of mirrorBooks(options.paths, options.cwd, options.config)) {
    const only = options.files && options.files.length > 0 ? new Set(options.files.map((file) => path.relative(book.root, path.resolve(options.cwd, file)).split(path.sep).join('/'))) : undefined;
    for (const file of stampMirrors(book, pairings, only)) written.push(path.relative(options.cwd, path.join(book.root, file)).split(path.sep).join('/'));
  }
  return written;
}
