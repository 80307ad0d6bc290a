/**
 * Where half-width and full-width punctuation meet Chinese text: the
 * classes `zh-punctuation-width` reports, as pure functions over a prose
 * stream's text. Each returns the stream positions and the replacement;
 * the rule turns them into findings and verified fixes.
 */
import { OBJECT, isCjkPunctuation, isHanAt } from '../lib/text.js';

/** One mark to replace: stream range `[from, to)` becomes `text`. */
export interface MarkFix {
  from: number;
  to: number;
  text: string;
  message: string;
}

export const fullWidth: Readonly<Record<string, string>> = { ',': '，', '.': '。', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/** Closing full-width marks after which a clause can end (`（注）:`). */
const closers = '）」』》〉】”’';

/** Whether the character before `i` is Chinese: a Han character or a closing full-width mark. */
export function hanBefore(text: string, i: number): boolean {
  return i > 0 && (isHanAt(text, i - 1) || closers.includes(text[i - 1]!));
}

/** The index of the first character at or after `i` that is not a space or tab. */
export function skipSpaces(text: string, i: number): number {
  let k = i;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  return k;
}

/** The clause before `i`, back to the previous sentence or clause mark or line break. */
function clauseBefore(text: string, i: number): string {
  let from = i;
  while (from > 0 && !/[。！？；，：\n]/.test(text[from - 1]!) && !(/[.!?;,:]/.test(text[from - 1]!) && /\s/.test(text[from] ?? ''))) from--;
  return text.slice(from, i);
}

/** Whether the clause before `i` is Chinese: it has more Han characters than Latin letters. */
export function chineseClause(text: string, i: number): boolean {
  const clause = clauseBefore(text, i);
  const han = clause.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = clause.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han >= latin;
}

/** The half-width marks made full-width between or after Chinese text (`clauseEnd`, `zh-punctuation-width`'s `betweenChinese`). */
export const halfClauseMarks = ',.:;!?';

/**
 * A half-width mark that ends a Chinese clause: after a Han character, at
 * the end of the line (`组成:`, `报错.`, `需要帮助?`, `* 新增基本內容;`), or
 * before Latin text, a number or inline code (`附錄三:Docker`, `例如, npm`,
 * `命令:` + code). `.` only at the end of a line (`文件.md` is a name).
 * At the end of a line, also after a Latin word, a number or inline code
 * when the clause is Chinese (`直接使用 apt 命令安装 Docker.`,
 * `命令行工具` + code + `:`), but not an abbreviation's period (`Inc.`).
 */
export function clauseEnd(text: string, i: number): MarkFix | undefined {
  const char = text[i]!;
  if (!halfClauseMarks.includes(char)) return undefined;
  const next = skipSpaces(text, i + 1);
  const atEnd = next >= text.length || text[next] === '\n';
  // After a Latin word or inline code, only at the end of the line: `安装 Docker.`, `命令行工具 \`s3cmd\`:`.
  if (!hanBefore(text, i) && !(atEnd && latinWordEnd(text, i))) return undefined;
  const beforeLatin = !atEnd && (/[A-Za-z0-9]/.test(text[next]!) || text[next] === OBJECT);
  if (!atEnd && !(beforeLatin && char !== '.')) return undefined;
  if (char === '.' && text[i + 1] === '.') return undefined;
  // `name:value` written without a space, where the value is a lower-case word or a number (`镜像:latest`, `端口:80`): a literal.
  if (beforeLatin && char === ':' && next === i + 1 && /^[a-z0-9][\w.-]*(?:$|[\s)）])/.test(text.slice(next))) return undefined;
  if (!chineseClause(text, i)) return undefined;
  const where = atEnd ? 'at the end of a Chinese clause' : 'after Chinese text';
  return { from: i, to: atEnd ? i + 1 : next, text: fullWidth[char]!, message: `Unexpected half-width \`${char}\` ${where}, expected \`${fullWidth[char]}\`` };
}

/** Abbreviations whose own period can end a line (`Docker Inc.`, `等 etc.`): that `.` is not the sentence's. */
const abbreviation = /(?:^|[^A-Za-z])(?:Inc|Ltd|Co|Corp|etc|e\.g|i\.e|vs|al|No|Mr|Dr|St)$/;

/**
 * Whether the mark at `i` follows the end of a Latin word, a number or an
 * inline atom (code, image, HTML) rather than punctuation, and is not an
 * abbreviation's period.
 */
function latinWordEnd(text: string, i: number): boolean {
  const before = text[i - 1] ?? '';
  if (before !== OBJECT && !/[A-Za-z0-9]/.test(before)) return false;
  return text[i] !== '.' || !abbreviation.test(text.slice(Math.max(0, i - 8), i));
}

/**
 * A full-width `：` after a URL scheme (`https：//crates.io`): a script that
 * made colons full-width in Chinese text also broke the addresses in it.
 */
export function colonInScheme(text: string, i: number): MarkFix | undefined {
  if (text[i] !== '：' || !/(?:^|[^A-Za-z])(?:https?|ftp|sftp|ssh|git|file|wss?)$/i.test(text.slice(Math.max(0, i - 6), i))) return undefined;
  if (!/^[/／]{2}/.test(text.slice(i + 1, i + 3))) return undefined;
  const scheme = /[A-Za-z]+$/.exec(text.slice(0, i))![0];
  return { from: i, to: i + 1, text: ':', message: `Unexpected full-width \`：\` after the URL scheme \`${scheme}\`, expected \`:\`` };
}

/**
 * A full-width `。` inside a number: a numbered heading or list item
 * (`3。Windows 环境`) or a decimal (`3。14`).
 */
export function periodInNumber(text: string, i: number): MarkFix | undefined {
  if (text[i] !== '。' || !/[0-9]/.test(text[i - 1] ?? '')) return undefined;
  const decimal = /[0-9]/.test(text[i + 1] ?? '');
  const numbering = /(?:^|\n)[0-9]+(?:\.[0-9]+)*$/.test(text.slice(0, i)) && i + 1 < text.length && text[i + 1] !== '\n';
  if (!decimal && !numbering) return undefined;
  return { from: i, to: i + 1, text: '.', message: `Unexpected full-width \`。\` in the number \`${numberAround(text, i)}\`, expected \`.\`` };
}

function numberAround(text: string, i: number): string {
  const before = /[0-9.]*$/.exec(text.slice(0, i))?.[0] ?? '';
  const after = /^[0-9]*/.exec(text.slice(i + 1))?.[0] ?? '';
  return `${before}。${after}`;
}

/** A pair of parentheses of either width, by stream index. */
export interface ParenPair {
  open: number;
  close: number;
}

/**
 * Pair parentheses of both widths with one stack, so that a pair is never
 * made of the wrong marks: `（2.24)` is one pair (of mismatched widths), and
 * a closing mark with nothing open (`1)` in a list) pairs with nothing.
 */
export function parenPairs(text: string): ParenPair[] {
  const pairs: ParenPair[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(' || char === '（') stack.push(i);
    else if ((char === ')' || char === '）') && stack.length > 0) pairs.push({ open: stack.pop()!, close: i });
  }
  return pairs;
}

/** Whether `i` is inside or next to Chinese text (a Han character or a full-width mark). */
export function chineseAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && text[i] !== OBJECT && (isHanAt(text, i) || isCjkPunctuation(text[i]));
}

/**
 * Legal-form suffixes of company names, as written after a comma
 * (`Docker, Inc.`, `Example Co., Ltd.`). `Co` only with its period: alone
 * it is too often a word.
 */
const companySuffix = /^(?:Inc|Ltd|LLC|LLP|PLC|Corp|Corporation|Incorporated|Limited|GmbH|Pty|Co(?=\.))(?![A-Za-z])/;

/**
 * A full-width `，` inside a company name (`Docker，Inc`, `Foo Co.，Ltd`):
 * between a Latin word and a legal-form suffix, whatever language the
 * sentence is in. A comma between names (`Linux，macOS`) is a Chinese
 * enumeration and stays.
 */
export function commaInCompanyName(text: string, i: number): MarkFix | undefined {
  if (text[i] !== '，' || !/[A-Za-z0-9.]/.test(text[i - 1] ?? '')) return undefined;
  const next = skipSpaces(text, i + 1);
  const suffix = companySuffix.exec(text.slice(next))?.[0];
  if (!suffix) return undefined;
  return { from: i, to: next, text: ', ', message: `Unexpected full-width \`，\` before the company suffix \`${suffix}\`, expected \`,\`` };
}

/** English words that only a sentence has (articles, pronouns, auxiliaries): names and titles rarely do. */
const functionWords = new Set(['a', 'an', 'the', 'to', 'is', 'are', 'was', 'were', 'be', 'it', 'its', 'this', 'that', 'then', 'you', 'your', 'we', 'can', 'will', 'should', 'must', 'if', 'when', 'do', 'does', 'not']);

/**
 * Whether Latin text reads as an English sentence rather than names: at
 * least three words, one of them a function word (`Use the flag, then run
 * it` against `GitHub: yeasy`, `Vue.js: Evan You`).
 */
export function englishSentence(text: string): boolean {
  const words = text.match(/[A-Za-z]+(?:'[a-z]+)?/g) ?? [];
  // Lower-case only: `The Docker Book` and `Evan You` are names.
  return words.length >= 3 && words.some((word) => functionWords.has(word));
}
