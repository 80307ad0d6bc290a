import path from 'node:path';
import { detectDialect, dialectDefaults, type Dialect, type SlugFlavour } from '@tongwen/book';
import type { Settings } from '@tongwen/rules';
import { folderNames, gitTop } from '@tongwen/workspace';
import type { Config } from './config.js';
import type { BookSpec } from './load.js';

/** Folders whose content tells a dialect apart (their files are listed one level down). */
const telling = new Set(['.vitepress', 'content', 'layouts', 'source', 'scaffolds']);

/**
 * The dialect of the project around a book root: the first one that the
 * files of the root, or of up to two folders above it (an mdBook's `src/`,
 * a VitePress `docs/`), say; never above a `.git` folder.
 */
export function projectDialect(root: string): Dialect | undefined {
  let dir = path.resolve(root);
  const top = gitTop(dir);
  for (let level = 0; level < 3; level++) {
    const dialect = detectDialect(folderNames(dir, (name) => telling.has(name)));
    if (dialect) return dialect;
    const parent = path.dirname(dir);
    if (dir === top || parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * The settings a book's dialect gives, the configuration first: `slug`
 * (configured; else mdBook's for an mdBook; else the dialect's; else
 * GitHub's), `dialect` (configured, else detected), `publicDirs`, `siteBase`.
 */
export function siteSettings(config: Config, spec: BookSpec): Pick<Settings, 'slug' | 'dialect' | 'publicDirs' | 'siteBase'> {
  const dialect = config.dialect ?? (spec.grammar === 'mdbook' ? 'mdbook' : projectDialect(spec.root));
  const defaults = dialect ? dialectDefaults(dialect) : undefined;
  const slug: SlugFlavour = config.slug ?? defaults?.slug ?? 'github';
  const publicDirs = config.publicDir === undefined ? defaults?.publicDirs : typeof config.publicDir === 'string' ? [config.publicDir] : config.publicDir;
  return { slug, ...(dialect ? { dialect } : {}), ...(publicDirs ? { publicDirs } : {}), ...(config.siteBase ? { siteBase: config.siteBase } : {}) };
}
