/**
 * # zh-punctuation-width
 *
 * Punctuation takes the width of the sentence it is in:
 *
 * - half-width `, . : ; ! ?` between Chinese characters become full-width
 *   (`，。：；！？`), and so do those that end a Chinese clause: at the end
 *   of a line (`组成:`, `报错.`, `需要帮助?`, `* 新增基本內容;`) or before
 *   Latin text, a number or inline code (`附錄三:Docker`, `例如, npm`);
 *   at the end of a line, also after a Latin word, a link or inline code
 *   when the clause is mostly Chinese (`…直接使用 apt 命令安装 Docker.`),
 *   but not after an abbreviation (`Inc.`, `etc.`);
 * - a colon between Chinese words (`他说:你好`), except an identifier
 *   standing alone between spaces or as a whole table cell (`镜像名:标签`);
 * - parentheses are paired across both widths, so a pair is never made of
 *   the wrong marks: half-width `(…)` around or next to Chinese text become
 *   `（…）`, and a mismatched pair (`（2.24)`) gets the width of its context;
 * - a full-width `。` in a number (`3。Windows 环境`, `3。14`) becomes `.`;
 * - a full-width `：` after a URL scheme (`<https：//crates.io>`) becomes `:`;
 * - full-width punctuation inside a Latin sentence, or inside an English
 *   phrase in a Chinese sentence (`如 Use the flag，then run it 所示`),
 *   becomes half-width; so does a `，` before a company suffix
 *   (`Docker，Inc`, `Example Co.，Ltd`), whatever the sentence. A comma
 *   between names in a Chinese sentence (`Linux，macOS 和 Windows`) is a
 *   Chinese enumeration, and a list item or table cell holding only names in
 *   a Chinese list or table (`- GitHub：yeasy`) is Chinese: both stay.
 *
 * Code, URLs, paths, versions, times, `镜像:latest`-style literals, table
 * cells of code written without backticks (`{"t":15,"v":"测试"}`, `a=1,b=2`)
 * and English sentences (`Facebook, Inc.`) are never touched. `parentheses`
 * sets the convention for parentheses around Chinese: `full` (the default):
 * always `（…）` (the Chinese copywriting guidelines, MDN); `half`: `(…)`
 * never reported; or `consistent`: the book's dominant form, reporting only
 * the exceptions (a form is the book's when it makes two thirds of its
 * pairs, and at least three of them; a book that mixes both about evenly,
 * or has too few pairs to tell, is held to `full`). Half-width pairs count
 * as a house style only when set off by a space (`组件 (component)`, as
 * zhlint writes them): `关系(xxx)` is what a converter that flattened
 * `（）` leaves, never a style. A chapter that writes no half-width pair
 * next to Chinese is held to `full` without reading the rest of the book (a
 * rule that reads the book runs again on the whole of it: a third more CPU
 * on a cold check), so its full-width pairs are not judged against a
 * half-width book.
 *
 * Why `consistent` is there, and why it is not the default: the guides
 * disagree. The copywriting guidelines and MDN want `（…）`; zhlint,
 * written for the Vue docs, makes `()` half-width with spaces outside by default; AutoCorrect converts
 * `,.:;!?` but leaves parentheses alone (and spaces them); textlint's
 * bracket rule picks by content. A book that writes `组件 (component)`
 * three hundred times to one follows a house style, and a finding on each
 * of its pairs is noise; a book that mixes both gets them all. But a
 * chapter whose findings depend on the other chapters is checked again on
 * the main thread after the worker pass, with a second parse: on
 * docker_practice-2026 (~410 half-width pairs), `consistent` cost a cold
 * check +1.0 s CPU (2.3 → 3.2 s); and that the content cache drops such a
 * chapter's findings when another chapter changes the book's form is not
 * tested yet. So `full` stays the default; a book with a house style sets
 * `consistent` (or `half`) in its configuration.
 *
 * ```markdown
 * 镜像（`Image`）和容器的关系，就像类和实例。   <!-- fine -->
 * 镜像(`Image`)和容器的关系,就像类和实例。      <!-- reported: `(…)` and `,` -->
 * 附錄三:Docker 命令查詢                         <!-- reported: `:` -->
 * Use the `-d` flag，then run it.              <!-- reported: `，` -->
 * ```
 */
import type { Book, Chapter, Edit } from '@tongwen/book';
import { defineChapterRule } from '../lib/define.js';
import { everyPreset, type RunCache } from '../lib/types.js';
import { OBJECT, inSpans, isCjkPunctuation, isHanAt, offsetAt, proseStreams, streamSpans, rangeOf, reportPending, type PendingFinding, type Stream } from '../lib/text.js';
import { dominantFormInSources } from './dominant.js';
import { inChineseContainer } from '../lib/container.js';
import { chineseAt, clauseEnd, colonInScheme, commaInCompanyName, halfClauseMarks, englishSentence, fullWidth, parenPairs, periodInNumber, skipSpaces, type MarkFix, type ParenPair } from './punctuation.js';

type Width = 'full' | 'half';

interface Options {
  toFullWidth: boolean;
  toHalfWidth: boolean;
  parentheses: Width | 'consistent';
}

const quotes = '"\'“”‘’「」『』';
const half: Record<string, string> = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')' };

/** The half-width marks {@link betweenChinese} and `clauseEnd` make full-width. */
const halfMarks = new RegExp(`[${halfClauseMarks}]`, 'g');
/** The full-width marks `periodInNumber`, `commaInCompanyName` and {@link inLatinSentence} make half-width. */
const fullMarks = new RegExp(`[。${Object.keys(half).join('')}]`, 'g');

/** The indexes in `[from, to)` of `text` where `marks` (a global pattern of single units) matches, in order. */
function indexesOf(text: string, marks: RegExp, from: number, to: number): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(marks)) if (match.index >= from && match.index < to) found.push(match.index);
  return found;
}

export default defineChapterRule<Options>({
  meta: {
    id: 'zh-punctuation-width',
    family: 'typography',
    scope: 'chapter',
    description: 'Punctuation must be full-width between Chinese characters and half-width in Latin sentences',
    fixable: true,
    severity: 'warning',
    presets: everyPreset,
    options: {
      toFullWidth: { type: 'boolean', default: true, description: 'Report half-width punctuation between Chinese characters or ending a Chinese clause' },
      toHalfWidth: { type: 'boolean', default: true, description: 'Report full-width punctuation inside a Latin sentence or a number' },
      parentheses: {
        type: 'string',
        enum: ['full', 'half', 'consistent'],
        default: 'full',
        description: 'Parentheses around Chinese text: `full` (`（…）`), `half` (`(…)` never reported), or `consistent` (the book’s dominant form, `full` when it has none; only the exceptions are reported)',
      },
    },
  },
  check({ chapter, book, options, cache, report }) {
    const pending: PendingFinding[] = [];
    // The book is read only by a chapter that writes `(…)` as a house style would (a rule that reads the book runs again on the whole of it).
    let parens: Width | undefined;
    const parensOf = (): Width =>
      (parens ??= options.parentheses !== 'consistent' ? options.parentheses : writesHalf(chapter, cache) ? dominantParentheses(book, chapter, cache) : 'full');
    for (const stream of proseStreams(chapter, cache)) {
      const spans = streamSpans(stream, cache);
      const add = (fix: MarkFix | undefined, extra: Edit[] = []): void => {
        if (fix && !inSpans(spans, fix.from)) push(pending, stream, fix, extra);
      };
      if (options.toFullWidth && /\p{Script=Han}/u.test(stream.text)) {
        for (const pair of parenPairs(stream.text)) if (!inSpans(spans, pair.open) && !inSpans(spans, pair.close)) pushParens(pending, stream, pair, parensOf());
        // Both read only a half-width mark (`betweenChinese`, `clauseEnd`): the other units are skipped.
        for (const i of indexesOf(stream.text, halfMarks, 1, stream.text.length)) add(betweenChinese(stream, i) ?? clauseEnd(stream.text, i));
      }
      if (options.toHalfWidth) {
        let chinese: boolean | undefined;
        const inChineseList = (): boolean => (chinese ??= inChineseContainer(chapter, stream, cache));
        // Each reads only a full-width mark (`。`, `，`, or one of {@link half}): the other units are skipped.
        for (const i of indexesOf(stream.text, fullMarks, 1, stream.text.length - 1)) add(colonInScheme(stream.text, i) ?? periodInNumber(stream.text, i) ?? commaInCompanyName(stream.text, i) ?? inLatinSentence(stream.text, i, inChineseList));
      }
    }
    reportPending(chapter, pending, cache, report);
  },
});

/** Queue a finding for a mark fix; reported without a fix when its source is not plain prose. */
function push(pending: PendingFinding[], stream: Stream, fix: MarkFix, extra: Edit[]): void {
  const start = offsetAt(stream, fix.from);
  if (start === undefined) return;
  const range = rangeOf(stream, fix.from, fix.to);
  pending.push({ stream, edits: range ? [{ ...range, text: fix.text }, ...extra] : [], message: fix.message, start, end: start + 1 });
}

/** Half-width `, . : ; ! ?` between Chinese characters (spaces after it are dropped). */
function betweenChinese(stream: Stream, i: number): MarkFix | undefined {
  const text = stream.text;
  const char = text[i]!;
  if (!halfClauseMarks.includes(char) || !chineseAt(text, i - 1)) return undefined;
  const next = skipSpaces(text, i + 1);
  if (!chineseAt(text, next) || text[next] === '…' || text[next] === '—') return undefined;
  if (char === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) return undefined;
  if (char === ':' && next === i + 1 && identifier(stream, i)) return undefined;
  // A punctuation mark quoted as itself (`使用英文逗号“,”分隔`).
  if (quotes.includes(text[i - 1]!) && quotes.includes(text[i + 1]!)) return undefined;
  return { from: i, to: next, text: fullWidth[char]!, message: `Unexpected half-width \`${char}\` between Chinese characters, expected \`${fullWidth[char]}\`` };
}

/**
 * Full-width punctuation inside a Latin sentence, or inside an English
 * phrase quoted in a Chinese sentence (`如 Use the flag，then run it 所示`).
 * A list item or table cell holding only names in a Chinese list or table
 * (`- GitHub：yeasy`) is Chinese.
 */
function inLatinSentence(text: string, i: number, inChineseList: () => boolean): MarkFix | undefined {
  const char = text[i]!;
  const ascii = half[char];
  if (!ascii) return undefined;
  if (!/[A-Za-z0-9]/.test(text[i - 1]!) && !(char === '（' && text[i - 1] === ' ')) return undefined;
  if (!/[A-Za-z0-9 ]/.test(text[i + 1]!)) return undefined;
  const sentence = sentenceAround(text, i);
  let where = 'a Latin sentence';
  if (/\p{Script=Han}/u.test(sentence)) {
    if (!inEnglishPhrase(text, i)) return undefined;
    where = 'an English phrase';
  } else if (/[。！？]$/.test(sentence) || (!englishSentence(sentence) && inChineseList())) return undefined; // a sentence ended by a full-width stop is Chinese
  const replacement = ascii + ('（）'.includes(char) || text[i + 1] === ' ' ? '' : ' ');
  return { from: i, to: i + 1, text: replacement, message: `Unexpected full-width \`${char}\` in ${where}, expected \`${ascii}\`` };
}

/**
 * Whether the mark at `i` joins two parts of one English sentence quoted in
 * Chinese text: the Latin text around it reads as a sentence, and goes on
 * after the mark in lower case (`Use the flag，then run it`). Parentheses
 * (`Container as a Service（CaaS）`) and a mark before a name
 * (`Service，CaaS 是…`) belong to the Chinese sentence.
 */
function inEnglishPhrase(text: string, i: number): boolean {
  if ('（）'.includes(text[i]!)) return false;
  const run = latinRun(text, i);
  const after = /^\s*([A-Za-z]+)/.exec(text.slice(i + 1))?.[1];
  return after !== undefined && after === after.toLowerCase() && englishSentence(run);
}

/** The Latin text around `i` (which it includes): up to Chinese text, full-width punctuation or a line break on each side. */
function latinRun(text: string, i: number): string {
  const latin = (k: number): boolean => text[k] !== '\n' && !isHanAt(text, k) && !isCjkPunctuation(text[k]);
  let from = i;
  while (from > 0 && latin(from - 1)) from--;
  let to = i + 1;
  while (to < text.length && latin(to)) to++;
  return text.slice(from, to);
}

/** What a pair of parentheses holds and where it stands. */
function parenContext(text: string, pair: ParenPair): { chinese: boolean; innerHan: boolean } {
  const inner = text.slice(pair.open + 1, pair.close);
  let before = pair.open - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  const after = skipSpaces(text, pair.close + 1);
  const innerHan = /\p{Script=Han}/u.test(inner) && !/^[\s\w.,:;!?'"/-]*$/u.test(inner);
  return { chinese: chineseAt(text, pair.open - 1) || (innerHan && (chineseAt(text, before) || chineseAt(text, after))), innerHan };
}

/** Whether a pair stands after Chinese text (spaces between allowed: `组件 (component)`) or holds some. */
function nextToChinese(text: string, pair: ParenPair): boolean {
  let before = pair.open - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  return chineseAt(text, before) || parenContext(text, pair).chinese;
}

/** Report a pair whose width is not the convention's (in Chinese text), or a pair of mismatched widths. */
function pushParens(pending: PendingFinding[], stream: Stream, pair: ParenPair, convention: Width): void {
  const text = stream.text;
  const openFull = text[pair.open] === '（';
  const closeFull = text[pair.close] === '）';
  const { chinese, innerHan } = parenContext(text, pair);
  const b = (mark: string): Edit[] => {
    const range = rangeOf(stream, pair.close, pair.close + 1);
    return range ? [{ ...range, text: mark }] : [];
  };
  if (openFull === closeFull) {
    if (!openFull && chinese && convention === 'full') {
      const what = innerHan ? 'around Chinese text' : 'after Chinese text';
      push(pending, stream, { from: pair.open, to: pair.open + 1, text: '（', message: `Unexpected half-width \`(…)\` ${what}, expected \`（…）\`` }, b('）'));
    } else if (openFull && convention === 'half') {
      push(pending, stream, { from: pair.open, to: pair.open + 1, text: '(', message: 'Unexpected full-width `（…）`, expected `(…)` as in the rest of the book' }, b(')'));
    }
    return;
  }
  // Mismatched: the odd mark takes the width the pair should have.
  const width: Width = chinese || innerHan ? convention : 'half';
  const odd = (width === 'full') === openFull ? pair.close : pair.open;
  const seen = text[odd]!;
  const wanted = width === 'full' ? fullWidth[seen]! : half[seen]!;
  const other = odd === pair.open ? text[pair.close] : text[pair.open];
  push(pending, stream, { from: odd, to: odd + 1, text: wanted, message: `Unexpected \`${seen}\` paired with \`${other}\`, expected \`${wanted}\`` }, []);
}

/** A form of parentheses is a house style when the book writes it at least this many times (and two thirds of its pairs). */
const conventionMinimum = 3;

/** The parentheses convention a book follows: `half` when its half-width pairs set off by a space in Chinese text make two thirds of its pairs (and three at least). */
function dominantParentheses(book: Book | undefined, chapter: Chapter, cache: RunCache): Width {
  // Counted over the sources' prose lines: the book's chapters are not parsed again.
  return dominantFormInSources('parentheses', { book, chapter, cache }, ['full', 'half'], 'full', (line, add) => {
    for (const pair of parenPairs(line)) {
      const openFull = line[pair.open] === '（';
      if (openFull !== (line[pair.close] === '）')) continue;
      if (openFull) add('full');
      else if (spacedHalf(line, pair)) add('half');
    }
  }, conventionMinimum);
}

/** Only `组件 (component)`, half-width and set off by a space next to Chinese, is a house style: `关系(xxx)` is what a converter that flattened `（）` leaves. */
function spacedHalf(text: string, pair: ParenPair): boolean {
  return text[pair.open] === '(' && text[pair.close] === ')' && ' \t'.includes(text[pair.open - 1] ?? '\n') && nextToChinese(text, pair);
}

/** Whether a chapter writes a half-width pair next to Chinese text: only then can the book's convention change what is reported in it. */
function writesHalf(chapter: Chapter, cache: RunCache): boolean {
  return proseStreams(chapter, cache).some((stream) => /\p{Script=Han}/u.test(stream.text) && parenPairs(stream.text).some((pair) => stream.text[pair.open] === '(' && nextToChinese(stream.text, pair)));
}

/**
 * `镜像名:标签`: a colon between two short Chinese words standing alone — between
 * spaces, brackets or quotes, or as a whole table cell — is an identifier, not a
 * sentence (`他说:你好` is a sentence).
 */
function identifier(stream: Stream, i: number): boolean {
  const text = stream.text;
  const left = /(?:^|([^\p{Script=Han}]))(\p{Script=Han}{1,4})$/u.exec(text.slice(0, i));
  const right = /^(\p{Script=Han}{1,3})(?:$|([^\p{Script=Han}]))/u.exec(text.slice(i + 1));
  if (!left || !right) return false;
  const bound = (char: string | undefined): boolean => char === undefined ? stream.block.type === 'tableCell' : /[\s<>\[\]{}"'“”「」*_`]/.test(char) || char === OBJECT;
  return bound(left[1]) && bound(right[2]);
}

/** The sentence around `i`: up to the nearest sentence end or line break on each side. */
function sentenceAround(text: string, i: number): string {
  const end = (k: number): boolean => /[。！？\n]/.test(text[k]!) || (/[.!?]/.test(text[k]!) && (k + 1 >= text.length || /\s/.test(text[k + 1]!)));
  let from = i;
  while (from > 0 && !end(from - 1)) from--;
  let to = i;
  while (to < text.length && !end(to)) to++;
  return text.slice(from, Math.min(text.length, to + 1));
}
