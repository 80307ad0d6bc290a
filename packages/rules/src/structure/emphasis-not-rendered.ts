/**
 * # emphasis-not-rendered
 *
 * `**…**` or `*…*` that CommonMark leaves as literal asterisks because a
 * delimiter sits between punctuation and a letter: in `这是**（配比）**相互`
 * the opening `**` is followed by `（` and preceded by a letter, so it
 * cannot open, and the closing `**` follows `）` and precedes a letter, so it
 * cannot close. Chinese text hits this all the time: there are no spaces
 * around the delimiters, and full-width brackets and quotes are punctuation.
 * The rule reads the parsed tree: it looks for pairs of asterisk runs that
 * the parser left in text (never in code, links or HTML) and whose failure
 * comes from the punctuation next to them.
 *
 * Fixable when the fix is proved to render: the brackets or quotes are moved
 * out of the emphasis (`这是（**配比**）相互`), or, when that is not enough, a space is
 * added on the failing side (`这是 **（配比）** 相互`); the fixed line is
 * re-parsed and the fix is offered only when it gives the emphasis and,
 * by the one fix verification, changes nothing else (a link or image with
 * a title stays whole: `**[链接](a.md "t")**说明` gets a space, never `**`
 * inside the brackets).
 *
 * A space inside one delimiter only (`**Repository (仓库) **`: the closing
 * `**` after a space cannot close) is reported and fixed by removing the
 * space; a run of four asterisks left as text next to a letter (`重点****`,
 * an emptied or doubled `**` pair) is reported.
 *
 * ```markdown
 * 这是（**配比**）相互       <!-- fine -->
 * 这是**（配比）**相互       <!-- reported, fixed to 这是（**配比**）相互 -->
 * ```
 */
import type { Nodes, Text } from 'mdast';
import type { Chapter, Edit } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import type { RunCache } from '../lib/types.js';
import { countInRegion, verifyFix } from '../lib/verify.js';
import { walk } from '../lib/walk.js';
import { everyPreset } from '../lib/types.js';

const whitespace = /[\s\u00a0\u3000]/u;
const punctuation = /[\p{P}\p{S}]/u;
const opening = /[\p{Ps}\p{Pi}]/u;
const closing = /[\p{Pe}\p{Pf}]/u;

interface Run {
  start: number;
  end: number;
  /** Character before and after the run (`\n` at a line edge). */
  before: string;
  after: string;
}

function isWhitespace(char: string): boolean {
  return char === '' || whitespace.test(char);
}
function isPunctuation(char: string): boolean {
  return char !== '' && punctuation.test(char);
}
function leftFlanking(run: Pick<Run, 'before' | 'after'>): boolean {
  return !isWhitespace(run.after) && (!isPunctuation(run.after) || isWhitespace(run.before) || isPunctuation(run.before));
}
function rightFlanking(run: Pick<Run, 'before' | 'after'>): boolean {
  return !isWhitespace(run.before) && (!isPunctuation(run.before) || isWhitespace(run.after) || isPunctuation(run.after));
}

/** Characters of a string (code points). */
function chars(text: string): string[] {
  return Array.from(text);
}

export default defineChapterRule({
  meta: {
    id: 'emphasis-not-rendered',
    family: 'structure',
    scope: 'chapter',
    description: 'Emphasis next to punctuation must be written so that it renders',
    fixable: true,
    severity: 'error',
    presets: everyPreset,
    options: {},
    fixChanges: ['emphasis'],
  },
  check({ chapter, report, cache }) {
    const source = chapter.source;
    if (!source.includes('*')) return;
    const charBefore = (offset: number): string => {
      if (offset <= 0) return '';
      const code = source.charCodeAt(offset - 1);
      if (code >= 0xdc00 && code <= 0xdfff && offset >= 2) return source.slice(offset - 2, offset);
      return source[offset - 1]!;
    };
    const charAfter = (offset: number): string => (offset >= source.length ? '' : String.fromCodePoint(source.codePointAt(offset)!));

    const visit = (node: Nodes): boolean => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        container(node);
        return false;
      }
      return node.type !== 'code' && node.type !== 'html';
    };

    const container = (node: Nodes): void => {
      const runs: Run[] = [];
      // Text in document order, through emphasis, strong and delete (never into links or code).
      walk(node, (child) => {
        if (child.type === 'text') {
          textRuns(child, runs);
          quadruple(child);
        }
        return child === node || child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete';
      });
      for (let i = 0; i + 1 < runs.length; i++) {
        const open = runs[i]!;
        const close = runs[i + 1]!;
        const length = open.end - open.start;
        if (close.end - close.start !== length || close.start <= open.end) continue;
        const inner = source.slice(open.end, close.start);
        if (/\r|\n/.test(inner)) continue;
        if (isWhitespace(open.after) !== isWhitespace(close.before) && length === 2 && innerSpace(open, close, inner)) {
          i++;
          continue;
        }
        if (isWhitespace(open.after) || isWhitespace(close.before)) continue;
        const opens = leftFlanking(open);
        const closes = rightFlanking(close);
        if (opens && closes) continue;
        const fix = fixFor(open, close, inner);
        const delimiter = '*'.repeat(length);
        const shown = fix ? `, expected \`${fix.text}\`` : ', expected the punctuation moved outside the delimiters or a space on the outer side';
        report({
          start: open.start,
          end: close.end,
          message: `Unexpected literal \`${delimiter}\` around \`${inner}\`: ${!opens ? `the opening \`${delimiter}\` before \`${open.after}\` cannot open` : `the closing \`${delimiter}\` after \`${close.before}\` cannot close`}${!opens && !closes ? ' and the closing one cannot close' : ''}${shown}`,
          ...(fix ? { fix: [{ start: open.start, end: close.end, text: fix.text }] } : {}),
        });
        i++;
      }
    };

    const textRuns = (node: Text, runs: Run[]): void => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const text = source.slice(start, end);
      for (let index = text.indexOf('*'); index >= 0; index = text.indexOf('*', index)) {
        const at = start + index;
        let runEnd = at;
        while (source[runEnd] === '*') runEnd++;
        let backslashes = 0;
        for (let k = at - 1; k >= start && source[k] === '\\'; k--) backslashes++;
        const wholeRunInside = (at === start ? source[at - 1] !== '*' : true) && runEnd <= end;
        if (backslashes % 2 === 0 && wholeRunInside && runEnd - at <= 2) {
          runs.push({ start: at, end: runEnd, before: charBefore(at), after: charAfter(runEnd) });
        } else if (backslashes % 2 === 1) {
          // `\*` is a literal asterisk on purpose; the rest of the run is a new run.
          runEnd = at + 1;
        }
        index = runEnd - start;
      }
    };

    /**
     * `**Repository (仓库) **`: a space inside one delimiter only (the other
     * side is tight, so the pair was meant as emphasis); fixed by removing
     * the space when the fixed line is proved to render.
     */
    const innerSpace = (open: Run, close: Run, inner: string): boolean => {
      const trimmed = inner.trim();
      if (trimmed === '') return false;
      // The tight side must be a working delimiter: only the space is wrong.
      if (isWhitespace(open.after) ? !rightFlanking(close) : !leftFlanking(open)) return false;
      const delimiter = source.slice(open.start, open.end);
      // The space removed; then, when punctuation next to a delimiter needs it, a space on the outer side.
      const tight = `${delimiter}${trimmed}${delimiter}`;
      const text = [tight, `${tight} `, ` ${tight}`, ` ${tight} `].find((candidate) => renders(chapter, [{ start: open.start, end: close.end, text: candidate }], delimiter.length, cache));
      if (text === undefined) return false;
      const side = isWhitespace(open.after) ? `after the opening \`${delimiter}\`` : `before the closing \`${delimiter}\``;
      report({ start: open.start, end: close.end, message: `Unexpected space ${side} around \`${trimmed}\`: the emphasis does not render, expected \`${text}\``, fix: [{ start: open.start, end: close.end, text }] });
      return true;
    };

    /** `****` left as text next to a letter: an emptied or doubled `**` pair that renders as literal asterisks. */
    const quadruple = (node: Text): void => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      for (const match of source.slice(start, end).matchAll(/(?<![*\\])\*{4}(?!\*)/g)) {
        const at = start + match.index!;
        const before = charBefore(at);
        const after = charAfter(at + 4);
        if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) continue;
        report({ start: at, end: at + 4, message: 'Unexpected literal `****`, expected `**` around the text to emphasise (or none)' });
      }
    };

    /** A fix proved by parsing the fixed line: punctuation moved out, else spaces on the failing sides. */
    const fixFor = (open: Run, close: Run, inner: string): { text: string } | undefined => {
      const delimiter = source.slice(open.start, open.end);
      const list = chars(inner);
      // Only brackets and quotes move out: `（配比）`, `“配比”`; never an escape such as `\_`.
      let lead = 0;
      while (lead < list.length && opening.test(list[lead]!)) lead++;
      let trail = list.length;
      while (trail > lead && closing.test(list[trail - 1]!)) trail--;
      const core = list.slice(lead, trail).join('');
      const candidates: string[] = [];
      if ((lead > 0 || trail < list.length) && core !== '' && !isWhitespace(list[lead]!) && !isWhitespace(list[trail - 1]!)) {
        candidates.push(`${list.slice(0, lead).join('')}${delimiter}${core}${delimiter}${list.slice(trail).join('')}`);
      }
      const opens = leftFlanking(open);
      const closes = rightFlanking(close);
      candidates.push(`${opens ? '' : ' '}${delimiter}${inner}${delimiter}${closes ? '' : ' '}`);
      for (const text of candidates) {
        // The emphasis must render, and nothing else around it change (a link with a title stays a link): the message shows this text.
        const edits = [{ start: open.start, end: close.end, text }];
        if (renders(chapter, edits, delimiter.length, cache) && verifyFix(chapter, edits, ['emphasis'], cache)) return { text };
      }
      return undefined;
    };

    walk(chapter.tree, visit);
  },
});

/**
 * Whether `edits` make one more `strong` (2) or `emphasis` (1) render in
 * the blocks they touch: counted on the parses the fix verification reuses.
 */
function renders(chapter: Chapter, edits: Edit[], length: number, cache: RunCache | undefined): boolean {
  const counts = countInRegion(chapter, edits, length === 2 ? 'strong' : 'emphasis', cache);
  return counts !== undefined && counts.after > counts.before;
}
