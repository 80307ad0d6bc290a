/**
 * The syntax extensions every chapter is read with (GFM, front matter,
 * math; MDX for `.mdx` chapters), each loaded into the parser only when the
 * text can contain its syntax. Each extension hooks the tokenizer at
 * characters every chapter has (a GFM table is tried at the start of every
 * line, an email autolink at every letter), so on a chapter without its
 * syntax it costs time and changes nothing: a cheap scan of the text for
 * the characters its syntax cannot do without tells which to leave out,
 * and the tree is the one the full set of extensions gives (a differential
 * test holds it on every corpus chapter).
 *
 * The extensions and their order are those of `remark-gfm` (autolink
 * literal, footnote, strikethrough, table, task list item),
 * `remark-frontmatter` (`yaml`, `toml`) and `remark-math` (no single-dollar
 * text math), after `remark-mdx` for MDX.
 *
 * Each set of extensions gets its parser built once, on first use
 * (`micromark-parser.ts`, `mdast-compiler.ts`: the tree `fromMarkdown`
 * gives, without combining the extensions and building its compiler again
 * for every text). The built parsers are kept in a module-level map, a
 * deliberate exception to "no module-level mutable state": a parse is
 * synchronous and starts from a fresh document state, so what the map holds
 * never changes a result (a parse does not depend on what was parsed
 * before it: tested); each worker thread has its own; and every caller
 * (chapters, fix verification, conversion, contents lists) reaches the
 * parser through `parseMarkdown` without a run object to carry it.
 */
import type { Extension as MdastExtension } from 'mdast-util-from-markdown';
import type { Root } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { mathFromMarkdown } from 'mdast-util-math';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { math } from 'micromark-extension-math';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Extension as SyntaxExtension } from 'micromark-util-types';
import { createMdastCompiler, type CompileEvents } from './mdast-compiler.js';
import { createEventsOf, type EventsOf } from './micromark-parser.js';
import { walk } from './walk.js';

/** One syntax extension: its tokenizer and tree parts, and whether a text can contain its syntax. */
interface SyntaxPart {
  name: string;
  syntax: SyntaxExtension;
  tree: MdastExtension | MdastExtension[];
  /** What the built parser uses instead of `tree`, giving the same trees faster. */
  builtTree?: MdastExtension;
  /** `false` only when the text cannot contain the syntax (a superset test: `true` may be wrong, `false` never). */
  mayOccur: (text: string) => boolean;
}

const always = (): boolean => true;

/**
 * GFM autolink literals with their tree transform run only on a tree where
 * it can change something. The transform walks the whole tree once per
 * pattern (URL, `xmpp:`, `mailto:`, email) to link literals in text the
 * tokenizer left as text (5.7 % of a conversion's CPU in the profile); each
 * pattern needs `http://`, `https://` or `www.` (any case) or an `@` in a
 * text node outside a link, so a tree without one is left as it is — the
 * same tree (tested on every corpus chapter against `fromMarkdown`).
 */
function literalsWhereTheyMayBe(extension: MdastExtension): MdastExtension {
  const transforms = (extension.transforms ?? []).map((transform) => (tree: Root) => (mayHoldLiteral(tree) ? transform(tree) : tree));
  return { ...extension, transforms };
}

const literalStart = /https?:\/\/|www\./i;

/** Whether a text node outside a link (where the transform looks) holds what a literal starts with. */
function mayHoldLiteral(tree: Root): boolean {
  let found = false;
  walk(tree, (node) => {
    if (found || node.type === 'link' || node.type === 'linkReference') return false;
    if (node.type === 'text' && (node.value.includes('@') || literalStart.test(node.value))) found = true;
    return !found;
  });
  return found;
}
/** A line of nothing but quote markers, whitespace, pipes, colons and dashes: what a table's delimiter row is made of. */
const delimiterLike = /^[ \t>]*[|:-][ \t>|:-]*$/gm;

/**
 * Front matter as micromark-extension-frontmatter reads it: an opening fence
 * (`---` or `+++`, spaces or tabs after it) on the first line, and the first
 * line made of the same fence (spaces or tabs after it) that follows it.
 * Any of micromark's line endings (`\r\n`, `\r`, `\n`).
 */
const leadingFrontmatter = /^(---|\+\+\+)[ \t]*(?:\r\n|\r(?!\n)|\n)(?:[^\r\n]*(?:\r\n|\r(?!\n)|\n))*?\1[ \t]*(?=[\r\n]|$)/;

/**
 * Whether a text may hold a table: a table needs a delimiter row, a line of
 * `-` cells (with `:` for alignment) inside its container's quote markers
 * and indentation, and a `|` in the text unless that row has a `:`
 * (`abc\n:--` is a table of one column). A `|` in a shell pipeline of a
 * code block no longer brings the table tokenizer to every line, nor do
 * the fences of leading front matter (`---`, read with a `|` in the text),
 * which cannot be part of a table: the scan starts after them.
 */
function mayHoldTable(text: string): boolean {
  const body = text.slice(leadingFrontmatter.exec(text)?.[0].length ?? 0);
  const pipe = body.includes('|');
  for (const [line] of body.matchAll(delimiterLike)) if (line.includes('-') && (pipe || line.includes(':'))) return true;
  return false;
}

const frontmatterKinds = ['yaml', 'toml'] as const;

/** The parts in the order the remark plugins add them (see the module comment). */
const markdownParts: readonly SyntaxPart[] = [
  // `www.`, `http://`, `https://`, or an email (`mailto:`, `xmpp:` too) has an `@`; case-insensitive, as the tokenizer and the tree transform read them.
  { name: 'gfm-autolink-literal', syntax: gfmAutolinkLiteral(), tree: gfmAutolinkLiteralFromMarkdown(), builtTree: literalsWhereTheyMayBe(gfmAutolinkLiteralFromMarkdown()), mayOccur: (text) => /@|www\.|https?:\/\//i.test(text) },
  // A footnote call or definition starts `[^`.
  { name: 'gfm-footnote', syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown(), mayOccur: (text) => text.includes('[^') },
  { name: 'gfm-strikethrough', syntax: gfmStrikethrough({}), tree: gfmStrikethroughFromMarkdown(), mayOccur: (text) => text.includes('~') },
  { name: 'gfm-table', syntax: gfmTable(), tree: gfmTableFromMarkdown(), mayOccur: mayHoldTable },
  // `[ ]` or `[x]` (any whitespace inside).
  { name: 'gfm-task-list-item', syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown(), mayOccur: (text) => /\[[\sxX]\]/.test(text) },
  // Front matter is only at the very start of the text.
  { name: 'frontmatter', syntax: frontmatter([...frontmatterKinds]), tree: frontmatterFromMarkdown([...frontmatterKinds]), mayOccur: (text) => text.startsWith('---') || text.startsWith('+++') },
  // Math needs `$$` (text math too: single dollars are off).
  { name: 'math', syntax: math({ singleDollarTextMath: false }), tree: mathFromMarkdown(), mayOccur: (text) => text.includes('$$') },
];

/** MDX first, as `remark-mdx` is used before the others. */
const mdxParts: readonly SyntaxPart[] = [{ name: 'mdx', syntax: mdxjs(), tree: mdxFromMarkdown(), mayOccur: always }, ...markdownParts];

/** The names of the extensions a text is parsed with (for tests and measurements). */
export function extensionsFor(text: string, mdx = false): string[] {
  return partsFor(text, mdx).map((part) => part.name);
}

/** The options `fromMarkdown` would take for the same extensions (the reference of the tests). */
export function fromMarkdownOptionsFor(text: string, mdx = false): { extensions: SyntaxExtension[]; mdastExtensions: Array<MdastExtension | MdastExtension[]> } {
  const parts = partsFor(text, mdx);
  return { extensions: parts.map((part) => part.syntax), mdastExtensions: parts.map((part) => part.tree) };
}

function partsFor(text: string, mdx: boolean): SyntaxPart[] {
  return (mdx ? mdxParts : markdownParts).filter((part) => part.mayOccur(text));
}

/** A parser for one set of extensions. */
interface BuiltParser {
  eventsOf: EventsOf;
  compile: CompileEvents;
}

/** The parsers built so far, by set of extensions (see the module comment). */
const builtParsers = new Map<string, BuiltParser>();

function parserFor(parts: readonly SyntaxPart[], mdx: boolean): BuiltParser {
  const key = (mdx ? 'mdx:' : 'md:') + parts.map((part) => part.name).join(',');
  let parser = builtParsers.get(key);
  if (!parser) {
    parser = { eventsOf: createEventsOf(parts.map((part) => part.syntax)), compile: createMdastCompiler(parts.map((part) => part.builtTree ?? part.tree)) };
    builtParsers.set(key, parser);
  }
  return parser;
}

/** Parse a text with the extensions it may need: the tree that every extension would give. */
export function parseWithExtensions(text: string, mdx = false): Root {
  const { eventsOf, compile } = parserFor(partsFor(text, mdx), mdx);
  return compile(eventsOf(text));
}
