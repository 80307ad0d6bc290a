import stringWidth from 'string-width';

/**
 * Display width in a terminal: CJK and other wide characters take two columns.
 * In a module of its own: string-width builds Unicode property patterns when it
 * loads (about 60 ms of CPU), which only the formats that draw source lines need.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
