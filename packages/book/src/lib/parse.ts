import type { Heading, Html, Nodes, Root } from 'mdast';
import { parseWithExtensions } from './extensions.js';
import { parseInSections } from './sections.js';
import { placeSplitLiterals } from './literal-positions.js';
import { headingCustomId, headingText } from './heading.js';
import { defaultLimits, inputProblem, treeDepth } from './limits.js';
import { jsxTagOf, mdxCompatible, syntaxOf, syntaxProblemOf, type ChapterSyntax, type JsxTag, type SyntaxProblem } from './mdx.js';
import { lineStartsOf, rangeAt } from './position.js';
import { headingScopes } from './scope.js';
import { createSlugger } from './slug.js';
import type { AnchorFact, Chapter, HeadingFact, LinkFact, ReferenceFact, SlugFlavour } from './types.js';

/** Options of {@link parseChapter}. */
export interface ParseOptions {
  /** Slug flavour for heading anchors. Default `github`. */
  slug?: SlugFlavour;
}

/**
 * Parse Markdown (or MDX, with `syntax: 'mdx'`) into mdast with the syntax
 * every chapter is read with: GFM, front matter, math (`extensions.ts`).
 */
export function parseMarkdown(source: string, syntax: ChapterSyntax = 'markdown'): Root {
  // A large Markdown chapter is parsed section by section (`sections.ts`): the same tree in a fraction of the memory.
  if (syntax === 'mdx') {
    const compatible = mdxCompatible(source);
    return placeSplitLiterals(parseWithExtensions(compatible, true), compatible);
  }
  // Only a text with a literal the transform can split out of a text node: the tokenizer places every other node.
  const tree = parseInSections(source, (text) => parseWithExtensions(text));
  return /www\.|https?:\/\/|@/i.test(source) ? placeSplitLiterals(tree, source) : tree;
}

/** Strip a leading byte-order mark. */
export function stripBom(text: string): { text: string; bom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** A tree, or an empty one and why the text was refused (see `limits.ts`). */
export interface GuardedTree {
  tree: Root;
  refused?: string;
  /** Where MDX does not parse: the tree is then the text read as Markdown, and `refused` says why. */
  syntaxError?: SyntaxProblem;
}

/**
 * Parse Markdown within the limits of `limits.ts`: a text too large or too
 * deeply nested, a parser that runs out of stack, or a tree too deep gives
 * an empty tree and the reason, never a throw.
 */
export function parseGuarded(text: string, syntax: ChapterSyntax = 'markdown'): GuardedTree {
  const empty = (refused: string): GuardedTree => ({ tree: { type: 'root', children: [] }, refused });
  const problem = inputProblem(text);
  if (problem) return empty(problem);
  let tree: Root;
  try {
    tree = parseMarkdown(text, syntax);
  } catch (error) {
    if (error instanceof RangeError) return empty(`the Markdown parser ran out of stack (${error.message})`);
    const syntaxError = syntax === 'mdx' ? syntaxProblemOf(error) : undefined;
    if (syntaxError) return { ...parseGuarded(text, 'markdown'), refused: `its MDX does not parse (${syntaxError.message})`, syntaxError };
    throw error;
  }
  const depth = treeDepth(tree, defaultLimits.maxDepth);
  if (depth > defaultLimits.maxDepth) return empty(`its syntax tree is more than ${defaultLimits.maxDepth} levels deep, expected at most ${defaultLimits.maxDepth}`);
  return { tree };
}

/**
 * Parse one chapter once: tree plus extracted facts. `source` may start
 * with a BOM. A chapter beyond the parser's limits gets an empty tree and
 * {@link Chapter.refused}.
 */
export function parseChapter(path: string, source: string, options: ParseOptions = {}): Chapter {
  const { text, bom } = stripBom(source);
  const { tree, refused, syntaxError } = parseGuarded(text, syntaxOf(path));
  const chapter = chapterFromTree(path, text, tree, options, bom);
  if (refused) chapter.refused = refused;
  if (syntaxError) {
    // One finding for the chapter (`chapter-unchecked`): what it links to is not read, what others link to in it is.
    chapter.syntaxError = syntaxError;
    chapter.links = [];
    chapter.references = [];
  }
  return chapter;
}

const htmlTag = /<(a|img|span|div|h[1-6]|p|section|sup|li|td|th|code|figure|source|video|iframe)\b([^>]*)>/gi;
/** The HTML elements whose links and anchors are read (the names of {@link htmlTag}). */
const htmlTagNames = new Set(['a', 'img', 'span', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'section', 'sup', 'li', 'td', 'th', 'code', 'figure', 'source', 'video', 'iframe']);
const htmlAttribute = /\s([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/** Build a {@link Chapter} from a tree parsed elsewhere (e.g. by remark-lint). */
export function chapterFromTree(path: string, source: string, tree: Root, options: ParseOptions = {}, bom = false): Chapter {
  const lineStarts = lineStartsOf(source);
  const slugger = createSlugger(options.slug ?? 'github');
  const headings: HeadingFact[] = [];
  const links: LinkFact[] = [];
  const references: ReferenceFact[] = [];
  const anchors: AnchorFact[] = [];
  const scopes = headingScopes(tree);
  let frontmatter: Record<string, string> | undefined;

  const visit = (node: Nodes, quoted: boolean): void => {
    switch (node.type) {
      case 'heading':
        headings.push(headingFact(node, source, slugger.slug.bind(slugger), scopes.get(node)));
        break;
      case 'link':
      case 'image':
      case 'definition':
        links.push({ kind: node.type, url: node.url, ...(node.type === 'definition' ? { identifier: node.identifier } : {}), ...(node.position ? { position: rangeAt(lineStarts, node.position.start.offset!, node.position.end.offset!) } : {}) });
        break;
      case 'linkReference':
      case 'imageReference':
        references.push({ kind: node.type === 'linkReference' ? 'link' : 'image', identifier: node.identifier, label: node.label ?? node.identifier, ...(node.position ? { position: rangeAt(lineStarts, node.position.start.offset!, node.position.end.offset!) } : {}) });
        break;
      case 'html':
        htmlFacts(node, lineStarts, links, anchors);
        break;
      case 'yaml':
        frontmatter = parseFrontmatter(node.value);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        jsxFacts(jsxTagOf(node, source)!, lineStarts, links, anchors);
        break;
      default:
        // TOML front matter (Hugo `+++`): mdast-util-frontmatter makes the node but does not type it.
        if ((node.type as string) === 'toml') frontmatter = parseFrontmatter((node as unknown as { value: string }).value, 'toml');
        break;
    }
  };
  // Document order without recursion: the tree's depth is the input's.
  const stack: [Nodes, boolean][] = [[tree, false]];
  while (stack.length > 0) {
    const [node, quoted] = stack.pop()!;
    visit(node, quoted);
    const inside = quoted || node.type === 'blockquote';
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, inside]);
  }

  return { path, source, bom, tree, lineStarts, headings, links, references, anchors, ...(frontmatter ? { frontmatter } : {}) };
}

function headingFact(node: Heading, source: string, slug: (text: string) => string, scope: string | undefined): HeadingFact {
  const custom = headingCustomId(node, source);
  const text = headingText(node, custom?.start);
  const id = custom?.id;
  const fact: HeadingFact = { depth: node.depth, text, slug: slug(text) };
  if (id) fact.id = id;
  if (scope) fact.scope = scope;
  if (node.position) fact.position = { start: { ...node.position.start, offset: node.position.start.offset! }, end: { ...node.position.end, offset: node.position.end.offset! } };
  return fact;
}

/** A component (Vue, MDX, Docusaurus: `<TeamMember permalink="x">`): a tag whose name starts with a capital. */
const componentTag = /<([A-Z][\w.]*)\b([^>]*)>/g;
/** Attributes of a component that give the page an anchor. */
const componentAnchor = new Set(['id', 'permalink', 'anchor']);

/** Links and anchors of a JSX element of an MDX chapter, as {@link htmlFacts} reads them from HTML. */
function jsxFacts(tag: JsxTag, lineStarts: number[], links: LinkFact[], anchors: AnchorFact[]): void {
  const name = tag.name ?? '';
  const component = /^[A-Z]/.test(name);
  for (const attribute of tag.attributes) {
    const key = attribute.name.toLowerCase();
    const position = attribute.offset === undefined ? {} : { position: rangeAt(lineStarts, attribute.offset, attribute.offset + attribute.value.length) };
    if (component) {
      if (componentAnchor.has(key)) anchors.push({ id: attribute.value, ...position });
    } else if ((key === 'href' && name === 'a') || (key === 'src' && name !== 'a' && htmlTagNames.has(name))) {
      links.push({ kind: key === 'href' ? 'html-link' : 'html-image', url: attribute.value, ...position });
    } else if (key === 'id' || (key === 'name' && name === 'a')) {
      anchors.push({ id: attribute.value, ...position });
    }
  }
}

function htmlFacts(node: Html, lineStarts: number[], links: LinkFact[], anchors: AnchorFact[]): void {
  const base = node.position?.start.offset;
  for (const tag of node.value.matchAll(componentTag)) {
    for (const attribute of tag[2]!.matchAll(htmlAttribute)) {
      if (!componentAnchor.has(attribute[1]!.toLowerCase())) continue;
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      const valueIndex = tag.index! + 1 + tag[1]!.length + attribute.index! + attribute[0].lastIndexOf(value);
      anchors.push({ id: value, ...(base === undefined ? {} : { position: rangeAt(lineStarts, base + valueIndex, base + valueIndex + value.length) }) });
    }
  }
  for (const tag of node.value.matchAll(htmlTag)) {
    const name = tag[1]!.toLowerCase();
    const attributesStart = tag.index! + 1 + tag[1]!.length;
    for (const attribute of tag[2]!.matchAll(htmlAttribute)) {
      const key = attribute[1]!.toLowerCase();
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      const valueIndex = attributesStart + attribute.index! + attribute[0].lastIndexOf(value);
      const position = base === undefined ? undefined : rangeAt(lineStarts, base + valueIndex, base + valueIndex + value.length);
      if ((key === 'href' && name === 'a') || (key === 'src' && name !== 'a')) {
        links.push({ kind: key === 'href' ? 'html-link' : 'html-image', url: value, ...(position ? { position } : {}) });
      } else if (key === 'id' || (key === 'name' && name === 'a')) {
        anchors.push({ id: value, ...(position ? { position } : {}) });
      }
    }
  }
}

/** Flat `key: value` pairs of YAML front matter, or `key = value` of TOML (Hugo `+++`): scalars only, quotes removed. */
export function parseFrontmatter(value: string, language: 'yaml' | 'toml' = 'yaml'): Record<string, string> {
  const result: Record<string, string> = {};
  const pair = language === 'toml' ? /^([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$/ : /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/;
  for (const line of value.split(/\r?\n/)) {
    if (language === 'toml' && /^\s*\[/.test(line)) break;
    const match = pair.exec(line);
    if (!match) continue;
    let scalar = match[2]!;
    if (/^(["']).*\1$/.test(scalar)) scalar = scalar.slice(1, -1);
    result[match[1]!] = scalar;
  }
  return result;
}

/** The keys of {@link ChapterFacts}: a fact added here is kept, and read lazily by {@link chapterFromFacts}. */
const factKeys = ['headings', 'links', 'references', 'anchors', 'frontmatter', 'refused', 'syntaxError'] as const;

/** The facts of a chapter that can be kept between runs (everything but the tree). */
export type ChapterFacts = Pick<Chapter, (typeof factKeys)[number]>;

/** The facts of a chapter, for a cache. */
export function factsOf(chapter: Chapter): ChapterFacts {
  const { headings, links, references, anchors, frontmatter, refused, syntaxError } = chapter;
  return { headings, links, references, anchors, ...(frontmatter ? { frontmatter } : {}), ...(refused ? { refused } : {}), ...(syntaxError ? { syntaxError } : {}) };
}

/**
 * A chapter rebuilt from cached facts: its tree is parsed, and its line
 * starts found, only when something reads them (then once). `source` may
 * start with a BOM. Facts given as a function are read when a fact is
 * first read (a warm run that reuses a whole book's findings reads none).
 */
export function chapterFromFacts(path: string, source: string, facts: ChapterFacts | (() => ChapterFacts)): Chapter {
  const { text, bom } = stripBom(source);
  let tree: Root | undefined;
  let lineStarts: number[] | undefined;
  const chapter = { path, source: text, bom, ...(typeof facts === 'function' ? {} : facts) } as Chapter;
  if (typeof facts === 'function') {
    let read: ChapterFacts | undefined;
    for (const key of factKeys) Object.defineProperty(chapter, key, { enumerable: true, configurable: true, get: () => (read ??= facts())[key] });
  }
  // A warm run replays most chapters' findings without reading a position in them: their line starts wait for a reader.
  Object.defineProperty(chapter, 'lineStarts', {
    enumerable: true,
    configurable: true,
    get: () => (lineStarts ??= lineStartsOf(text)),
  });
  // A refused chapter keeps its reason in its facts; its tree is empty again.
  Object.defineProperty(chapter, 'tree', {
    enumerable: true,
    configurable: true,
    get: () => (tree ??= parseGuarded(text, syntaxOf(path)).tree),
  });
  return chapter;
}
