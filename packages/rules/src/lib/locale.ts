import { parseLocale, type Chapter } from '@tongwen/book';
import { isAsciiLetter, isHanAt } from './text.js';
import { walk } from './walk.js';
import type { Locale, RunCache } from './types.js';

/** A locale from a language tag such as `zh-TW`, `zh_tw`, `zh-Hant-TW` (the one parser, `parseLocale` of `@tongwen/book`). */
export const localeFromTag = parseLocale;

/** The locale a chapter's front matter declares (`lang`, `locale` or `language`). */
export function localeFromFrontmatter(chapter: Chapter): Locale | undefined {
  const matter = chapter.frontmatter;
  if (!matter) return undefined;
  for (const key of ['lang', 'locale', 'language']) {
    const value = matter[key];
    if (value) {
      const locale = localeFromTag(value);
      if (locale) return locale;
    }
  }
  return undefined;
}

/** The locale a path names in one of its folders (`zh-tw/`, `pages.zh_TW/`, `zh-hant/`). */
export function localeFromPath(path: string): Locale | undefined {
  for (const segment of path.split(/[\\/]/).reverse()) {
    const match = /(?:^|[._-])(zh[-_](?:hans|hant|cn|tw|hk|mo|sg)(?:[-_](?:tw|hk|mo))?)$/i.exec(segment);
    if (match) {
      const locale = localeFromTag(match[1]!);
      if (locale) return locale;
    }
  }
  return undefined;
}

// Frequent characters that exist in one script only (prose of any technical book has dozens), and the
// forms that tell Taiwan's (為/裡) from OpenCC's standard Traditional (爲/裏); all in the BMP.
const simplifiedMark = 1;
const traditionalMark = 2;
const taiwanMark = 4;
const standardMark = 8;

/** The marks of each BMP character, by code (built once; read only). */
const marksByCode = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  const mark = (characters: string, bit: number): void => {
    for (const character of characters) table[character.charCodeAt(0)]! |= bit;
  };
  mark('这们个来时说为会发过对经还么后从实现问题关于们样将种网络数据开应', simplifiedMark);
  mark('這們個來時說為爲會發過對經還麼後從實現問題關於樣將種網絡數據開應', traditionalMark);
  mark('為裡', taiwanMark);
  mark('爲裏', standardMark);
  return table;
})();

/** How many units of a text carry each mark (one pass, nothing allocated per character). */
function countMarks(text: string): { simplified: number; traditional: number; taiwan: number; standard: number } {
  let simplified = 0;
  let traditional = 0;
  let taiwan = 0;
  let standard = 0;
  for (let i = 0; i < text.length; i++) {
    const marks = marksByCode[text.charCodeAt(i)]!;
    if (marks === 0) continue;
    if (marks & simplifiedMark) simplified++;
    if (marks & traditionalMark) traditional++;
    if (marks & taiwanMark) taiwan++;
    if (marks & standardMark) standard++;
  }
  return { simplified, traditional, taiwan, standard };
}

/**
 * The locale a chapter's characters suggest, from frequent characters that
 * exist in one script only: zh-Hans, or zh-TW when Traditional ones
 * dominate and the text writes 為/裡 (Taiwan forms), zh-Hant when it writes
 * 爲/裏 (OpenCC standard forms). `undefined` when there is too little Chinese
 * to tell. Cheap (two regular expressions over the source), so it needs no cache;
 * `cache` memoises it per file and source for repeated calls.
 */
export function detectLocale(chapter: Pick<Chapter, 'path' | 'source'>, cache?: RunCache): Locale | undefined {
  const compute = (): Locale | undefined => {
    const { simplified, traditional, taiwan, standard } = countMarks(chapter.source);
    if (simplified + traditional < 3) return undefined;
    if (traditional <= simplified * 2) return simplified >= traditional ? 'zh-Hans' : undefined;
    return taiwan >= standard ? 'zh-TW' : 'zh-Hant';
  };
  return cache ? cache.memo(`tongwen:locale:${chapter.path}:${chapter.source.length}:${chapter.source.slice(0, 64)}`, compute) : compute();
}

/**
 * Whether a chapter is written in a language other than Chinese: its prose
 * (text nodes; code, HTML and URLs left out) has fewer Han characters than
 * one in twenty letters. Script rules do not run on such a file (an English
 * README that names `書` is not a Simplified book with a mistake).
 */
export function isNotChinese(chapter: Chapter): boolean {
  let han = 0;
  let latin = 0;
  walk(chapter.tree, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return false;
    if (node.type !== 'text') return undefined;
    const counts = hanAndLatin(node.value);
    han += counts.han;
    latin += counts.latin;
    return undefined;
  });
  return han * 20 < latin || (han === 0 && latin > 0);
}

/** How many Han characters (`\p{Script=Han}`, by code point) and ASCII letters a text has. */
function hanAndLatin(text: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (isAsciiLetter(text[i]!)) latin++;
      continue;
    }
    if (isHanAt(text, i)) han++;
    // A pair is one character (Han or not, an emoji): its low surrogate is not read again.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return { han, latin };
}

/**
 * The dominant locale of a book: the locale most of its chapters are
 * detected in (ties: the first in {@link locales} order), `undefined` when
 * no chapter has enough text to tell. The fallback of a chapter too short to
 * decide, instead of a fixed default.
 */
export function dominantLocale(chapters: Iterable<Pick<Chapter, 'path' | 'source'>>, cache?: RunCache): Locale | undefined {
  const counts = new Map<Locale, number>();
  for (const chapter of chapters) {
    const locale = detectLocale(chapter, cache);
    if (locale) counts.set(locale, (counts.get(locale) ?? 0) + 1);
  }
  let best: Locale | undefined;
  for (const [locale, count] of counts) if (best === undefined || count > counts.get(best)!) best = locale;
  return best;
}
