import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Edit } from '@tongwen/book';
import type { TextConverter } from './engine.js';

/**
 * A stretch of the source: either prose that may be converted (`convert`),
 * or syntax that must stay byte-identical (an escape, an entity, a container
 * prefix such as `> `, a code span). `value` is what the stretch contributes
 * to the node's value (equal to the source for prose).
 */
export interface Piece {
  start: number;
  end: number;
  convert: boolean;
  value: string;
}

const asciiPunctuation = /^[!-/:-@[-`{-~]$/;
const entityPattern = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/;

/** The text an entity at `source[i]` stands for, with its source length. */
export function entityAt(source: string, i: number, end: number): { length: number; value: string } | undefined {
  if (source.charCodeAt(i) !== 38) return undefined;
  const match = entityPattern.exec(source.slice(i, Math.min(end, i + 40)));
  if (!match) return undefined;
  let value: string | false;
  if (match[1] !== undefined || match[2] !== undefined) {
    const code = Number.parseInt(match[1] ?? match[2]!, match[1] !== undefined ? 16 : 10);
    value = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  } else {
    value = decodeNamedCharacterReference(match[3]!);
  }
  return value === false ? undefined : { length: match[0].length, value };
}

/**
 * Align the source range `[start, end)` with the value mdast made of it:
 * characters that appear as they are become prose, escapes and entities
 * stay as written, and source characters absent from the value (container
 * prefixes, stripped indentation) stay as written. Characters of the value's
 * last `protectTail` code units (an explicit `{#id}`) are never prose.
 * Returns `undefined` when source and value cannot be aligned: then nothing
 * of the node is converted.
 */
export function alignPieces(source: string, start: number, end: number, value: string, protectTail = 0): Piece[] | undefined {
  const slice = source.slice(start, end);
  const protectFrom = value.length - protectTail;
  if (slice === value) {
    if (protectTail <= 0) return [{ start, end, convert: true, value }];
    return [
      { start, end: start + protectFrom, convert: true, value: value.slice(0, protectFrom) },
      { start: start + protectFrom, end, convert: false, value: value.slice(protectFrom) },
    ];
  }
  const pieces: Piece[] = [];
  const push = (from: number, to: number, convert: boolean, text: string): void => {
    const last = pieces[pieces.length - 1];
    if (last && last.convert === convert && last.end === from) {
      last.end = to;
      last.value += text;
    } else pieces.push({ start: from, end: to, convert, value: text });
  };
  let j = 0;
  for (let i = start; i < end; ) {
    const char = source[i]!;
    if (char === '\\' && i + 1 < end && asciiPunctuation.test(source[i + 1]!) && value[j] === source[i + 1]) {
      push(i, i + 2, false, source[i + 1]!);
      i += 2;
      j += 1;
      continue;
    }
    if (char === '&') {
      const entity = entityAt(source, i, end);
      if (entity && value.startsWith(entity.value, j)) {
        push(i, i + entity.length, false, entity.value);
        i += entity.length;
        j += entity.value.length;
        continue;
      }
    }
    if (j < value.length && char === value[j]) {
      push(i, i + 1, j < protectFrom, char);
      i += 1;
      j += 1;
      continue;
    }
    push(i, i + 1, false, '');
    i += 1;
  }
  return j === value.length ? pieces : undefined;
}

/** Options of {@link rawPieces}. */
export interface RawPiecesOptions {
  /** Keep backslash escapes as written (Markdown); default `true`. */
  escapes?: boolean;
}

/**
 * Split raw source (a link title, HTML text, a front-matter value) into prose
 * and syntax: backslash escapes and character references stay as written.
 */
export function rawPieces(source: string, start: number, end: number, options: RawPiecesOptions = {}): Piece[] {
  const escapes = options.escapes ?? true;
  const pieces: Piece[] = [];
  let runStart = start;
  const flush = (to: number): void => {
    if (to > runStart) pieces.push({ start: runStart, end: to, convert: true, value: source.slice(runStart, to) });
  };
  for (let i = start; i < end; ) {
    if (escapes && source[i] === '\\' && i + 1 < end && asciiPunctuation.test(source[i + 1]!)) {
      flush(i);
      pieces.push({ start: i, end: i + 2, convert: false, value: source[i + 1]! });
      i += 2;
      runStart = i;
      continue;
    }
    const entity = source[i] === '&' ? entityAt(source, i, end) : undefined;
    if (entity) {
      flush(i);
      pieces.push({ start: i, end: i + entity.length, convert: false, value: entity.value });
      i += entity.length;
      runStart = i;
      continue;
    }
    i++;
  }
  flush(end);
  return pieces;
}

const cjk = /[\u2e80-\u2fdf\u3000-\u303f\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ud840-\ud8bf]/;

/** Whether text holds anything OpenCC may change (CJK ideographs, CJK punctuation, compatibility forms). */
export function mayConvert(text: string): boolean {
  return cjk.test(text);
}

/**
 * Convert the prose pieces, appending one edit per changed stretch (common
 * prefix and suffix trimmed, never inside a surrogate pair) to `edits`.
 * Returns the converted value.
 */
export function convertPieces(pieces: readonly Piece[], convert: TextConverter, edits: Edit[]): string {
  let value = '';
  for (const piece of pieces) {
    if (!piece.convert || !mayConvert(piece.value)) {
      value += piece.value;
      continue;
    }
    const out = convert(piece.value);
    value += out;
    if (out !== piece.value) edits.push(trimmedEdit(piece.start, piece.value, out));
  }
  return value;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The edit replacing `before` (at `start`) by `after`, without their common prefix and suffix. */
export function trimmedEdit(start: number, before: string, after: string): Edit {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: start + prefix, end: start + before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}
