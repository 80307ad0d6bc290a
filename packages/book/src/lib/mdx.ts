/**
 * MDX chapters (`.mdx`: Docusaurus, Next.js, react.dev): read with MDX's own
 * syntax (remark-mdx), so that `import`/`export` lines, JSX elements and their
 * attributes and `{…}` expressions (`{/* comments *\/}` too) are nodes of their
 * own, never prose. The Markdown inside a component (`<Note>正文</Note>`) is
 * parsed as Markdown, as MDX does.
 *
 * MDX is strict (a stray `{` or `<` does not compile): a chapter that MDX
 * cannot parse gets one {@link SyntaxProblem}; it is then read as plain
 * Markdown only for the headings and anchors other chapters link to. What
 * Docusaurus 3 accepts by default (`markdown.mdx1Compat`: HTML comments,
 * `{#id}` heading ids) is accepted too, see {@link mdxCompatible}.
 */
import type { Nodes } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx';

/** The syntax a chapter file is written in. */
export type ChapterSyntax = 'markdown' | 'mdx';

/** The syntax of a chapter from its file name: `.mdx` files are MDX, the rest Markdown (CommonMark + GFM). */
export function syntaxOf(path: string): ChapterSyntax {
  return /\.mdx$/i.test(path) ? 'mdx' : 'markdown';
}

/**
 * The text as MDX reads it with Docusaurus's MDX 1 compatibility, every
 * offset kept (each replacement has the length of what it replaces):
 * `<!-- x -->` becomes `{/* x *\/}` and a heading's `{#id}` becomes `\#id}`
 * (text that the custom-id reader still finds in the original source).
 * Fenced code is left alone.
 */
export function mdxCompatible(text: string): string {
  let fence: string | undefined;
  const code: Array<[number, number]> = [];
  const lines = text.split(/(?<=\n)/);
  let offset = 0;
  for (let i = 0; i < lines.length; offset += lines[i]!.length, i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined || marker) code.push([offset, offset + line.length]);
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (/^ {0,3}#{1,6}[ \t]/.test(line)) lines[i] = line.replace(/\{(#[^\s{}]+(?:[ \t]+[^{}]*)?\}[ \t]*(?:\r?\n)?)$/, '\\$1');
  }
  const inCode = (at: number): boolean => code.some(([start, end]) => at >= start && at < end) || inCodeSpan(text, at);
  return lines.join('').replace(/<!--([\s\S]*?)-->/g, (comment, inner: string, at: number) => (inner.includes('*/') || inCode(at) ? comment : `{/* ${inner}*/}`));
}

/** Whether `at` is inside an inline code span of its line (an odd number of backtick runs before it). */
function inCodeSpan(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return (text.slice(lineStart, at).match(/`+/g)?.length ?? 0) % 2 === 1;
}

/** Where and why a chapter's syntax does not parse (an MDX chapter the site cannot compile either). */
export interface SyntaxProblem {
  /** The parser's reason, e.g. ``Unexpected character `!` (U+0021) before name, …``. */
  message: string;
  /** 0-based UTF-16 offset of the place. */
  offset: number;
}

interface ParserMessage {
  reason: string;
  place?: { offset?: number; start?: { offset?: number } } | null;
}

/** Whether a thrown value is a syntax message of the MDX parser (a `VFileMessage` with a reason and a place). */
function isParserMessage(error: unknown): error is ParserMessage {
  return error instanceof Error && typeof (error as Partial<ParserMessage>).reason === 'string' && 'place' in error;
}

/** The syntax problem of a thrown parser message, or undefined when `error` is something else. */
export function syntaxProblemOf(error: unknown): SyntaxProblem | undefined {
  if (!isParserMessage(error)) return undefined;
  const place = error.place;
  const offset = place?.offset ?? place?.start?.offset ?? 0;
  return { message: error.reason, offset: Math.max(0, offset) };
}

/** A JSX element of an MDX tree: its name and its attributes written as plain strings. */
export interface JsxTag {
  /** Element name (`a`, `img`, `TeamMember`); undefined for a fragment `<>`. */
  name: string | undefined;
  /** Attributes with literal string values, with the source offset where the value starts when found. */
  attributes: Array<{ name: string; value: string; offset?: number }>;
}

/** The JSX element a node is (`mdxJsxFlowElement`, `mdxJsxTextElement`), with its literal attributes; undefined for any other node. */
export function jsxTagOf(node: Nodes, source: string): JsxTag | undefined {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
  const attributes: JsxTag['attributes'] = [];
  for (const attribute of node.attributes as Array<MdxJsxAttribute | MdxJsxExpressionAttribute>) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
    const from = attribute.position?.start.offset;
    const to = attribute.position?.end.offset;
    let offset: number | undefined;
    if (from !== undefined && to !== undefined) {
      const at = source.slice(from, to).lastIndexOf(attribute.value);
      if (at >= 0 && attribute.value !== '') offset = from + at;
    }
    attributes.push({ name: attribute.name, value: attribute.value, ...(offset === undefined ? {} : { offset }) });
  }
  return { name: node.name ?? undefined, attributes };
}
