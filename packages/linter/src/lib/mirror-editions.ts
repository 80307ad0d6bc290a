/**
 * Mirrors whose editions are separate books (`content/zh-hans/SUMMARY.md`
 * and `content/zh-tw/SUMMARY.md`, the `mirrors` configuration in `content/`):
 * the `mirror-…` rules over one combined view of the editions. A whole
 * folder checked gives every edition loaded already; a check of some files
 * (`check FILE`, `--stdin`) or of one edition (`--staged`) reads, from the
 * same file source (work tree, index or commit), only the counterparts of
 * the checked files in the other editions, and keeps the findings of the
 * checked files and of those counterparts.
 */
import path from 'node:path';
import type { Book, Finding } from '@tongwen/book';
import { folderOf, mirrorCounterparts, mirrorPairings, type MirrorSetting, type RunCache, type Settings } from '@tongwen/rules';
import { isChapterFile, type FileSource, type ListOptions } from '@tongwen/workspace';
import { activeRules, type Config, type RuleLevel } from './config.js';
import { lintBook } from './lint.js';
import { loadBook } from './load.js';
import { combineBooks } from './mirror-books.js';
import { mirrorDrift } from './mirror-generated.js';
import { readMirrorHistory } from './mirror-history.js';

/** A book a run loaded, with the files it checked (`undefined`: every file). */
export interface LoadedEdition {
  book: Book;
  only?: ReadonlySet<string>;
}

/** What {@link editionFindings} needs from the run. */
export interface EditionInput {
  loaded: readonly LoadedEdition[];
  /** Folder the finding paths are made relative to. */
  base: string;
  /** The configuration that applies in a folder. */
  configFor(dir: string): Config;
  /** A file source for a folder, from the run's source (work tree, index, commit). */
  open(root: string, options: ListOptions): FileSource;
  rules?: Record<string, RuleLevel>;
  cache: RunCache;
  /** Absolute paths of the files a gate is about (`--staged`): a whole edition's counterparts are limited to theirs. */
  focus?: readonly string[];
}

/** Editions of one folder `root` whose configuration names them as mirrors. */
interface EditionGroup {
  root: string;
  config: Config;
  mirrors: MirrorSetting[];
  members: LoadedEdition[];
}

/** How many folders above a book its editions' folder may be (`source/zh-cn` is two). */
const maxDepth = 4;

/**
 * The mirror findings of the editions among the loaded books, relative to
 * `input.base` (`../zh-tw/a.md` when a check of `zh-hans` reaches its
 * mirror: see {@link rebaseResult}).
 */
export function editionFindings(input: EditionInput): Finding[] {
  return groupEditions(input).flatMap((group) => groupFindings(group, input));
}

/** The folder above a book whose configuration names the book's folder as a mirror's source or mirror. */
function editionsRoot(book: Book, configFor: (dir: string) => Config): { root: string; config: Config; mirrors: MirrorSetting[] } | undefined {
  let dir = path.dirname(book.root);
  for (let depth = 0; depth < maxDepth && dir !== path.dirname(dir); depth++, dir = path.dirname(dir)) {
    const config = configFor(dir);
    const mirrors = [...(config.mirrors ?? [])];
    const names = (setting: MirrorSetting): string[] => [setting.source, setting.mirror].map((folder) => path.resolve(dir, folderOf(folder)));
    if (mirrors.some((setting) => names(setting).includes(book.root))) return { root: dir, config, mirrors };
  }
  return undefined;
}

function groupEditions(input: EditionInput): EditionGroup[] {
  const groups = new Map<string, EditionGroup>();
  for (const entry of input.loaded) {
    const found = editionsRoot(entry.book, input.configFor);
    if (!found) continue;
    const group = groups.get(found.root) ?? { ...found, members: [] };
    group.members.push(entry);
    groups.set(found.root, group);
  }
  return [...groups.values()];
}

const relative = (from: string, file: string): string => path.relative(from, file).split(path.sep).join('/');

/**
 * The files of a group that were checked (paths from the group's root), or
 * `undefined` when every edition is loaded whole and no gate focuses on
 * some files: then every finding counts.
 */
function checkedFiles(group: EditionGroup, focus: readonly string[] | undefined): Set<string> | undefined {
  const folders = new Set(group.mirrors.flatMap((setting) => [setting.source, setting.mirror].map(folderOf)));
  const whole = [...folders].every((folder) => group.members.some((member) => !member.only && member.book.root === path.resolve(group.root, folder)));
  if (whole && !focus) return undefined;
  const files = new Set<string>();
  for (const { book, only } of group.members) {
    const prefix = relative(group.root, book.root);
    const own = focus ? focus.map((file) => relative(book.root, file)).filter((file) => book.chapters.has(file)) : only ? [...only] : [...book.chapters.keys()];
    for (const file of own) files.add(`${prefix}/${file}`);
  }
  return files;
}

function groupFindings(group: EditionGroup, input: EditionInput): Finding[] {
  const checked = checkedFiles(group, input.focus);
  const books = editionBooks(group, input, checked);
  const book = combineBooks(group.root, books.map((entry) => entry.book));
  const settings: Settings = { slug: group.config.slug ?? book.slug, ignore: group.config.ignore ?? [], mirrors: group.mirrors };
  const rules = activeRules(group.config, input.rules).filter((active) => active.rule.meta.family === 'mirror');
  const mirrorHistory = readMirrorHistory(book, mirrorPairings(book, settings, input.cache));
  const counterparts = checked ? mirrorCounterparts([...book.chapters.keys()], group.mirrors, checked) : undefined;
  const drift = mirrorDrift(input.open(group.root, { ignore: group.config.ignore ?? [] }), group.mirrors, checked);
  const findings = lintBook(book, { rules, settings, cache: input.cache, mirrorHistory, mirrorDrift: drift, ...(checked ? { only: checked, counterparts: new Set([...(counterparts ?? []), ...drift.map((entry) => entry.mirror)]) } : {}) });
  for (const finding of findings) {
    finding.file = relative(input.base, path.join(group.root, finding.file));
    if (finding.cause) finding.cause = { ...finding.cause, file: relative(input.base, path.join(group.root, finding.cause.file)) };
  }
  return findings;
}

/**
 * The book of each edition folder of the group: a loaded edition checked
 * whole as it is; any other edition (not loaded, or only some of its files)
 * read again with only the checked files and their counterparts.
 */
function editionBooks(group: EditionGroup, input: EditionInput, checked: ReadonlySet<string> | undefined): LoadedEdition[] {
  const folders = [...new Set(group.mirrors.flatMap((setting) => [setting.source, setting.mirror].map(folderOf)))];
  const result: LoadedEdition[] = [];
  for (const folder of folders) {
    const root = path.resolve(group.root, folder);
    const whole = group.members.find((member) => member.book.root === root && !member.only);
    if (whole) {
      result.push(whole);
      continue;
    }
    if (!checked) continue;
    const source = input.open(root, { ignore: group.config.ignore ?? [] });
    const markdown = source.list().filter(isChapterFile);
    const listing = markdown.map((file) => `${folder}/${file}`);
    const wanted = new Set([...checked].filter((file) => file.startsWith(`${folder}/`)));
    const counterparts = mirrorCounterparts([...listing, ...otherListings(group, folder)], group.mirrors, checked);
    for (const file of counterparts) if (file.startsWith(`${folder}/`)) wanted.add(file);
    if (wanted.size === 0) continue;
    const only = new Set([...wanted].map((file) => file.slice(folder.length + 1)));
    result.push({ book: loadBook({ root }, { slug: group.config.slug ?? 'github', source, only }), only });
  }
  return result;
}

/** The Markdown files (from the group's root) of the loaded editions other than `folder`: the other side of the pairing. */
function otherListings(group: EditionGroup, folder: string): string[] {
  return group.members.flatMap(({ book }) => {
    const prefix = relative(group.root, book.root);
    return prefix === folder ? [] : [...book.files].filter(isChapterFile).map((file) => `${prefix}/${file}`);
  });
}

/**
 * Paths of a result made relative to the folder above its base that holds
 * every finding (findings of a mirror edition beside the checked book start
 * with `../`): the same files, named from that folder.
 */
export function rebaseResult<T extends { base: string; findings: Finding[]; books: Array<{ prefix: string }>; written: string[]; unreadable: string[] }>(result: T): T {
  let base = result.base;
  // A path with no `..` in it stays under the base (most findings: worked out without resolving paths).
  const outside = (file: string): boolean => file.includes('..') && relative(base, path.join(result.base, file)).startsWith('../');
  while (result.findings.some((finding) => outside(finding.file) || (finding.cause && outside(finding.cause.file))) && path.dirname(base) !== base) base = path.dirname(base);
  if (base === result.base) return result;
  const move = (file: string): string => relative(base, path.join(result.base, file));
  for (const finding of result.findings) {
    finding.file = move(finding.file);
    if (finding.cause) finding.cause = { ...finding.cause, file: move(finding.cause.file) };
  }
  for (const book of result.books) book.prefix = book.prefix ? move(book.prefix) : relative(base, result.base);
  return { ...result, base, written: result.written.map(move), unreadable: result.unreadable.map(move) };
}
