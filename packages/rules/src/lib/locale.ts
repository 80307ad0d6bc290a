import type { Chapter } from '@tongwen/book';
import type { Locale } from './types.js';

const byTag: Record<string, Locale> = {
  'zh-hans': 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  zh: 'zh-Hans',
  'zh-hant': 'zh-Hant',
  'zh-tw': 'zh-TW',
  'zh-hk': 'zh-HK',
  'zh-mo': 'zh-HK',
};

/** A locale from a language tag such as `zh-TW`, `zh_tw`, `zh-Hant-TW`; undefined when unknown. */
export function localeFromTag(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (byTag[lower]) return byTag[lower];
  if (/^zh-hant-(tw)$/.test(lower)) return 'zh-TW';
  if (/^zh-hant-(hk|mo)$/.test(lower)) return 'zh-HK';
  if (/^zh-hans-/.test(lower)) return 'zh-Hans';
  return undefined;
}

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
