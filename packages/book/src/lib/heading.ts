/**
 * What the documentation dialects put in a heading besides its text:
 *
 * - custom ids at the end: `{#id}` (VitePress, Docusaurus, Pandoc, Hugo,
 *   markdown-it-attrs, also with classes and attributes: `{#id .class}`) and
 *   `{/*id*\/}` (react.dev and other MDX sites);
 * - inline HTML (`<span class="version-mark">从 v5.0 开始</span>`, `<a id="x"></a>`):
 *   GitHub, VitePress and Hugo slug the heading's text content, so the text
 *   inside tags counts and the tags do not.
 */
import type { Heading, Nodes } from 'mdast';
import { walk } from './walk.js';

/** A custom id written at the end of a heading, and where the heading's own text ends. */
export interface CustomId {
  id: string;
  /** Index in the text where the id and the whitespace before it begin. */
  index: number;
}

const braceId = /[ \t]*\{[ \t]*#([^\s{}]+)(?:[ \t]+[^{}]*)?\}[ \t]*$/;
const mdxCommentId = /[ \t]*\{\/\*[ \t]*#?([^\s*{}]+)[ \t]*\*\/\}[ \t]*$/;

/** The custom id at the end of a heading's text (`{#id}`, `{#id .class}`, `{/*id*\/}`), if any. */
export function customIdOf(text: string): CustomId | undefined {
  const match = braceId.exec(text) ?? mdxCommentId.exec(text);
  return match ? { id: match[1]!, index: match.index } : undefined;
}

/**
 * The custom id of a heading read from its source (so that `{/*id*\/}`, which
 * Markdown reads as emphasis, is found): the id and the source offset where it
 * and the whitespace before it begin. An ATX heading's closing `#`s are allowed after it.
 */
export function headingCustomId(node: Heading, source: string): { id: string; start: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const firstLine = source.slice(start, end).split(/\r?\n|\r/)[0]!;
  const raw = firstLine.replace(/[ \t]+#+[ \t]*$/, '');
  const custom = customIdOf(raw);
  return custom ? { id: custom.id, start: start + custom.index } : undefined;
}

const tag = /<\/?[A-Za-z][\w:.-]*(?:\s+(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>|<!--[\s\S]*?-->/g;

/** The text content of inline HTML: tags and comments removed, the text between them kept. */
export function htmlText(html: string): string {
  return html.replace(tag, '');
}

/**
 * The plain text of a heading as sites slug it: text, inline code and the
 * text content of inline HTML; images and tags give nothing. With `cut` (a
 * source offset, e.g. where a custom id begins), nothing from there on counts.
 */
export function headingText(node: Heading, cut = Infinity): string {
  let text = '';
  walk(node, (child) => {
    if (child === node) return true;
    const start = child.position?.start.offset ?? -Infinity;
    if (start >= cut) return false;
    if (child.type === 'html') text += htmlText(child.value);
    else if (child.type === 'image' || child.type === 'imageReference') return false;
    else if ('value' in child && typeof child.value === 'string') text += child.value.slice(0, Math.max(0, cut - start));
    return true;
  });
  return text;
}
