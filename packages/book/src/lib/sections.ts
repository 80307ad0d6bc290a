/**
 * A large chapter parsed section by section. micromark keeps every event of
 * a text until its tree is built, about 300 bytes of heap per character: a
 * 640 K-character contents list needed more than 160 MB to parse, while its
 * tree alone is 14 MB. Where nothing can join two parts of a text into one
 * construct, each part parses to the same nodes as in the whole text, so a
 * large chapter is parsed in sections of about {@link sectionLength}
 * characters, their trees joined with their positions moved.
 *
 * A section starts at an ATX heading in column 1 after a blank line, which
 * ends every container (a block quote needs `>`, a list item indentation,
 * and a heading interrupts a paragraph, so it is no lazy line) and every
 * block a blank line ends; it is not a start inside the blocks that run
 * over blank lines at the top level — fenced code, math, the HTML blocks of
 * kinds 1-5 and front matter — which the scan follows. A text with a
 * definition (a `]:` anywhere: links and footnotes refer to it from
 * anywhere) or a bare CR line ending is parsed whole.
 */
import type { Root } from 'mdast';
import { walk } from './walk.js';

/** Texts longer than this are parsed in sections (code units). */
export const sectionedAbove = 128 * 1024;
/** Sections are at least this long (code units), but the last. */
export const sectionLength = 64 * 1024;

/** What the scan is inside of at a line start. */
type Block = { kind: 'fence'; marker: string; size: number } | { kind: 'html'; end: RegExp } | { kind: 'frontmatter'; marker: string } | undefined;

const fenceOpen = /^ {0,3}(`{3,}|~{3,}|\${2,})(.*)$/;
const htmlStarts: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** The block a line opens at the top level (or `undefined`), and whether it ends on the same line. */
function opened(line: string, first: boolean): Block {
  if (first && /^(---|\+\+\+)[ \t]*$/.test(line)) return { kind: 'frontmatter', marker: line.slice(0, 3) };
  const fence = fenceOpen.exec(line);
  // A backtick fence's info has no backtick, a math fence's no dollar (`$$x = 1$$` is a paragraph).
  if (fence && !((fence[1]![0] === '`' || fence[1]![0] === '$') && fence[2]!.includes(fence[1]![0]!))) return { kind: 'fence', marker: fence[1]![0]!, size: fence[1]!.length };
  for (const [start, end] of htmlStarts) {
    const match = start.exec(line);
    // The end may be on the start line itself, after the opening.
    if (match) return end.test(line.slice(match[0].length)) ? undefined : { kind: 'html', end };
  }
  return undefined;
}

/** Whether `line` ends the block the scan is in. */
function closes(block: NonNullable<Block>, line: string): boolean {
  if (block.kind === 'html') return block.end.test(line);
  if (block.kind === 'frontmatter') return new RegExp(`^\\${block.marker[0]}{3}[ \\t]*$`).test(line);
  const close = /^ {0,3}(`{3,}|~{3,}|\${2,})[ \t]*$/.exec(line);
  return close !== null && close[1]![0] === block.marker && close[1]!.length >= block.size;
}

/** A place where a text can be cut: its offset and its 0-based line. */
interface Cut {
  offset: number;
  line: number;
}

/**
 * The offsets where a text can be cut into sections that parse as they do
 * in the whole text (see the module comment), in order; `[]` when the text
 * must be parsed whole.
 */
export function sectionStarts(text: string): number[] {
  return cutsOf(text).map((cut) => cut.offset);
}

/** {@link sectionStarts} with the line of each. */
function cutsOf(text: string): Cut[] {
  if (text.includes(']:') || /\r(?!\n)/.test(text)) return [];
  const cuts: Cut[] = [];
  let block: Block;
  let blank = false;
  for (let start = 0, line = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const content = text.slice(start, end).replace(/\r$/, '');
    if (block) {
      if (closes(block, content)) block = undefined;
    } else if (blank && /^#{1,6}(?:[ \t]|$)/.test(content)) {
      cuts.push({ offset: start, line });
    } else {
      block = opened(content, start === 0);
    }
    blank = block === undefined && /^[ \t]*$/.test(content);
    start = end + 1;
  }
  return cuts;
}

/** The sections of a text: `[start, end)` ranges of at least {@link sectionLength} (but the last), cut at {@link sectionStarts}. */
export function sectionsOf(text: string, length = sectionLength): Array<[number, number]> {
  return sectionCuts(text, length).map(({ start, end }) => [start, end]);
}

/** {@link sectionsOf} with the 0-based line each section starts on. */
function sectionCuts(text: string, length: number): Array<{ start: number; end: number; line: number }> {
  const sections: Array<{ start: number; end: number; line: number }> = [];
  let from: Cut = { offset: 0, line: 0 };
  for (const cut of cutsOf(text)) {
    if (cut.offset - from.offset < length || text.length - cut.offset < length) continue;
    sections.push({ start: from.offset, end: cut.offset, line: from.line });
    from = cut;
  }
  sections.push({ start: from.offset, end: text.length, line: from.line });
  return sections;
}

/**
 * Parse a text with `parse`, section by section when it is longer than
 * `above` (see the module comment): the tree the whole text gives.
 */
export function parseInSections(text: string, parse: (text: string) => Root, above = sectionedAbove, length = sectionLength): Root {
  if (text.length <= above) return parse(text);
  const sections = sectionCuts(text, length);
  if (sections.length === 1) return parse(text);
  const root: Root = { type: 'root', children: [] };
  let end: NonNullable<Root['position']>['end'] | undefined;
  for (const { start, end: stop, line } of sections) {
    const section = text.slice(start, stop);
    const tree = parse(section);
    // The scan reads lines, not containers: a fence it took for closed (one inside a list item or an HTML block) may run on.
    if (stop < text.length && endsInOpenFence(tree, section)) return parse(text);
    moveTree(tree, line, start);
    root.children.push(...tree.children);
    end = tree.position?.end;
  }
  const first = { line: 1, column: 1, offset: 0 };
  if (end) root.position = { start: first, end };
  return root;
}

const fenceLine = /^ {0,3}(`{3,}|~{3,}|\${2,})/;
const closingFence = /^ {0,3}(`{3,}|~{3,}|\${2,})[ \t]*$/;

/**
 * Whether a section's last top-level block is fenced code or math with no
 * closing fence: in the whole text it would run on into the next section.
 */
function endsInOpenFence(tree: Root, section: string): boolean {
  const last = tree.children.at(-1);
  if (!last || (last.type !== 'code' && last.type !== 'math') || last.position?.start.offset === undefined || last.position.end.offset === undefined) return false;
  const lines = section.slice(last.position.start.offset, last.position.end.offset).split('\n');
  const open = fenceLine.exec(lines[0]!);
  // Indented code ends at the first line that is not indented: the heading ends it in the whole text too.
  if (!open) return false;
  const close = lines.length > 1 ? closingFence.exec(lines.at(-1)!.replace(/\r$/, '')) : null;
  return !close || close[1]![0] !== open[1]![0] || close[1]!.length < open[1]!.length;
}

/** Move every position of a section's tree by the lines and code units before the section (columns stay: a section starts a line). */
function moveTree(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  walk(tree, (node) => {
    const position = node.position;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  });
}
