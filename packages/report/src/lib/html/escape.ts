import { escapeXml } from '../text.js';

/** Escape any value from content for HTML text or a double-quoted attribute value. */
export const esc = (value: string | number): string => escapeXml(String(value));

/** A message with its `` `literals` `` as `<code>`, every piece escaped. */
export function messageHtml(message: string): string {
  return message
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');
}

/** A link, or plain text when there is no allowed href. `href` must come from `fileHref` (http(s) or relative). */
export function linkHtml(href: string | undefined, text: string, className: string): string {
  return href === undefined ? `<span class="${className}">${esc(text)}</span>` : `<a class="${className}" href="${esc(href)}">${esc(text)}</a>`;
}
