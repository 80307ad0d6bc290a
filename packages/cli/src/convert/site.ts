import { dialectDefaults, type SiteOptions, type SlugFlavour } from '@tongwen/book';
import { loadConfig, siteSettings } from '@tongwen/linter';

/** What a book's site says about its links: the slug flavour of its anchors and how it serves site-absolute links. */
export interface BookSite {
  slug: SlugFlavour;
  /** Absent when the site serves nothing but the defaults (no dialect, no configured folders or base). */
  site?: SiteOptions;
}

/**
 * The slug flavour and site of the book at `root`, as `tongwen check` reads
 * them: the configuration (`slug`, `dialect`, `publicDir`, `siteBase`), else
 * the dialect detected from the project's files (Hexo's case-keeping slugs
 * and `source/`, VitePress's `public/`…), else GitHub's slugs. A bad
 * configuration throws (`ConfigError`).
 */
export function bookSite(root: string): BookSite {
  const settings = siteSettings(loadConfig(root).config, { root });
  const routeDirs = settings.dialect ? dialectDefaults(settings.dialect).routeDirs : [];
  const site: SiteOptions = {
    ...(settings.publicDirs ? { publicDirs: settings.publicDirs } : {}),
    ...(routeDirs.length > 0 ? { routeDirs } : {}),
    ...(settings.siteBase ? { siteBase: settings.siteBase } : {}),
  };
  return { slug: settings.slug, ...(Object.keys(site).length > 0 ? { site } : {}) };
}
