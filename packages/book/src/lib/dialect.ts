/**
 * Documentation dialects: the site tool a book is written for, found from the
 * project's own files, and what it implies for the book model (slug flavour,
 * folders served at the site root). Pure: the caller lists the files.
 */
import type { SlugFlavour } from './types.js';

/** The site tools whose conventions the book model knows. */
export type Dialect = 'gitbook' | 'mdbook' | 'hugo' | 'vitepress' | 'docusaurus' | 'nextjs' | 'hexo' | 'docsify';

/** Every dialect, for validation. */
export const dialects: readonly Dialect[] = ['gitbook', 'mdbook', 'hugo', 'vitepress', 'docusaurus', 'nextjs', 'hexo', 'docsify'];

/** What a dialect implies. */
export interface DialectDefaults {
  /** How the site makes heading anchors. */
  slug: SlugFlavour;
  /** Folders (from the site's source root) whose files the site serves at its root (`/images/x.png`). */
  publicDirs: readonly string[];
  /** Folders (from the site's source root) whose pages the site serves from its root: Next.js `app/docs/x/page.mdx` is `/docs/x`. */
  routeDirs: readonly string[];
  /** Whether the site routes pages by URL (`/guide/x`): a site-absolute link it cannot resolve may be a generated route or a redirect. */
  routes: boolean;
  /**
   * Whether a relative page link is read from the site root rather than from
   * the linking page: Docsify's default (`relativePath: false`) opens
   * `[x](guide/b.md)` in `guide/a.md` as `/guide/b`.
   */
  linksFromRoot: boolean;
}

const defaults: Record<Dialect, DialectDefaults> = {
  gitbook: { slug: 'github', publicDirs: [], routeDirs: [], routes: false, linksFromRoot: false },
  mdbook: { slug: 'mdbook', publicDirs: [], routeDirs: [], routes: false, linksFromRoot: false },
  hugo: { slug: 'github', publicDirs: ['static', 'assets'], routeDirs: ['content'], routes: true, linksFromRoot: false },
  vitepress: { slug: 'vitepress', publicDirs: ['public'], routeDirs: [], routes: true, linksFromRoot: false },
  docusaurus: { slug: 'github', publicDirs: ['static'], routeDirs: [], routes: true, linksFromRoot: false },
  nextjs: { slug: 'github', publicDirs: ['public'], routeDirs: ['app', 'pages', 'src/app', 'src/pages'], routes: true, linksFromRoot: false },
  hexo: { slug: 'hexo', publicDirs: ['source'], routeDirs: [], routes: true, linksFromRoot: false },
  docsify: { slug: 'github', publicDirs: [], routeDirs: [], routes: true, linksFromRoot: true },
};

/** What a dialect implies (see {@link DialectDefaults}). */
export function dialectDefaults(dialect: Dialect): DialectDefaults {
  return defaults[dialect];
}

/**
 * The dialect of a project from the names of the files at its root and
 * right below it (`/`-separated paths, e.g. `.vitepress/config.ts`):
 * `book.toml` → mdBook; `docusaurus.config.*` → Docusaurus;
 * `.vitepress/` → VitePress; `next.config.*` → Next.js; `hugo.toml|yaml|json`,
 * or `config.toml` beside a `content/` folder → Hugo; `_config.yml` beside a
 * `source/` folder (or with `scaffolds/`), or a `source/_data/` or
 * `source/_posts/` folder → Hexo; `_sidebar.md`, `_navbar.md` or
 * `_coverpage.md` → Docsify. Undefined when none says.
 */
export function detectDialect(files: Iterable<string>): Dialect | undefined {
  const names = new Set<string>();
  const folders = new Set<string>();
  const subfolders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    if (parts.length === 1) names.add(file);
    else folders.add(parts[0]!);
    if (parts.length > 2) subfolders.add(`${parts[0]}/${parts[1]}`);
  }
  const has = (pattern: RegExp): boolean => [...names].some((name) => pattern.test(name));
  if (names.has('book.toml')) return 'mdbook';
  if (has(/^docusaurus\.config\.(js|mjs|cjs|ts)$/)) return 'docusaurus';
  if (folders.has('.vitepress')) return 'vitepress';
  if (has(/^next\.config\.(js|mjs|cjs|ts)$/)) return 'nextjs';
  if (has(/^hugo\.(toml|yaml|yml|json)$/) || (names.has('config.toml') && (folders.has('content') || folders.has('layouts')))) return 'hugo';
  if ((names.has('_config.yml') && (folders.has('source') || folders.has('scaffolds'))) || [...subfolders].some((folder) => folder === 'source/_data' || folder === 'source/_posts')) return 'hexo';
  if (names.has('_sidebar.md') || names.has('_navbar.md') || names.has('_coverpage.md')) return 'docsify';
  return undefined;
}
