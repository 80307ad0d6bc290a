import type { SlugFlavour } from './types.js';

/** A Chinese locale (script variant) of a file, and a direction of conversion. */
export type Locale = 'zh-Hans' | 'zh-Hant' | 'zh-TW' | 'zh-HK';

/** Every {@link Locale}, in the order the CLI lists them. */
export const locales: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'];

/** Every slug flavour (how a platform turns a heading into an anchor), for validation and help. */
export const slugFlavours: readonly SlugFlavour[] = ['github', 'gitbook', 'vitepress', 'mdbook', 'hexo'];

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

/**
 * Parse a locale as users write it: `zh-Hans`, `zh-hant`, `zh_TW`, `zh-CN`,
 * `zh-Hant-TW`…; `undefined` when unknown. The one locale parser of
 * `--locale`, `--to`, `--from`, configuration, front matter and paths.
 */
export function parseLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (byTag[lower]) return byTag[lower];
  if (/^zh-hant-(tw)$/.test(lower)) return 'zh-TW';
  if (/^zh-hant-(hk|mo)$/.test(lower)) return 'zh-HK';
  if (/^zh-hans-/.test(lower)) return 'zh-Hans';
  return undefined;
}

/** Two folders of a book that are editions of one text in two scripts (see {@link localeEditions}). */
export interface EditionPair {
  /** The Simplified edition's folder, from the book root (`source/zh-cn`, `pages.zh`). */
  source: string;
  /** The Traditional edition's folder (`source/zh-tw`, `pages.zh_TW`). */
  mirror: string;
}

/** A folder name that ends in a Chinese locale tag after a separator or nothing: `zh-cn`, `pages.zh_TW`, `zh-Hant`. */
const editionName = /^(.*?[._-]?)(zh(?:[-_][a-z]{2,4}){0,2})$/i;

/**
 * The editions among the folders of a book (paths from the book root,
 * `/`-separated): folders beside each other whose names differ only in a
 * trailing Chinese locale tag (`source/zh-cn` + `source/zh-tw`, `pages.zh`
 * + `pages.zh_TW`, `i18n/zh-Hans` + `i18n/zh-Hant`, `content/zh` +
 * `content/zh-tw`). The one Simplified folder of such a group is the source
 * of each Traditional one; a group with no or two Simplified folders gives
 * nothing. In the order of `folders`.
 */
export function localeEditions(folders: Iterable<string>): EditionPair[] {
  const groups = new Map<string, Array<{ folder: string; locale: Locale }>>();
  for (const folder of folders) {
    const slash = folder.lastIndexOf('/');
    const match = editionName.exec(folder.slice(slash + 1));
    const locale = match ? parseLocale(match[2]!) : undefined;
    if (!match || !locale) continue;
    const key = `${folder.slice(0, slash + 1)}${match[1]!.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), { folder, locale }]);
  }
  const pairs: EditionPair[] = [];
  for (const members of groups.values()) {
    const sources = members.filter((member) => member.locale === 'zh-Hans');
    if (sources.length !== 1) continue;
    for (const member of members) if (member.locale !== 'zh-Hans') pairs.push({ source: sources[0]!.folder, mirror: member.folder });
  }
  return pairs;
}
