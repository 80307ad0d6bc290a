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
