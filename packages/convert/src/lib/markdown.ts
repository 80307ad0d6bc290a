import type { Definition, Heading, Html, Image, ImageReference, Link, Nodes, Text, Yaml } from 'mdast';
import { applyEdits, createSlugger, parseChapter, resolveLocal, walk, type Chapter, type Edit, type SiteOptions, type SlugFlavour } from '@tongwen/book';
import type { TextConverter } from './engine.js';
import type { ReviewItem } from './review.js';
import { commentPieces, commentSyntax, fencedContent, placeholderPieces, type CodeMode } from './code.js';
import { linkCandidates, linkedChapter, type LinkTargets } from './link-targets.js';
import { alignPieces, convertPieces, mayConvert, rawPieces, type Piece } from './pieces.js';

/** Front-matter keys whose values are converted by default (keys themselves never are). */
export const defaultFrontmatterKeys: readonly string[] = ['title', 'subtitle', 'description', 'summary', 'excerpt'];

/** Options of {@link convertChapter}. */
export interface ConvertChapterOptions {
  /** The text converter, e.g. `(await createConverters()).get('s2tw')`. */
  convert: TextConverter;
  /** Slug flavour used to compute heading anchors before and after. Default `github`. */
  slug?: SlugFlavour;
  /**
   * Top-level front-matter keys whose scalar values are prose (YAML
   * `key: value`, TOML `key = "value"`). Default {@link defaultFrontmatterKeys};
   * other values (paths, dates, slugs, lists) stay as written.
   */
  frontmatterKeys?: readonly string[];
  /**
   * Convert the text between tags of HTML blocks (`<table>…</table>`), not
   * inside `<script>`, `<style>`, `<pre>`, `<code>`, `<kbd>`, `<samp>`,
   * `<textarea>` or comments. Tags and attributes stay as written except
   * `alt` and `title` values, which are always converted. Default `true`.
   */
  htmlText?: boolean;
  /**
   * Chinese inside code that readers read: `placeholders` converts the text
   * of `{{…}}` placeholders in inline code (tldr's `{{路径/到/文件}}`),
   * `comments` the comments of fenced code blocks whose language is known
   * (see `code.ts`), `all` both; `none` (default) leaves every byte of code
   * as it is. Keywords, identifiers, strings and paths never change.
   */
  code?: CodeMode;
  /**
   * The review list of a piece of prose (e.g. `(text) => converters.review('s2tw', text)`):
   * when given, {@link ChapterConversion.review} holds the places a human
   * should look at. Default: no review.
   */
  review?: (text: string) => ReviewItem[];
}

/** A link fragment that follows its target heading when the heading's anchor changes. */
export interface FragmentRef {
  /** 0-based offsets of the fragment as written (after `#`) in the chapter source. */
  start: number;
  end: number;
  /** The target chapter's path from the book root (`/`-separated); the chapter itself for `#x`. */
  target: string;
  /** The fragment, percent-decoded. */
  fragment: string;
  /** Whether the fragment was written percent-encoded. */
  encoded: boolean;
  /** Written site-absolute (`/zh-cn/docs/x#a`): `target` is its path without the leading `/`, resolved as the site serves it (see `linkCandidates`). */
  site?: boolean;
}

/** What converting one chapter gives, before links to other chapters are followed. */
export interface ChapterConversion {
  path: string;
  /** Whether the source started with a byte-order mark (kept in the output). */
  bom: boolean;
  /** Edits of the prose, on the source without its BOM (0-based UTF-16 offsets). */
  edits: Edit[];
  /** Heading anchors that change: `[old, new]`, in heading order. */
  anchors: Array<[string, string]>;
  /** Link fragments that may need to follow their heading. */
  fragments: FragmentRef[];
  /** Nodes left unconverted because their source could not be aligned with their value. */
  skipped: number;
  /** With the `review` option: what a human should look at, offsets on the source without its BOM. */
  review?: ReviewItem[];
}

/** The text of a chapter's prose nodes (never code), one per line: what its script is judged on. */
function documentProse(tree: Chapter['tree']): string {
  const texts: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'text') texts.push(node.value);
  });
  return texts.join('\n');
}

const explicitId = /\s*\{#([^\s{}]+)\}\s*$/;
const rawHtmlElements = new Set(['script', 'style', 'pre', 'code', 'kbd', 'samp', 'textarea']);

/**
 * Convert the prose of a chapter: text nodes (headings, link text, tables,
 * footnotes…), image `alt`, link and definition titles, `alt`/`title`
 * attributes and text of HTML, and some front-matter values. Never code,
 * inline code, math, URLs, reference labels, explicit heading ids or
 * autolinks. Returns edits on `chapter.source` plus what is needed to make
 * anchors follow headings ({@link fragmentEdits}).
 */
export function convertChapter(chapter: Chapter, options: ConvertChapterOptions): ChapterConversion {
  return finishPlan(planChapter(chapter, { ...options, prose: options.convert.forDocument !== undefined }), options.convert, options.review);
}

/** A stretch of prose pieces converted together (a text node, an `alt`, a title, the text of an HTML block…); `node`: the node whose converted value it is. */
interface PieceGroup {
  pieces: readonly Piece[];
  node?: Nodes;
}

/**
 * What converting a chapter needs once its tree has been read
 * ({@link planChapter}): the prose pieces in document order, the headings
 * whose anchors may change, the link fragments. The tree itself is not kept
 * (headings are), so a plan can wait for its conversions cheaply.
 */
export interface ChapterPlan {
  path: string;
  bom: boolean;
  /** The chapter's prose, what its script is judged on (see `TextConverter.forDocument`); absent unless asked for (`prose` of {@link PlanOptions}). */
  prose?: string;
  /** @internal The pieces, in the order they are converted. */
  groups: readonly PieceGroup[];
  /** @internal Headings, with each one's anchor before the conversion. */
  headings: ReadonlyArray<{ node: Heading; slug: string | undefined }>;
  slug: SlugFlavour;
  fragments: FragmentRef[];
  skipped: number;
}

/**
 * The texts a plan asks its converter about, in the order
 * {@link finishPlan} asks them: a converter run elsewhere (another thread)
 * converts these, and `finishPlan` takes the answers in the same order.
 */
export function planTexts(plan: ChapterPlan): string[] {
  const texts: string[] = [];
  for (const group of plan.groups) for (const piece of group.pieces) if (piece.convert && mayConvert(piece.value)) texts.push(piece.value);
  return texts;
}

/**
 * Convert a planned chapter: each piece of prose through `convert` (its
 * document converter, see `TextConverter.forDocument`), in document order;
 * headings give their new anchors. `review`: the review list of each piece.
 */
export function finishPlan(plan: ChapterPlan, converter: TextConverter, reviewOf?: (text: string) => ReviewItem[]): ChapterConversion {
  const convert = (plan.prose !== undefined ? converter.forDocument?.(plan.prose) : undefined) ?? converter;
  const edits: Edit[] = [];
  const values = new Map<Nodes, string>();
  const review: ReviewItem[] | undefined = reviewOf ? [] : undefined;
  for (const { pieces, node } of plan.groups) {
    if (review && reviewOf) {
      for (const piece of pieces) {
        if (!piece.convert || !mayConvert(piece.value)) continue;
        for (const item of reviewOf(piece.value)) review.push({ ...item, start: piece.start + item.start, end: piece.start + item.end });
      }
    }
    const value = convertPieces(pieces, convert, edits);
    if (node) values.set(node, value);
  }
  const anchors: Array<[string, string]> = [];
  const slugger = createSlugger(plan.slug);
  for (const heading of plan.headings) {
    let text = plainText(heading.node, values);
    const match = explicitId.exec(text);
    if (match) text = text.slice(0, match.index);
    const next = slugger.slug(text);
    if (heading.slug !== undefined && heading.slug !== next && !match) anchors.push([heading.slug, next]);
  }
  return { path: plan.path, bom: plan.bom, edits, anchors, fragments: plan.fragments, skipped: plan.skipped, ...(review ? { review } : {}) };
}

/** Options of {@link planChapter}: those of {@link convertChapter} that are about the Markdown. */
export type PlanOptions = Omit<ConvertChapterOptions, 'convert' | 'review'> & {
  /** Keep the chapter's prose in the plan: needed by converters with `forDocument` (phrase configurations). Default `false`. */
  prose?: boolean;
};

/** Read a chapter's tree into what converting it needs ({@link ChapterPlan}); nothing is converted yet. */
export function planChapter(chapter: Chapter, options: PlanOptions): ChapterPlan {
  const { source, tree } = chapter;
  const frontmatterKeys = new Set(options.frontmatterKeys ?? defaultFrontmatterKeys);
  const htmlText = options.htmlText ?? true;
  const groups: PieceGroup[] = [];
  const headings: Heading[] = [];
  let skipped = 0;
  /** The pieces are converted later, in this order; `node`: its converted value is theirs. */
  const apply = (pieces: readonly Piece[], node?: Nodes): void => {
    groups.push(node ? { pieces, node } : { pieces });
  };

  // A node's value that is not converted needs no entry: plain text reads its own value.
  const aligned = (node: Nodes, start: number, end: number, value: string, protectTail = 0): void => {
    if (!mayConvert(value)) return;
    const pieces = alignPieces(source, start, end, value, protectTail);
    if (!pieces) {
      skipped++;
      return;
    }
    apply(pieces, node);
  };

  type Tail = { node?: Nodes; length: number };
  // Document order with an explicit stack (never recursion: a tree is as deep as its input nests); a function on it runs after the children pushed above it.
  const stack: ([Nodes, Tail] | (() => void))[] = [];
  const children = (list: readonly Nodes[], tail: Tail): void => {
    for (let i = list.length - 1; i >= 0; i--) stack.push([list[i]!, tail]);
  };
  const visit = (node: Nodes, headingTail: Tail): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const type: string = node.type;
    if (type === 'math' || type === 'inlineMath') return;
    if (type === 'toml') {
      if (start !== undefined && end !== undefined) frontmatter(node as unknown as Yaml, start, end, 'toml');
      return;
    }
    switch (node.type) {
      case 'text':
        if (start !== undefined && end !== undefined) aligned(node, start, end, node.value, headingTail.node === node ? headingTail.length : 0);
        return;
      case 'inlineCode':
        if ((options.code === 'placeholders' || options.code === 'all') && start !== undefined && end !== undefined) apply(placeholderPieces(source, start, end));
        return;
      case 'code':
        if ((options.code === 'comments' || options.code === 'all') && start !== undefined && end !== undefined) comments(node.lang, start, end);
        return;
      case 'footnoteReference':
      case 'break':
      case 'thematicBreak':
        return;
      case 'yaml':
        if (start !== undefined && end !== undefined) frontmatter(node, start, end, 'yaml');
        return;
      case 'html':
        if (start !== undefined && end !== undefined) html(node, start, end);
        return;
      case 'heading': {
        headings.push(node);
        // The heading as written (its children are converted later).
        const text = plainText(node, noValues);
        const match = explicitId.exec(text);
        const last = match ? lastText(node) : undefined;
        const tail = last && last.value.endsWith(match![0]) ? { node: last, length: match![0].length } : { length: 0 };
        children(node.children, tail);
        return;
      }
      case 'link':
        if (start !== undefined && end !== undefined) stack.push(() => title(node, start, end));
        if (!isAutolink(node, source)) children(node.children, headingTail);
        return;
      case 'linkReference':
        // Collapsed and shortcut references: the text is the label, which must keep matching its definition.
        if (node.referenceType === 'full') children(node.children, headingTail);
        return;
      case 'image':
      case 'imageReference':
        if (start !== undefined && end !== undefined) alt(node, start, end);
        if (node.type === 'image' && start !== undefined && end !== undefined) title(node, start, end);
        return;
      case 'definition':
        if (start !== undefined && end !== undefined) title(node, start, end);
        return;
      default:
        if ('children' in node) children(node.children as Nodes[], headingTail);
    }
  };

  const title = (node: Link | Image | Definition, start: number, end: number): void => {
    if (!node.title || !mayConvert(node.title)) return;
    const range = titleRange(source, start, end, node.type !== 'definition');
    if (!range) {
      skipped++;
      return;
    }
    const pieces = alignPieces(source, range.start, range.end, node.title);
    if (!pieces) {
      skipped++;
      return;
    }
    apply(pieces);
  };

  const alt = (node: Image | ImageReference, start: number, end: number): void => {
    if (!node.alt || !mayConvert(node.alt)) return;
    if (node.type === 'imageReference' && node.referenceType !== 'full') return;
    const close = labelEnd(source, start + 2, end);
    if (close === undefined || !source.startsWith('![', start)) {
      skipped++;
      return;
    }
    const pieces = alignPieces(source, start + 2, close, node.alt);
    if (!pieces) {
      skipped++;
      return;
    }
    apply(protectCodeSpans(source, start + 2, close, pieces), node);
  };

  const frontmatter = (node: Yaml, start: number, end: number, kind: 'yaml' | 'toml'): void => {
    const inner = source.indexOf(node.value, start);
    if (inner < 0 || inner + node.value.length > end) return;
    const linePattern = kind === 'yaml' ? /^([A-Za-z_][\w-]*)([ \t]*:[ \t]*)(.*?)[ \t]*$/gm : /^([A-Za-z_][\w-]*)([ \t]*=[ \t]*)(.*?)[ \t]*$/gm;
    for (const match of node.value.matchAll(linePattern)) {
      if (!frontmatterKeys.has(match[1]!)) continue;
      let value = match[3]!.replace(/\r$/, '');
      let offset = inner + match.index! + match[1]!.length + match[2]!.length;
      if (/^(["']).*\1$/.test(value)) {
        value = value.slice(1, -1);
        offset += 1;
      } else if (/^[|>[{&*!]/.test(value) || /\s#/.test(value)) continue;
      apply(rawPieces(source, offset, offset + value.length, { escapes: false }));
    }
  };

  const comments = (lang: string | null | undefined, start: number, end: number): void => {
    const syntax = commentSyntax(lang);
    const content = syntax && fencedContent(source, start, end);
    if (syntax && content) apply(commentPieces(source, content.start, content.end, syntax));
  };

  const html = (node: Html, start: number, end: number): void => {
    if (source.slice(start, end) !== node.value) return;
    apply(htmlPieces(source, start, end, htmlText), node);
  };

  stack.push([tree, { length: 0 }]);
  while (stack.length > 0) {
    const task = stack.pop()!;
    if (typeof task === 'function') task();
    else visit(task[0], task[1]);
  }

  return {
    path: chapter.path,
    bom: chapter.bom,
    ...(options.prose ? { prose: documentProse(tree) } : {}),
    groups,
    headings: headings.map((node, index) => ({ node, slug: chapter.headings[index]?.slug })),
    slug: options.slug ?? 'github',
    fragments: fragmentRefs(chapter),
    skipped,
  };
}

const noValues: ReadonlyMap<Nodes, string> = new Map();

/** mdast-util-to-string, reading converted values where there are some. */
function plainText(node: Nodes, values: ReadonlyMap<Nodes, string>): string {
  const converted = values.get(node);
  if (converted !== undefined) return converted;
  if ('value' in node) return node.value;
  if ((node.type === 'image' || node.type === 'imageReference') && node.alt) return node.alt;
  if ('children' in node) return (node.children as Nodes[]).map((child) => plainText(child, values)).join('');
  return '';
}

function lastText(node: Nodes): Text | undefined {
  if (node.type === 'text') return node;
  if (!('children' in node)) return undefined;
  const last = (node.children as Nodes[])[node.children.length - 1];
  return last ? lastText(last) : undefined;
}

/** GFM autolink literals and `<https://…>` autolinks: their text is the URL. */
function isAutolink(node: Link, source: string): boolean {
  const start = node.position?.start.offset;
  if (start !== undefined && source[start] === '<') return true;
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!only || only.type !== 'text') return false;
  const text = only.value;
  return node.url === text || node.url === `mailto:${text}` || node.url === `http://${text}` || node.url.endsWith(`:${text}`);
}

/** The end (offset of the closing `]`) of a bracketed label starting at `from`, skipping escapes and code spans. */
function labelEnd(source: string, from: number, end: number): number | undefined {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
    } else if (char === '`') {
      let ticks = 1;
      while (source[i + ticks] === '`') ticks++;
      const fence = '`'.repeat(ticks);
      const close = source.indexOf(fence, i + ticks);
      if (close >= 0 && close < end) i = close + ticks - 1;
      else i += ticks - 1;
    } else if (char === '[') depth++;
    else if (char === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** Make the parts of pieces that lie inside code spans of `source[start, end)` unconverted (an image `alt` may hold `` `code` ``). */
function protectCodeSpans(source: string, start: number, end: number, pieces: Piece[]): Piece[] {
  const slice = source.slice(start, end);
  if (!slice.includes('`')) return pieces;
  const spans = [...slice.matchAll(/(`+)[^`]*?\1/g)].map((match) => [start + match.index!, start + match.index! + match[0].length] as const);
  const result: Piece[] = [];
  for (const piece of pieces) {
    if (!piece.convert) {
      result.push(piece);
      continue;
    }
    let cursor = piece.start;
    for (const [from, to] of spans) {
      if (to <= cursor || from >= piece.end) continue;
      if (from > cursor) result.push({ start: cursor, end: from, convert: true, value: source.slice(cursor, from) });
      const stop = Math.min(to, piece.end);
      result.push({ start: Math.max(from, cursor), end: stop, convert: false, value: source.slice(Math.max(from, cursor), stop) });
      cursor = stop;
    }
    if (cursor < piece.end) result.push({ start: cursor, end: piece.end, convert: true, value: source.slice(cursor, piece.end) });
  }
  return result;
}

/**
 * The range of a title written at the end of `[text](url "title")`,
 * `![alt](src 'title')` or `[label]: url (title)`: inside its delimiters.
 */
function titleRange(source: string, start: number, end: number, resource: boolean): { start: number; end: number } | undefined {
  let close = end - 1;
  if (resource) {
    if (source[close] !== ')') return undefined;
    close--;
    while (close > start && /\s/.test(source[close]!)) close--;
  }
  const closer = source[close];
  const opener = closer === ')' ? '(' : closer === '"' || closer === "'" ? closer : undefined;
  if (!opener) return undefined;
  for (let i = close - 1; i > start; i--) {
    if (source[i] === opener && source[i - 1] !== '\\') return { start: i + 1, end: close };
  }
  return undefined;
}

/** HTML split into syntax (tags, comments, raw elements) and prose (text, `alt`/`title` values). */
function htmlPieces(source: string, start: number, end: number, text: boolean): Piece[] {
  const pieces: Piece[] = [];
  const fixed = (from: number, to: number): void => {
    if (to > from) pieces.push({ start: from, end: to, convert: false, value: source.slice(from, to) });
  };
  const prose = (from: number, to: number): void => {
    if (to > from) pieces.push(...rawPieces(source, from, to, { escapes: false }));
  };
  let i = start;
  let raw: string | undefined;
  while (i < end) {
    const lt = source.indexOf('<', i);
    const next = lt < 0 || lt >= end ? end : lt;
    if (text && !raw) prose(i, next);
    else fixed(i, next);
    if (next >= end) break;
    let close: number;
    if (source.startsWith('<!--', next)) {
      const found = source.indexOf('-->', next + 4);
      close = found < 0 || found + 3 > end ? end : found + 3;
      fixed(next, close);
    } else {
      close = tagEnd(source, next, end);
      const tag = /^<(\/?)([A-Za-z][\w-]*)/.exec(source.slice(next, Math.min(close, next + 40)));
      if (tag) {
        const name = tag[2]!.toLowerCase();
        if (!tag[1] && rawHtmlElements.has(name) && !raw) raw = name;
        else if (tag[1] && raw === name) raw = undefined;
        tagPieces(source, next, close, pieces);
      } else fixed(next, close);
    }
    i = close;
  }
  return pieces;
}

/** Where the tag opening at `start` ends (after `>`, quotes respected). */
function tagEnd(source: string, start: number, end: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < end; i++) {
    const char = source[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i + 1;
    else if (char === '<') return i;
  }
  return end;
}

const proseAttribute = /(\s)(alt|title)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

function tagPieces(source: string, start: number, end: number, pieces: Piece[]): void {
  const tag = source.slice(start, end);
  let cursor = 0;
  for (const match of tag.matchAll(proseAttribute)) {
    const value = match[4] ?? match[5] ?? '';
    const valueStart = match.index! + match[1]!.length + match[2]!.length + match[3]!.length + 1;
    pieces.push({ start: start + cursor, end: start + valueStart, convert: false, value: tag.slice(cursor, valueStart) });
    pieces.push(...rawPieces(source, start + valueStart, start + valueStart + value.length, { escapes: false }));
    cursor = valueStart + value.length;
  }
  if (cursor < tag.length) pieces.push({ start: start + cursor, end, convert: false, value: tag.slice(cursor) });
}

/** The fragments of a chapter's links (`[x](#a)`, `[x](other.md#a)`, definitions, `<a href>`). */
export function fragmentRefs(chapter: Chapter): FragmentRef[] {
  const refs: FragmentRef[] = [];
  const { source } = chapter;
  const add = (url: string, searchFrom: number, searchTo: number): void => {
    const hash = url.indexOf('#');
    if (hash < 0) return;
    const raw = url.slice(hash + 1);
    if (!raw) return;
    const target = resolveTarget(chapter.path, url.slice(0, hash));
    if (target === undefined) return;
    const at = source.indexOf(`#${raw}`, searchFrom);
    if (at < 0 || at + 1 + raw.length > searchTo) return;
    let fragment = raw;
    try {
      fragment = decodeURIComponent(raw);
    } catch {
      // not percent-encoded as UTF-8: compare as written
    }
    const site = /^\s*\/(?!\/)/.test(url.slice(0, hash));
    refs.push({ start: at + 1, end: at + 1 + raw.length, target, fragment, encoded: fragment !== raw, ...(site ? { site } : {}) });
  };
  const visit = (node: Nodes): void => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) {
      const start = node.position.start.offset!;
      const end = node.position.end.offset!;
      let from = start;
      if (node.type === 'link') {
        const last = node.children[node.children.length - 1];
        from = last?.position?.end.offset ?? start;
      } else {
        const colon = source.indexOf(']:', start);
        from = colon >= 0 && colon < end ? colon : start;
      }
      add(node.url, from, end);
    }
  };
  walk(chapter.tree, (node) => void visit(node));
  for (const link of chapter.links) {
    if (link.kind === 'html-link' && link.position) add(link.url, link.position.start.offset, link.position.end.offset);
  }
  return refs;
}

/**
 * The path a link points to from the book root (the chapter itself for
 * `#x`), or `undefined` for external targets. `x.html` and `x` are kept as
 * written: {@link fragmentEdits} finds the chapter they open.
 */
function resolveTarget(from: string, target: string): string | undefined {
  if (target === '') return from;
  const local = resolveLocal(from, target);
  return local && !local.outside ? local.path : undefined;
}

/** Percent-encode a slug the way a fragment written percent-encoded is (ASCII kept). */
function encodeFragment(slug: string): string {
  return slug.replace(/[^\x21-\x7e]+/g, (text) => encodeURIComponent(text)).replace(/%/g, (percent, index: number, whole: string) => (/^%[0-9A-F]{2}/.test(whole.slice(index)) ? percent : '%25'));
}

/**
 * Edits that make link fragments follow their heading: a fragment equal to
 * an old anchor of its target chapter becomes the new anchor (percent-encoded
 * again when it was written so). `anchorsOf` gives a chapter's changed
 * anchors, old → new; `targets` the book's chapters and how its site serves
 * site-absolute links (`/zh-cn/docs/x#a` opens `docs/x.md`).
 */
/**
 * Every chapter whose anchors the fragments of a conversion may follow (each
 * fragment's candidates, see `linkCandidates`: `x.html` → `x.md`, a
 * site-absolute link as the site serves it), the chapters
 * {@link fragmentEdits} may ask `anchorsOf` about.
 */
export function fragmentTargets(conversion: Pick<ChapterConversion, 'fragments' | 'path'>, site: SiteOptions = {}): Set<string> {
  const targets = new Set<string>();
  for (const ref of conversion.fragments) for (const candidate of linkCandidates(ref, conversion.path, site)) targets.add(candidate);
  return targets;
}

export function fragmentEdits(conversion: Pick<ChapterConversion, 'fragments' | 'path'>, anchorsOf: (path: string) => ReadonlyMap<string, string> | undefined, targets: LinkTargets = {}): Edit[] {
  const edits: Edit[] = [];
  for (const ref of conversion.fragments) {
    // `x.html` and `x` open `x.md`, site-absolute links as the site serves them (see `linkedChapter`).
    const chapter = linkedChapter(ref, conversion.path, targets, (path) => anchorsOf(path) !== undefined);
    const anchors = chapter === undefined ? undefined : anchorsOf(chapter);
    if (!anchors || anchors.size === 0) continue;
    const next = anchors.get(ref.fragment) ?? anchors.get(ref.fragment.toLowerCase());
    if (next === undefined) continue;
    edits.push({ start: ref.start, end: ref.end, text: ref.encoded ? encodeFragment(next) : next });
  }
  return edits;
}

/** The converted source: prose edits plus `extra` (fragment edits) applied, BOM put back. */
export function finishChapter(source: string, conversion: Pick<ChapterConversion, 'bom' | 'edits'>, extra: readonly Edit[] = []): string {
  return applyAll(source, conversion.bom, [...conversion.edits, ...extra]);
}

function applyAll(source: string, bom: boolean, edits: readonly Edit[]): string {
  return (bom ? '\uFEFF' : '') + applyEdits(source, edits);
}

/** Options of {@link convertMarkdown} and {@link convertBook}. */
export type ConvertMarkdownOptions = ConvertChapterOptions & {
  /** How the book's site serves site-absolute links (`/zh-cn/docs/x#a`), for links that follow headings. Default: `public/` and `static/`, no base. */
  site?: SiteOptions;
};

/** Convert one Markdown file (its own `#anchor` links follow its headings). `source` may start with a BOM. */
export function convertMarkdown(source: string, options: ConvertMarkdownOptions, path = 'index.md'): string {
  const chapter = parseChapter(path, source, options.slug ? { slug: options.slug } : {});
  const conversion = convertChapter(chapter, options);
  const anchors = new Map(conversion.anchors);
  return finishChapter(chapter.source, conversion, fragmentEdits(conversion, (target) => (target === path ? anchors : undefined)));
}

/** Build the old → new anchor maps of converted chapters. */
export function anchorMaps(conversions: Iterable<Pick<ChapterConversion, 'path' | 'anchors'>>): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  for (const conversion of conversions) if (conversion.anchors.length > 0) maps.set(conversion.path, new Map(conversion.anchors));
  return maps;
}

/**
 * Convert every Markdown file of a book held in memory (paths from the book
 * root, `/`-separated, to sources). Links to headings follow them across
 * chapters. Returns the converted sources by path.
 */
export function convertBook(files: ReadonlyMap<string, string>, options: ConvertMarkdownOptions): Map<string, string> {
  const chapters = [...files].map(([path, source]) => parseChapter(path, source, options.slug ? { slug: options.slug } : {}));
  const conversions = chapters.map((chapter) => convertChapter(chapter, options));
  const maps = anchorMaps(conversions);
  const result = new Map<string, string>();
  chapters.forEach((chapter, index) => {
    const conversion = conversions[index]!;
    const targets: LinkTargets = { chapters: files, ...(options.site ? { site: options.site } : {}) };
    result.set(chapter.path, finishChapter(chapter.source, conversion, fragmentEdits(conversion, (path) => maps.get(path), targets)));
  });
  return result;
}
