import type { FormatContext, Summary } from './types.js';

/** `1 error`, `2 errors`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `1 error, 2 warnings`, then `, 3 infos` when there are infos. */
export function countsText(summary: Summary): string {
  return [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), ...(summary.infos ? [plural(summary.infos, 'info')] : [])].join(', ');
}

/** The text of a 1-based source line, when the context carries it. */
export function sourceLine(context: FormatContext, file: string, line: number): string | undefined {
  return context.sources?.[file]?.[line];
}

/** The 1-based UTF-8 byte column of a 1-based UTF-16 column of `text`. */
export function utf8Column(text: string, column: number): number {
  return Buffer.byteLength(text.slice(0, Math.max(0, column - 1)), 'utf8') + 1;
}

/** Characters that XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF). */
const invalidXml = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove characters that XML 1.0 cannot hold. */
export function stripInvalidXml(text: string): string {
  return text.replace(invalidXml, '');
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for XML or HTML text and quoted attribute values. */
export function escapeXml(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"']/g, (char) => entities[char]!);
}
