/**
 * What the `mirror-…` rules share: the pairing of a source edition's files
 * with its mirror's (renames followed), the shape of a chapter that an
 * independent translation keeps (headings, code, lists, commands, links,
 * prose blocks) and its sections. Pure: reads the book model, never a file.
 */
import { createHash } from 'node:crypto';
import { pointAt, type Book, type Chapter, type Severity } from '@tongwen/book';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { localeFromTag } from './locale.js';
import { everyPreset, type BookContext, type BookReport, type BookRule, type MirrorDrift, type MirrorSetting, type PresetName, type RuleMeta, type RunCache, type Settings } from './types.js';
import { offsetsOf, walk } from './walk.js';

/** A source file and its mirror file (paths from the book root). */
export interface MirrorFilePair {
  source: string;
  mirror: string;
  /** The mirror's path differs from the source's under the two folders (a move or rename followed). */
  renamed: boolean;
}

/** The files of one `human` mirror setting. */
export interface MirrorPairing {
  setting: MirrorSetting;
  pairs: MirrorFilePair[];
  /** Source files without a mirror file. */
  missing: string[];
  /** Mirror files without a source file. */
  extra: string[];
}

/** A folder setting as a path prefix: `./zh-tw/` → `zh-tw`. */
export function folderOf(folder: string): string {
  return folder.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** The files of `paths` under a folder: path relative to the folder → path. */
function under(paths: Iterable<string>, folder: string): Map<string, string> {
  const prefix = `${folderOf(folder)}/`;
  const files = new Map<string, string>();
  for (const path of paths) if (path.startsWith(prefix)) files.set(path.slice(prefix.length), path);
  return files;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Pair what is left (relative path → path) by a key that must be unique on both sides. */
function pairBy(sources: Map<string, string>, mirrors: Map<string, string>, key: (path: string) => string | undefined, pairs: MirrorFilePair[]): void {
  const index = (files: Map<string, string>): Map<string, string | null> => {
    const byKey = new Map<string, string | null>();
    for (const relative of files.keys()) {
      const value = key(files.get(relative)!);
      if (value !== undefined) byKey.set(value, byKey.has(value) ? null : relative);
    }
    return byKey;
  };
  const mirrorIndex = index(mirrors);
  for (const [value, source] of index(sources)) {
    const mirror = mirrorIndex.get(value);
    if (!source || !mirror) continue;
    pairs.push({ source: sources.get(source)!, mirror: mirrors.get(mirror)!, renamed: true });
    sources.delete(source);
    mirrors.delete(mirror);
  }
}

/** The code of a chapter as one string, for following a rename: undefined when it has none. */
function codeSignature(chapter: Chapter | undefined, cache: RunCache): string | undefined {
  if (!chapter) return undefined;
  const code = shapeOf(chapter, cache).code.map((block) => block.value).join('\0');
  return code.length >= 20 ? code : undefined;
}

/**
 * The files of each `human` mirror of the settings: paired by their path
 * under the two folders, then (renames followed) by a file name unique on
 * both sides, then by identical code. Built once per run.
 */
export function mirrorPairings(book: Book, settings: Settings, cache: RunCache): MirrorPairing[] {
  return cache.memo(`mirror:pairings:${book.root}:${book.chapters.size}:${JSON.stringify(settings.mirrors ?? [])}`, () =>
    (settings.mirrors ?? []).filter((setting) => setting.kind === 'human').map((setting) => pairFolders(book, setting, cache)),
  );
}

function pairFolders(book: Book, setting: MirrorSetting, cache: RunCache): MirrorPairing {
  const sources = under(book.chapters.keys(), setting.source);
  const mirrors = under(book.chapters.keys(), setting.mirror);
  const pairs = pairByName(sources, mirrors);
  pairBy(sources, mirrors, (path) => codeSignature(book.chapters.get(path), cache), pairs);
  pairs.sort((a, b) => (a.mirror < b.mirror ? -1 : a.mirror > b.mirror ? 1 : 0));
  return { setting, pairs, missing: [...sources.values()].sort(), extra: [...mirrors.values()].sort() };
}

/** Pair files by their path under the two folders, then by a file name unique on both sides; the paired ones leave the maps. */
function pairByName(sources: Map<string, string>, mirrors: Map<string, string>): MirrorFilePair[] {
  const pairs: MirrorFilePair[] = [];
  for (const [relative, source] of [...sources]) {
    const mirror = mirrors.get(relative);
    if (mirror === undefined) continue;
    pairs.push({ source, mirror, renamed: false });
    sources.delete(relative);
    mirrors.delete(relative);
  }
  pairBy(sources, mirrors, baseName, pairs);
  return pairs;
}

/**
 * The counterparts of `wanted` among `files` (a book's listing), for the
 * `human` mirrors of `settings`: the mirror file of each wanted source file
 * and the source file of each wanted mirror file, paired as
 * {@link mirrorPairings} pairs them by path and file name (renames that only
 * identical code reveals need the whole book). What a check of a few files
 * reads besides them.
 */
export function mirrorCounterparts(files: readonly string[], settings: readonly MirrorSetting[], wanted: ReadonlySet<string>): Set<string> {
  const counterparts = new Set<string>();
  for (const setting of settings) {
    if (setting.kind !== 'human') continue;
    for (const pair of pairByName(under(files, setting.source), under(files, setting.mirror))) {
      if (wanted.has(pair.source)) counterparts.add(pair.mirror);
      if (wanted.has(pair.mirror)) counterparts.add(pair.source);
    }
  }
  for (const file of wanted) counterparts.delete(file);
  return counterparts;
}

/** A block of a chapter with its 0-based source range. */
export interface Block {
  start: number;
  end: number;
}

/** The shape of a chapter that a translation keeps. */
export interface Shape {
  headings: Array<Block & { depth: number; text: string }>;
  code: Array<Block & { value: string; lang: string }>;
  /** Every list in document order, with its number of items. */
  lists: Array<Block & { items: number }>;
  /** Inline code spans in document order. */
  commands: Array<Block & { value: string }>;
  /** Paragraphs and headings: their plain text. */
  prose: Array<Block & { kind: 'paragraph' | 'heading'; text: string }>;
  /** Links and images (not definitions): their targets. */
  links: Array<Block & { url: string; image: boolean }>;
}

/** The shape of a chapter, built once per run and file. */
export function shapeOf(chapter: Chapter, cache: RunCache): Shape {
  return cache.memo(`mirror:shape:${chapter.path}:${chapter.source.length}`, () => buildShape(chapter));
}

function buildShape(chapter: Chapter): Shape {
  const shape: Shape = { headings: [], code: [], lists: [], commands: [], prose: [], links: [] };
  walk(chapter.tree as Nodes, (node) => {
    const range = offsetsOf(node) ?? { start: 0, end: 0 };
    switch (node.type) {
      case 'heading':
        shape.headings.push({ ...range, depth: node.depth, text: toString(node) });
        shape.prose.push({ ...range, kind: 'heading', text: proseText(node) });
        break;
      case 'paragraph':
        shape.prose.push({ ...range, kind: 'paragraph', text: proseText(node) });
        break;
      case 'code':
        shape.code.push({ ...range, value: node.value, lang: node.lang ?? '' });
        break;
      case 'list':
        shape.lists.push({ ...range, items: node.children.length });
        break;
      case 'inlineCode':
        shape.commands.push({ ...range, value: node.value });
        break;
      case 'link':
      case 'image':
        shape.links.push({ ...range, url: node.url, image: node.type === 'image' });
        break;
    }
  });
  return shape;
}

/** The prose of a block: its text without inline code, HTML, URLs. */
function proseText(node: Nodes): string {
  const parts: string[] = [];
  walk(node, (child) => {
    if (child.type === 'inlineCode' || child.type === 'html' || child.type === 'code') return false;
    if (child.type === 'text') parts.push(child.value);
  });
  return parts.join('').replace(/https?:\/\/\S+/g, ' ').replace(/\s+/g, ' ').trim();
}

const han = /[\p{Script=Han}]/gu;
const hanRun = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

/** Number of Han characters. */
export function hanCount(text: string): number {
  return text.match(han)?.length ?? 0;
}

/** English words (two letters or more) of a text. */
export function englishWords(text: string): number {
  return text.match(/[A-Za-z][A-Za-z'’-]+/g)?.length ?? 0;
}

/** Runs of Han characters and full-width punctuation replaced by `…`: text a translation may change. */
export function maskCjk(text: string): string {
  return text.replace(hanRun, '…');
}

/** `{{…}}` placeholders (tldr) and `<…>` placeholders with CJK emptied, a shell prompt dropped, CJK masked: the skeleton of a command. */
export function commandSkeleton(text: string): string {
  const placeholders = text.replace(/\{\{.*?\}\}/g, '{{}}').replace(/<[^<>]*[\p{Script=Han}][^<>]*>/gu, '<>');
  return maskCjk(placeholders).replace(/^\s*[$#>]\s+/, '').replace(/\s+/g, ' ').trim();
}

const lineComment: Record<string, RegExp> = {
  hash: /(^|\s)#(?![!{]).*$/,
  slash: /(^|\s)\/\/.*$/,
  dash: /(^|\s)--\s.*$/,
  semicolon: /(^|\s);.*$/,
};

function commentStyles(lang: string): RegExp[] {
  const name = lang.toLowerCase().split(/[\s{]/)[0] ?? '';
  if (/^(sh|bash|zsh|shell|console|shellsession|terminal|python|py|ruby|rb|yaml|yml|toml|ini|dockerfile|docker|conf|nginx|makefile|make|perl|r|powershell|ps1|coffee|properties|text|txt|)$/.test(name)) return [lineComment.hash!, lineComment.slash!];
  if (/^(sql|lua|haskell|hs)$/.test(name)) return [lineComment.dash!];
  if (/^(ini|lisp|clojure|asm)$/.test(name)) return [lineComment.semicolon!];
  return [lineComment.slash!];
}

/**
 * Code without its comments (block comments, HTML comments and the line
 * comments of the block's language), blank lines and trailing spaces: what
 * must be equal in a translation.
 */
export function stripComments(code: string, lang: string): string {
  const styles = commentStyles(lang);
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{#[\s\S]*?#\}/g, '')
    .split('\n')
    .map((line) => styles.reduce((text, style) => text.replace(style, '$1'), line).trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Languages whose blocks hold text rather than code (notes, listings, tables drawn in text): a translation words them again. */
const proseLanguages = /^(text|txt|plain|plaintext|none|)$/;

/** Whether a code block's language (its info string's first word) makes it text rather than code. */
export function isProseBlock(lang: string): boolean {
  return proseLanguages.test(lang.toLowerCase().split(/[\s{]/)[0] ?? '');
}

const naturalWord = String.raw`(?:[\p{Script=Han}\u2026\u3000-\u303f\uff00-\uffef]+|(?<![\w./-])[A-Za-z][A-Za-z'’]*(?![\w/-]|\.\w))`;
const naturalRun = new RegExp(`${naturalWord}(?:[,;:]?[ \t]+${naturalWord})*(?:[.!?](?=[ \t]*$))?`, 'gmu');

/**
 * Natural language of a text block replaced by `…`: runs of CJK, and runs of
 * two English words or more (a single word stays: it may be a name), over
 * commas and with a line's final stop, so that `layout.ejs - uses EJS` and
 * `layout.ejs - 使用 EJS` read alike. Sentences are not joined: a sentence
 * repeated or dropped still shows.
 */
export function maskNatural(text: string): string {
  return text.replace(naturalRun, (run) => (/[\p{Script=Han}\u2026\s]/u.test(run) ? '…' : run));
}

/**
 * How far two code blocks differ: `raw` equal, `cjk` equal once CJK is
 * masked, `comments` equal once comments are removed, `prose` (a text block
 * only) equal once natural language is masked, else `code`.
 */
export function codeDifference(source: string, mirror: string, lang: string): 'raw' | 'cjk' | 'comments' | 'prose' | 'code' {
  if (source === mirror) return 'raw';
  if (maskCjk(source) === maskCjk(mirror)) return 'cjk';
  const a = maskCjk(stripComments(source, lang));
  const b = maskCjk(stripComments(mirror, lang));
  if (a === b) return 'comments';
  if (isProseBlock(lang) && maskNatural(a) === maskNatural(b)) return 'prose';
  return 'code';
}

const localeSegment = /^(?:zh(?:[-_][a-z]{2,4}){0,2}|pages\.zh(?:_[a-z]{2})?)$/i;

/** A link target with its locale path segments (`zh-cn`, `zh-tw`, `zh_TW`, `pages.zh`) replaced by `{locale}`, without its fragment. */
export function normaliseTarget(url: string): string {
  const bare = url.replace(/#.*$/, '');
  return bare
    .split('/')
    .map((segment) => (localeSegment.test(segment) ? '{locale}' : segment))
    .join('/');
}

/** A section of a chapter: from a heading (or the start) to the next heading. */
export interface Section extends Block {
  /** Index of its heading in `chapter.headings`; -1 for the text before the first heading. */
  heading: number;
  /** Hash of its heading then of its body (6 + 6 hex digits), whitespace collapsed: see {@link retitled}. */
  hash: string;
}

/** The sections of a chapter. The first one (before any heading) is always there, possibly empty. */
export function sectionsOf(chapter: Chapter): Section[] {
  const starts = chapter.headings.map((heading) => heading.position?.start.offset ?? 0);
  const bounds = [0, ...starts, chapter.source.length];
  const sections: Section[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    const text = chapter.source.slice(start, end);
    const split = i === 0 ? 0 : (chapter.headings[i - 1]?.position?.end.offset ?? start) - start;
    sections.push({ start, end, heading: i - 1, hash: digest(text.slice(0, split)) + digest(text.slice(split)) });
  }
  return sections;
}

function digest(text: string): string {
  return createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 6);
}

/** Whether a section hash differs from one of `before` in its heading only (a retitled section). */
export function retitled(hash: string, before: readonly string[]): boolean {
  return before.some((old) => old.slice(6) === hash.slice(6) && old.slice(0, 6) !== hash.slice(0, 6));
}

/**
 * Indices of `after` that a longest common subsequence with `before` does
 * not cover: the sections that changed or were added.
 */
export function changedIndices(before: readonly string[], after: readonly string[]): number[] {
  const rows = before.length + 1;
  const cols = after.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      table[i * cols + j] = before[i] === after[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const changed: number[] = [];
  let i = 0;
  let j = 0;
  while (j < after.length) {
    if (i < before.length && before[i] === after[j]) {
      i++;
      j++;
    } else if (i < before.length && table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) {
      i++;
    } else {
      changed.push(j++);
    }
  }
  return changed;
}

/** Line numbers (1-based) of offsets, for grouped messages: `3, 7, 9` and `…` after `max`. */
export function lineList(chapter: Chapter, offsets: readonly number[], max = 8): string {
  const lines = offsets.map((offset) => {
    let low = 0;
    let high = chapter.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (chapter.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  });
  return lines.length > max ? `${lines.slice(0, max).join(', ')}, …` : lines.join(', ');
}

/**
 * Mirrors proposed from sibling locale folders (for `tongwen init`): in
 * each parent folder holding two or more folders named by a language tag
 * (`zh-cn`, `zh-tw`, `zh_TW`, `pages.zh`, `en`), the English one (else the
 * Simplified one) is the source of the others. Folders listed in
 * `generated` (made by `tongwen convert`) are `generated` mirrors.
 */
export function proposeMirrors(folders: readonly string[], generated: ReadonlySet<string> = new Set()): MirrorSetting[] {
  const byParent = new Map<string, Array<{ folder: string; tag: string }>>();
  for (const raw of folders) {
    const folder = folderOf(raw);
    const name = baseName(folder);
    const tag = name.replace(/^pages\./, '').toLowerCase().replace(/_/g, '-');
    if (!(tag === 'en' || tag === 'zh' || localeFromTag(tag))) continue;
    const parent = folder.slice(0, Math.max(0, folder.length - name.length - 1));
    byParent.set(parent, [...(byParent.get(parent) ?? []), { folder, tag }]);
  }
  const proposals: MirrorSetting[] = [];
  for (const group of byParent.values()) {
    if (group.length < 2) continue;
    const source = group.find((entry) => entry.tag === 'en') ?? group.find((entry) => entry.tag === 'zh' || localeFromTag(entry.tag) === 'zh-Hans');
    if (!source) continue;
    for (const entry of group) {
      if (entry === source) continue;
      proposals.push({ source: source.folder, mirror: entry.folder, kind: generated.has(entry.folder) ? 'generated' : 'human' });
    }
  }
  return proposals.sort((a, b) => (a.mirror < b.mirror ? -1 : a.mirror > b.mirror ? 1 : 0));
}

/** Prose size of a chapter: Han characters plus English words of its paragraphs and headings. */
export function proseSize(chapter: Chapter, cache: RunCache): number {
  return shapeOf(chapter, cache).prose.reduce((sum, block) => sum + hanCount(block.text) + englishWords(block.text), 0);
}

/** Meta of a mirror rule: family `mirror`, scope `book`, no fix, on in every preset unless it says. */
export type MirrorRuleMeta = Omit<RuleMeta, 'family' | 'scope' | 'fixable' | 'presets'> & { presets?: readonly PresetName[] };

/** Where a mirror rule reports in the mirror file: offsets in it, and the place of the source it compares with. */
export interface MirrorAt {
  start: number;
  /** Default: `start`. */
  end?: number;
  /** Offset in the source file: the finding's cause. */
  sourceAt?: number;
  severity?: Severity;
}

/** What a mirror rule's `checkPair` receives: one paired source and mirror chapter. */
export interface MirrorPairContext<Options> extends Omit<BookContext<Options>, 'report'> {
  pair: MirrorFilePair;
  source: Chapter;
  mirror: Chapter;
  /** Report in the mirror file. */
  report(at: MirrorAt, message: string): void;
}

/** What a mirror rule's `checkPairing` receives: the files of one `human` mirror setting. */
export interface MirrorPairingContext<Options> extends BookContext<Options> {
  pairing: MirrorPairing;
  /** The setting's source and mirror folders (`zh-hans`, `zh-tw`). */
  from: string;
  to: string;
}

/**
 * Declare a `mirror-…` rule: a book rule whose `checkPair` runs for every
 * paired source and mirror chapter, `checkPairing` for every `human`
 * mirror setting (its missing and extra files), `checkDrift` for every
 * drifted file of a `generated` mirror. The shared prologue (meta,
 * the pairings, the loop, the report in the mirror file with its cause in
 * the source) lives here, so that each rule holds only its own logic.
 */
export function defineMirrorRule<Options>(rule: {
  meta: MirrorRuleMeta;
  checkPair?: (context: MirrorPairContext<Options>) => void;
  checkPairing?: (context: MirrorPairingContext<Options>) => void;
  /** For every drifted file of a `generated` mirror. */
  checkDrift?: (context: BookContext<Options> & { drift: MirrorDrift }) => void;
}): BookRule<Options> {
  return {
    meta: { ...rule.meta, family: 'mirror', scope: 'book', fixable: false, presets: rule.meta.presets ?? everyPreset },
    check(context) {
      if (rule.checkDrift) for (const drift of context.mirrorDrift ?? []) rule.checkDrift({ ...context, drift });
      for (const pairing of mirrorPairings(context.book, context.settings, context.cache)) {
        rule.checkPairing?.({ ...context, pairing, from: folderOf(pairing.setting.source), to: folderOf(pairing.setting.mirror) });
        if (!rule.checkPair) continue;
        for (const pair of pairing.pairs) {
          const source = context.book.chapters.get(pair.source);
          const mirror = context.book.chapters.get(pair.mirror);
          if (source && mirror) rule.checkPair({ ...context, pair, source, mirror, report: (at, message) => context.report(mirrorReport(pair, source, at, message)) });
        }
      }
    },
  };
}

function mirrorReport(pair: MirrorFilePair, source: Chapter, at: MirrorAt, message: string): BookReport {
  return {
    file: pair.mirror,
    start: at.start,
    end: at.end ?? at.start,
    message,
    ...(at.severity ? { severity: at.severity } : {}),
    ...(at.sourceAt !== undefined ? { cause: { file: pair.source, line: pointAt(source.lineStarts, at.sourceAt).line, column: 1 } } : {}),
  };
}
