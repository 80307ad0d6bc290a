/**
 * The contents list of a book (`SUMMARY.md`), in the two grammars in use:
 *
 * - **GitBook / HonKit**: an optional `# Title` (which may be a link), `##`
 *   part headings (`## 目录` included: HonKit shows it as a part), `---`
 *   separators (a new, untitled part), and nested `*` / `-` / `+` lists of
 *   `[title](file.md)` links or plain-text entries.
 * - **mdBook**: an optional `# Title`, unbulleted prefix chapters before the
 *   first list, suffix chapters after the last one, headings as part titles,
 *   draft chapters `[title]()` and `---` separators.
 *
 * The parser reads the file line by line (so that each line is judged on its
 * own and a malformed one becomes a {@link ContentsProblem} with its position,
 * never an exception) and reads the inline Markdown of each line with the
 * project's {@link parseMarkdown}.
 */
import path from 'node:path';
import type { Link, Nodes, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseGuarded, stripBom } from './parse.js';
import { lineStartsOf, rangeAt } from './position.js';
import type { Contents, ContentsEntry, ContentsGrammar, ContentsProblem, Range } from './types.js';

/** Options of {@link parseContents}. */
export interface ParseContentsOptions {
  /**
   * Grammar of the list. Default `auto`: mdBook when the list has unbulleted
   * link lines before its first list item, a draft chapter `[title]()`, or a
   * `book.toml` beside or above the contents file (`bookToml`); GitBook otherwise.
   */
  grammar?: 'auto' | ContentsGrammar;
  /**
   * Whether a `book.toml` sits beside or above the contents file (the
   * workspace looks; this package reads no files). Default false.
   */
  bookToml?: boolean;
}

/** One line of the source, without its line ending. */
interface Line {
  /** 1-based. */
  number: number;
  start: number;
  text: string;
}

/** What a line is, before grammar-specific decisions. */
type Classified =
  | { type: 'blank' | 'comment' | 'separator'; line: Line }
  | { type: 'heading'; line: Line; depth: number; contentStart: number; content: string }
  | { type: 'item'; line: Line; indent: number; markerStart: number; contentOffset: number; contentStart: number; content: string }
  | { type: 'other'; line: Line; contentStart: number; content: string };

/** The inline content of an entry line, read with remark. */
interface Inline {
  /** The first link, if any. */
  link?: Link;
  /** Text of the whole content. */
  text: string;
}

const headingLine = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const separatorLine = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const itemLine = /^([ \t]*)([*+-]|\d{1,9}[.)])([ \t]+|$)/;
const externalTarget = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Parse a contents list. `source` may start with a byte-order mark (positions
 * are relative to the text without it) and may use CRLF line endings.
 * `contentsPath` is the path of the contents file from the book root; entry
 * paths are relative to the directory of the contents file.
 */
export function parseContents(source: string, contentsPath: string, options: ParseContentsOptions = {}): Contents {
  const { text } = stripBom(source);
  const lineStarts = lineStartsOf(text);
  const lines = linesOf(text, lineStarts);
  const classified = classify(lines);
  const grammar = options.grammar === 'gitbook' || options.grammar === 'mdbook' ? options.grammar : detectGrammar(classified, options.bookToml === true);

  const problems: ContentsProblem[] = [];
  const entries: ContentsEntry[] = [];
  const parts: string[] = [];
  const contentsName = path.posix.basename(contentsPath.replace(/\\/g, '/'));
  const range = (start: number, end: number): Range => rangeAt(lineStarts, start, end);
  const problem = (message: string, start: number, end: number): void => {
    problems.push({ message, position: range(start, end) });
  };

  let title: string | undefined;
  let part: string | undefined;
  let seenList = false;
  let seenEntry = false;
  /** Indentations of the open list levels, outermost first, with the content offset of their last item. */
  let stack: { indent: number; contentOffset: number }[] = [];

  const lastListIndex = classified.reduce((last, line, index) => (line.type === 'item' ? index : last), -1);

  classified.forEach((line, index) => {
    switch (line.type) {
      case 'blank':
      case 'comment':
        return;
      case 'separator':
        stack = [];
        if (grammar === 'gitbook') part = undefined;
        return;
      case 'heading': {
        stack = [];
        const headingText = inlineOf(line.content).text.trim();
        if (title === undefined && !seenEntry && parts.length === 0 && line.depth === 1) {
          // The first `#` heading before any entry is the book's title, even when it is a link.
          title = headingText;
        } else {
          part = headingText;
          parts.push(headingText);
        }
        return;
      }
      case 'item': {
        seenList = true;
        const depth = depthOf(line, stack, (message) => problem(message, line.line.start, line.markerStart + 1));
        const entry = entryOf(line, 'chapter', depth);
        if (entry) entries.push(entry);
        return;
      }
      case 'other': {
        const trimmedEnd = line.contentStart + line.content.trimEnd().length;
        if (grammar === 'gitbook') {
          problem(`Unexpected line \`${clip(line.content.trim())}\` in the contents list, expected a list item (\`* [title](file.md)\`), a \`##\` part heading, \`---\` or a blank line`, line.contentStart, trimmedEnd);
          return;
        }
        // mdBook: prefix (before the first list) or suffix (after the last) chapters.
        const inline = inlineOf(line.content);
        if (!inline.link) {
          problem(`Unexpected line \`${clip(line.content.trim())}\` in the contents list, expected a chapter link \`[title](file.md)\`, a list item, a part heading, \`---\` or a blank line`, line.contentStart, trimmedEnd);
          return;
        }
        let kind: ContentsEntry['kind'] = 'prefix';
        if (seenList) {
          kind = 'suffix';
          if (index < lastListIndex) {
            problem('Unexpected unbulleted chapter between numbered chapters, expected prefix chapters before the first list and suffix chapters after the last', line.contentStart, trimmedEnd);
          }
        }
        stack = [];
        const entry = entryOf(line, kind, 0);
        if (entry) entries.push(entry);
        return;
      }
    }
  });

  /** An entry from an item or a prefix/suffix line; `undefined` (and a problem) when malformed. */
  function entryOf(line: Extract<Classified, { type: 'item' | 'other' }>, kind: ContentsEntry['kind'], depth: number): ContentsEntry | undefined {
    const lineEnd = line.line.start + line.line.text.length;
    const contentEnd = line.contentStart + line.content.trimEnd().length;
    const position = range(line.line.start, lineEnd);
    if (line.content.trim() === '') {
      problem('Unexpected empty list item, expected `[title](file.md)` or a title', line.line.start, lineEnd);
      return undefined;
    }
    const inline = inlineOf(line.content);
    const link = inline.link;
    if (!link) {
      const bracket = line.content.indexOf('[');
      if (bracket !== -1 && (/\]\(/.test(line.content) || /^\s*\[[^\]]*\]?\s*$/.test(line.content) || /^\s*\[[^\]]*$/.test(line.content))) {
        problem(`Unexpected malformed link \`${clip(line.content.slice(bracket).trimEnd())}\`, expected \`[title](file.md)\``, line.contentStart + bracket, contentEnd);
        return undefined;
      }
      if (grammar === 'mdbook') {
        problem(`Unexpected list item \`${clip(line.content.trim())}\` without a link, expected \`[title](file.md)\` or a draft chapter \`[title]()\``, line.contentStart, contentEnd);
      }
      return withPart({ title: inline.text.trim(), depth, kind: 'text', position });
    }
    const linkStart = line.contentStart + (link.position?.start.offset ?? 0);
    const linkEnd = line.contentStart + (link.position?.end.offset ?? line.content.length);
    const titleText = toString(link).trim();
    const destination = destinationOf(text, linkStart, linkEnd);
    if (link.url === '') {
      if (grammar === 'mdbook') return withPart({ title: titleText, depth, kind: 'draft', position });
      problem(`Unexpected empty link target in \`${clip(text.slice(linkStart, linkEnd))}\`, expected a file path (or the title alone for a plain-text entry)`, linkStart, linkEnd);
      return withPart({ title: titleText, depth, kind: 'text', position });
    }
    const entry: ContentsEntry = { title: titleText, target: link.url, depth, kind, position };
    if (destination) entry.targetPosition = range(destination.start, destination.end);
    const resolved = resolveTarget(link.url, contentsName);
    if (resolved.problem) problem(resolved.problem, destination?.start ?? linkStart, destination?.end ?? linkEnd);
    if (resolved.path !== undefined) entry.path = resolved.path;
    if (resolved.anchor !== undefined) entry.anchor = resolved.anchor;
    return withPart(entry);
  }

  function withPart(entry: ContentsEntry): ContentsEntry {
    seenEntry = true;
    // Prefix and suffix chapters (mdBook) belong to no part.
    if (part !== undefined && entry.kind !== 'prefix' && entry.kind !== 'suffix') entry.part = part;
    return entry;
  }

  const contents: Contents = { path: contentsPath, grammar, entries, parts, problems };
  if (title !== undefined) contents.title = title;
  return contents;
}

/**
 * Depth of a list item from the open levels, reporting indentation that is
 * not 2 or 4 spaces (or the parent's content offset) per level. Updates `stack`.
 */
function depthOf(line: Extract<Classified, { type: 'item' }>, stack: { indent: number; contentOffset: number }[], report: (message: string) => void): number {
  const { indent } = line;
  let popped: number | undefined;
  while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) popped = stack.pop()!.indent;
  const top = stack[stack.length - 1];
  if (top && top.indent === indent) {
    top.contentOffset = line.contentOffset;
    return stack.length - 1;
  }
  if (!top) {
    if (popped !== undefined) {
      report(`Unexpected indentation of ${indent} spaces, expected ${popped} like the entries above at the same level`);
    } else if (indent >= 4) {
      report(`Unexpected indentation of ${indent} spaces for a top-level entry, expected none`);
    }
  } else if (popped !== undefined) {
    report(`Unexpected indentation of ${indent} spaces, expected ${popped} like the entries above at the same level`);
  } else {
    const step = indent - top.indent;
    // CommonMark nests an item indented from the parent's content offset up to three more columns (`*` + 3 spaces, `1.` + 3).
    if (step !== 2 && step !== 4 && !(indent >= top.contentOffset && indent <= top.contentOffset + 3)) {
      report(`Unexpected indentation of ${step} more spaces than the parent entry, expected 2 or 4`);
    }
  }
  stack.push({ indent, contentOffset: line.contentOffset });
  return stack.length - 1;
}

function linesOf(text: string, lineStarts: number[]): Line[] {
  return lineStarts.map((start, index) => {
    const next = lineStarts[index + 1] ?? text.length;
    return { number: index + 1, start, text: text.slice(start, next).replace(/\r?\n$|\r$/, '') };
  });
}

function classify(lines: Line[]): Classified[] {
  let inComment = false;
  return lines.map((line): Classified => {
    const trimmed = line.text.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      return { type: 'comment', line };
    }
    if (trimmed === '') return { type: 'blank', line };
    if (trimmed.startsWith('<!--')) {
      if (!trimmed.includes('-->', 4)) inComment = true;
      return { type: 'comment', line };
    }
    if (separatorLine.test(line.text)) return { type: 'separator', line };
    const heading = headingLine.exec(line.text);
    if (heading) {
      const content = heading[2]!;
      return { type: 'heading', line, depth: heading[1]!.length, content, contentStart: line.start + line.text.indexOf(content, heading[1]!.length) };
    }
    const item = itemLine.exec(line.text);
    if (item) {
      const indent = widthOf(item[1]!);
      const contentIndex = item[0].length;
      return { type: 'item', line, indent, markerStart: line.start + item[1]!.length, contentOffset: indent + item[2]!.length + Math.max(1, widthOf(item[3]!)), contentStart: line.start + contentIndex, content: line.text.slice(contentIndex) };
    }
    const leading = line.text.length - line.text.trimStart().length;
    return { type: 'other', line, contentStart: line.start + leading, content: line.text.slice(leading) };
  });
}

/** Width of leading whitespace, tabs to the next multiple of 4. */
function widthOf(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

function detectGrammar(lines: Classified[], bookToml: boolean): ContentsGrammar {
  for (const line of lines) {
    if (line.type === 'item') break;
    if (line.type === 'other' && inlineOf(line.content).link) return 'mdbook';
  }
  for (const line of lines) {
    if (line.type === 'item' && /\]\(\s*\)/.test(line.content) && inlineOf(line.content).link?.url === '') return 'mdbook';
  }
  if (bookToml) return 'mdbook';
  return 'gitbook';
}

/**
 * The common line `[title](file.md)` with nothing Markdown could read
 * differently in it: read without remark (ten times faster, same result).
 */
const plainLink = /^\[([^[\]\\`*_~$<>&!]*)\]\(([^\s()<>\\&]*)\)[ \t]*$/;

/**
 * A line of plain text (a part title such as `## 第一部分：入门`): no character
 * that Markdown gives a meaning inside a paragraph (escapes, entities, code,
 * emphasis, links, HTML, math, autolinks), no block marker at its start, no
 * space at its ends: its text is itself, read without remark (a warm check
 * with nothing changed then never starts the parser).
 */
const plainText = /^(?![#>=+-]|\d+[.)])[^\s\\`*_~$<>&![\]|@:]+(?:[ \t]+[^\s\\`*_~$<>&![\]|@:]+)*$/;

/** Inline Markdown of a line's content, read with remark; never throws. */
function inlineOf(content: string): Inline {
  if (plainText.test(content) && !/www\./i.test(content)) return { text: content };
  const plain = plainLink.exec(content);
  if (plain) {
    const end = content.trimEnd().length;
    const link: Link = {
      type: 'link',
      url: plain[2]!,
      children: plain[1] ? [{ type: 'text', value: plain[1] }] : [],
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: end + 1, offset: end } },
    };
    return { link, text: plain[1]! };
  }
  try {
    const tree = parseGuarded(content).tree;
    const first = tree.children[0];
    if (!first || first.type !== 'paragraph' || tree.children.length !== 1) return { text: content };
    const link = findLink(first.children);
    return link ? { link, text: toString(first) } : { text: toString(first) };
  } catch {
    return { text: content };
  }
}

function findLink(nodes: PhrasingContent[]): Link | undefined {
  for (const node of nodes) {
    if (node.type === 'link') return node;
    if ('children' in node) {
      const found = findLink((node as Extract<Nodes, { children: PhrasingContent[] }>).children);
      if (found) return found;
    }
  }
  return undefined;
}

/** The source range of a link's destination (inside `<…>` when angle-bracketed). */
function destinationOf(text: string, linkStart: number, linkEnd: number): { start: number; end: number } | undefined {
  // Find the `]` closing the label, honouring escapes and nested brackets.
  let depth = 0;
  let index = linkStart;
  for (; index < linkEnd; index++) {
    const char = text[index];
    if (char === '\\') {
      index++;
    } else if (char === '[') {
      depth++;
    } else if (char === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (text[index + 1] !== '(') return undefined;
  let start = index + 2;
  while (start < linkEnd && /\s/.test(text[start]!)) start++;
  if (text[start] === '<') {
    const close = text.indexOf('>', start + 1);
    return close === -1 || close > linkEnd ? undefined : { start: start + 1, end: close };
  }
  let end = start;
  let parens = 0;
  for (; end < linkEnd; end++) {
    const char = text[end]!;
    if (char === '\\') {
      end++;
      continue;
    }
    if (/\s/.test(char)) break;
    if (char === '(') parens++;
    else if (char === ')') {
      if (parens === 0) break;
      parens--;
    }
  }
  return { start, end: Math.min(end, linkEnd) };
}

/**
 * Path (from the directory of the contents file, normalised, percent-decoded,
 * `/`-separated) and decoded anchor of a link target. A target above that
 * directory keeps its normalised `../…` form so that rules can report it;
 * an external URL has no path; `#anchor` alone points into the contents file.
 */
function resolveTarget(url: string, contentsName: string): { path?: string; anchor?: string; problem?: string } {
  const hash = url.indexOf('#');
  const rawPath = hash === -1 ? url : url.slice(0, hash);
  const result: { path?: string; anchor?: string; problem?: string } = {};
  if (hash !== -1) {
    const rawAnchor = url.slice(hash + 1);
    const decoded = decode(rawAnchor);
    result.anchor = decoded ?? rawAnchor;
    if (decoded === undefined) result.problem = `Unexpected malformed percent-encoding in \`#${rawAnchor}\`, expected \`%\` followed by two hexadecimal digits`;
  }
  if (externalTarget.test(url)) return result;
  const withoutQuery = rawPath.replace(/\?.*$/, '');
  const decodedPath = decode(withoutQuery);
  if (decodedPath === undefined) result.problem = `Unexpected malformed percent-encoding in \`${withoutQuery}\`, expected \`%\` followed by two hexadecimal digits`;
  const relative = (decodedPath ?? withoutQuery).replace(/\\/g, '/').replace(/^\/+/, '');
  result.path = relative === '' ? contentsName : path.posix.normalize(relative);
  return result;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
