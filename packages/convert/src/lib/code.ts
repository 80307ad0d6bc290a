/**
 * Chinese inside code that readers read (`--code`): comments of fenced code
 * blocks, by the language of the fence's info string, and `{{…}}`
 * placeholders of inline code (tldr's `{{路径/到/文件}}`). Never a keyword,
 * an identifier, a string literal or a path: only the text of comments and
 * placeholders is prose.
 */
import type { Piece } from './pieces.js';

/**
 * What of code is converted: `none` (default: every byte of code stays),
 * `placeholders` (`{{…}}` in inline code), `comments` (comments of fenced
 * code blocks whose language is known), `all` (both).
 */
export type CodeMode = 'none' | 'placeholders' | 'comments' | 'all';

/** Every {@link CodeMode}. */
export const codeModes: readonly CodeMode[] = ['none', 'placeholders', 'comments', 'all'];

/** How a language writes comments and strings. */
export interface CommentSyntax {
  /** Markers of comments that run to the end of the line. */
  line: readonly string[];
  /** Openers and closers of block comments. */
  block: ReadonlyArray<readonly [string, string]>;
  /** Quotes of string literals (skipped: a string is data, never prose). */
  quotes: readonly string[];
  /** A line comment starts only at the start of a word (shell's `a#b` is no comment). */
  wordStart?: boolean;
  /** Triple-quoted strings (Python docstrings are strings). */
  triple?: boolean;
}

const hash = { line: ['#'], block: [], quotes: ['"', "'"] } as const;
const shell: CommentSyntax = { ...hash, quotes: ['"', "'", '`'], wordStart: true };
const cLike: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'", '`'] };
const families: ReadonlyArray<readonly [CommentSyntax, readonly string[]]> = [
  [shell, ['sh', 'bash', 'shell', 'zsh', 'fish', 'ksh', 'shellscript', 'dockerfile', 'docker', 'makefile', 'make', 'nginx', 'conf', 'apache', 'gitignore', 'ignore', 'dotenv', 'env']],
  [{ ...hash, wordStart: true }, ['yaml', 'yml']],
  [{ ...hash, triple: true }, ['python', 'py', 'python3', 'py3', 'gyp']],
  [hash, ['ruby', 'rb', 'perl', 'pl', 'r', 'toml', 'cmake', 'elixir', 'ex', 'exs', 'julia', 'jl', 'nim', 'tcl', 'awk', 'properties', 'coffee', 'coffeescript', 'graphql', 'gql', 'hcl', 'terraform', 'tf']],
  [{ ...hash, block: [['<#', '#>']] }, ['powershell', 'ps1', 'ps', 'pwsh']],
  [
    cLike,
    [
      'c', 'h', 'cpp', 'c++', 'cc', 'cxx', 'hpp', 'cs', 'csharp', 'c#', 'java', 'js', 'javascript', 'jsx',
      'mjs', 'cjs', 'ts', 'typescript', 'tsx', 'mts', 'cts', 'go', 'golang', 'kotlin', 'kt', 'kts', 'swift',
      'scala', 'dart', 'groovy', 'gradle', 'jsonc', 'json5', 'objc', 'objectivec', 'objective-c', 'solidity',
      'sol', 'zig', 'proto', 'protobuf', 'less', 'scss', 'glsl', 'hlsl', 'verilog', 'v', 'd', 'vala', 'haxe',
      'actionscript', 'as',
    ],
  ],
  [{ ...cLike, quotes: ['"'] }, ['rust', 'rs']],
  [{ ...cLike, line: ['//', '#'] }, ['php']],
  [{ line: [], block: [['/*', '*/']], quotes: ['"', "'"] }, ['css']],
  [{ line: ['--'], block: [['/*', '*/']], quotes: ["'", '"'] }, ['sql', 'mysql', 'pgsql', 'postgresql', 'plsql', 'sqlite']],
  [{ line: ['--'], block: [['--[[', ']]']], quotes: ['"', "'"] }, ['lua']],
  [{ line: ['--'], block: [['{-', '-}']], quotes: ['"'] }, ['haskell', 'hs', 'elm', 'purescript']],
  [{ line: [], block: [['<!--', '-->']], quotes: [] }, ['html', 'htm', 'xml', 'xhtml', 'svg', 'vue', 'svelte', 'xaml', 'plist', 'wxml']],
  [{ line: [';'], block: [], quotes: ['"'] }, ['lisp', 'clojure', 'clj', 'cljs', 'scheme', 'racket', 'elisp', 'emacs-lisp', 'asm', 'nasm', 'x86asm', 'ini', 'dosini']],
  [{ line: ['%'], block: [], quotes: [] }, ['tex', 'latex', 'matlab', 'octave', 'erlang', 'erl']],
  [{ line: ['"'], block: [], quotes: [] }, ['vim', 'viml', 'vimscript']],
];

/**
 * The comment syntax of a fenced code block's language (the first word of
 * its info string, case-insensitive: `bash`, `Python {1,3}`, `js title="x"`),
 * or `undefined` for a language whose comments are not known (then nothing
 * of the block is converted).
 */
export function commentSyntax(lang: string | null | undefined): CommentSyntax | undefined {
  const name = lang?.trim().split(/[\s{,]/)[0]?.toLowerCase();
  if (!name) return undefined;
  for (const [syntax, names] of families) if (names.includes(name)) return syntax;
  return undefined;
}

/**
 * The text of every comment of `source[start, end)` (markers excluded) as
 * pieces to convert, with inline code spans and URLs in them kept as they
 * are. Strings are skipped, so a marker inside a string is no comment.
 */
export function commentPieces(source: string, start: number, end: number, syntax: CommentSyntax): Piece[] {
  const pieces: Piece[] = [];
  for (let i = start; i < end; ) {
    const skipped = skipString(source, i, end, syntax);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const block = syntax.block.find(([open]) => source.startsWith(open, i));
    if (block) {
      const close = source.indexOf(block[1], i + block[0].length);
      const stop = close < 0 || close > end ? end : close;
      pieces.push(...prosePieces(source, i + block[0].length, stop));
      i = stop + (close < 0 ? 0 : block[1].length);
      continue;
    }
    const line = syntax.line.find((marker) => source.startsWith(marker, i));
    if (line && (!syntax.wordStart || i === start || /\s/.test(source[i - 1]!))) {
      const newline = source.indexOf('\n', i);
      const stop = newline < 0 || newline > end ? end : newline;
      pieces.push(...prosePieces(source, i + line.length, stop));
      i = stop;
      continue;
    }
    i++;
  }
  return pieces;
}

/** Where a string literal starting at `i` ends (after its closing quote), or `i` when none starts there. */
function skipString(source: string, i: number, end: number, syntax: CommentSyntax): number {
  const quote = syntax.quotes.find((q) => source[i] === q);
  if (!quote) return i;
  const triple = syntax.triple && source.startsWith(quote.repeat(3), i) ? quote.repeat(3) : undefined;
  if (triple) {
    const close = source.indexOf(triple, i + 3);
    return close < 0 || close + 3 > end ? end : close + 3;
  }
  for (let k = i + 1; k < end; k++) {
    const char = source[k];
    if (char === '\\' && quote !== "'") k++;
    else if (char === quote) return k + 1;
    else if (char === '\n' && quote !== '`') return k;
  }
  return end;
}

/** Prose of a comment's text: inline code spans and URLs kept as written. */
function prosePieces(source: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  const text = source.slice(start, end);
  let cursor = 0;
  for (const match of text.matchAll(/`[^`\n]*`|[a-z][a-z0-9+.-]*:\/\/\S+/gi)) {
    if (match.index > cursor) pieces.push({ start: start + cursor, end: start + match.index, convert: true, value: text.slice(cursor, match.index) });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) pieces.push({ start: start + cursor, end, convert: true, value: text.slice(cursor) });
  return pieces;
}

/** The content of a fenced code block in its source `[start, end)`: after the opening fence line, before the closing one. */
export function fencedContent(source: string, start: number, end: number): { start: number; end: number } | undefined {
  if (!/^[`~]{3,}/.test(source.slice(start, start + 3))) return undefined;
  const first = source.indexOf('\n', start);
  if (first < 0 || first >= end) return undefined;
  const lastLine = source.lastIndexOf('\n', end - 1);
  const closing = lastLine > first && /^[ \t>]*(`{3,}|~{3,})[ \t]*\r?$/.test(source.slice(lastLine + 1, end));
  return { start: first + 1, end: closing ? lastLine + 1 : end };
}

/** The text of every `{{…}}` placeholder of inline code `source[start, end)`, as pieces to convert. */
export function placeholderPieces(source: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  for (const match of source.slice(start, end).matchAll(/\{\{([^{}`\n]+)\}\}/g)) {
    const from = start + match.index + 2;
    pieces.push({ start: from, end: from + match[1]!.length, convert: true, value: match[1]! });
  }
  return pieces;
}
