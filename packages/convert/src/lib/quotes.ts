import type { Locale } from './profiles.js';

/** Quotation marks: `curly` “ ” ‘ ’ (zh-Hans) or `corner` 「 」 『 』 (zh-Hant, zh-TW, zh-HK). */
export type QuoteStyle = 'curly' | 'corner';

/** The usual quotation style of a locale (what the `zh-quotes` rule expects by default). */
export function defaultQuoteStyle(locale: Locale): QuoteStyle {
  return locale === 'zh-Hans' ? 'curly' : 'corner';
}

const toCorner: Record<string, string> = { '“': '「', '”': '」', '‘': '『', '’': '』' };
const toCurly: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
const latin = /[A-Za-z]/;

/**
 * A function that rewrites the quotation marks of prose into `style`,
 * character for character (lengths never change). A curly single quote
 * between two Latin letters is an apostrophe (`it’s`) and stays.
 */
export function quoteConverter(style: QuoteStyle): (text: string) => string {
  const table = style === 'corner' ? toCorner : toCurly;
  const pattern = style === 'corner' ? /[“”‘’]/g : /[「」『』]/g;
  return (text) =>
    text.replace(pattern, (mark, index: number) => {
      if ((mark === '’' || mark === '‘') && latin.test(text[index - 1] ?? '') && latin.test(text[index + 1] ?? '')) return mark;
      return table[mark] ?? mark;
    });
}
