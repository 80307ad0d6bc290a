/**
 * Decoding of chapter bytes. Chapters are UTF-8 (a byte-order mark is kept
 * in the text, so that a fixed file keeps it). Anything else is reported
 * with what it looks like and where, never guessed at or skipped silently.
 */

/** A decoded text, or why the bytes are not a UTF-8 text. */
export type Decoded = { text: string } | { problem: string };

// ignoreBOM keeps a byte-order mark in the text, so that the chapter knows it had one and writes it back.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode UTF-8 strictly; the 0-based byte offset of the first invalid sequence on failure. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidUtf8(bytes) };
  }
}

/**
 * Decode a text file: UTF-8 with or without a byte-order mark. UTF-16 (with
 * a byte-order mark, or recognised by its zero bytes), other encodings (GBK,
 * Big5, Latin-1…: the first byte that is not UTF-8) and NUL bytes are
 * problems whose message says what was found, at which byte offset, and what
 * was expected.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const utf16 = utf16Kind(bytes);
  if (utf16) return { problem: `Unexpected UTF-16 ${utf16}, expected a UTF-8 text file: not checked` };
  const decoded = decodeUtf8(bytes);
  if ('invalidAt' in decoded) {
    return { problem: `Unexpected invalid UTF-8 at byte ${decoded.invalidAt} (GBK, Big5 or another legacy encoding?), expected a UTF-8 text file: not checked` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: `Unexpected NUL byte at byte ${nul}, expected a text file: not checked` };
  return decoded;
}

/** `LE`/`BE` with how it was recognised, when the bytes are UTF-16. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE (byte-order mark `FF FE`)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE (byte-order mark `FE FF`)';
  const sample = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  // ASCII in UTF-16 has a zero byte on one side of every pair; Han characters rarely have one on either.
  if (oddZeros >= Math.max(4, pairs * 0.1) && evenZeros * 4 < oddZeros) return 'LE without a byte-order mark (zero bytes at odd offsets)';
  if (evenZeros >= Math.max(4, pairs * 0.1) && oddZeros * 4 < evenZeros) return 'BE without a byte-order mark (zero bytes at even offsets)';
  return undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 && byte >= 0xc2 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (bytes[i + k]! >> 6 !== 0b10) return i;
    i += length;
  }
  return i;
}
