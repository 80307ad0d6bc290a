/** Escape Markdown outside code spans (`` `…` `` kept as written, so message literals stay code). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\`*_[\]<>|~#&!@]/g, (char) => (char === '@' ? '@\u200B' : `\\${char}`))))
    .join('');
}
