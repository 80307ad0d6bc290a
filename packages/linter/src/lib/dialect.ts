import { existsSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { detectDialect, dialectDefaults, type Dialect, type SlugFlavour } from '@tongwen/book';
import type { Settings } from '@tongwen/rules';
import type { Config } from './config.js';
import type { BookSpec } from './load.js';

/** Folders whose content tells a dialect apart (their files are listed one level down). */
const telling = new Set(['.vitepress', 'content', 'layouts', 'source', 'scaffolds']);

/** The names under `dir` (one level; the telling folders two levels), `/`-separated; `[]` when unreadable. */
function namesIn(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) {
      names.push(entry.name);
      continue;
    }
    if (!telling.has(entry.name)) continue;
    let inner: Dirent[] = [];
    try {
      inner = readdirSync(path.join(dir, entry.name), { withFileTypes: true });
    } catch {
      // An unreadable folder tells nothing.
    }
    names.push(`${entry.name}/.`);
    // A folder inside is given as `folder/inner/.`.
    for (const child of inner) names.push(`${entry.name}/${child.name}${child.isDirectory() ? '/.' : ''}`);
  }
  return names;
}

/**
 * The dialect of the project around a book root: the first one that the
 * files of the root, or of up to two folders above it (an mdBook's `src/`,
 * a VitePress `docs/`), say; never above a `.git` folder.
 */
export function projectDialect(root: string): Dialect | undefined {
  let dir = path.resolve(root);
  for (let level = 0; level < 3; level++) {
    const names = namesIn(dir);
    const dialect = detectDialect(names);
    if (dialect) return dialect;
    const parent = path.dirname(dir);
    if (existsSync(path.join(dir, '.git')) || parent === dir) break;
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
