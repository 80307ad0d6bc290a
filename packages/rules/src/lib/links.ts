import { contentsListsOf, dialectDefaults, resolveLocal, safeDecode, siteCandidates, targetCandidates, urlKind, type Book, type Chapter, type LinkFact, type LocalTarget, type SiteOptions, type TargetOptions } from '@tongwen/book';
import type { RunCache, Settings } from './types.js';


/** A file (or folder) of the book that a local link path leads to. */
export interface FoundFile {
  /** The book file the link opens, when it opens one. */
  file?: string;
  /** True when the path is a folder of the book (with files under it). */
  folder?: boolean;
  /** A book file whose path differs from the wanted one only in letter case. */
  caseMismatch?: string;
}

/** Per-book lookups built once per run (see {@link bookIndex}). */
export interface BookIndex {
  files: ReadonlySet<string>;
  /** Folders that hold at least one file. */
  folders: ReadonlySet<string>;
  /** Lower-cased path → paths of the book with that spelling. */
  lower: ReadonlyMap<string, string[]>;
  /** Every file, sorted, for "did you mean". */
  list: readonly string[];
  /** The pages that front matter moves to another URL (see {@link frontMatterRoutes}), built on first call. */
  routes(): ReadonlyMap<string, string>;
}

/** The lookups of a book's file set, built once per run and book. */
export function bookIndex(book: Book, cache: RunCache): BookIndex {
  return cache.memo(`structure:index:${book.root}:${book.files.size}`, () => {
    const folders = new Set<string>();
    const lower = new Map<string, string[]>();
    for (const file of book.files) {
      const key = file.toLowerCase();
      lower.set(key, [...(lower.get(key) ?? []), file]);
      for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
        const folder = file.slice(0, slash);
        folders.add(folder);
        const folderKey = folder.toLowerCase();
        if (!lower.has(folderKey)) lower.set(folderKey, [folder]);
        else if (!lower.get(folderKey)!.includes(folder)) lower.get(folderKey)!.push(folder);
      }
    }
    let routes: ReadonlyMap<string, string> | undefined;
    return { files: book.files, folders, lower, list: [...book.files].sort(), routes: () => (routes ??= frontMatterRoutes(book)) };
  });
}

/** A Markdown file by its extension. */
const markdownPath = /\.(?:md|mdx|markdown)$/i;

/** Hugo's translation by file name: the language before the extension (`install.zh.md`, `index.zh-tw.md`). */
const hugoLanguageTag = String.raw`[a-z]{2,3}(?:-[a-z\d]+)?`;
const hugoLanguage = new RegExp(String.raw`\.(${hugoLanguageTag})\.(?:md|markdown)$`, 'i');
/** A Hugo index page, in any language (`_index.md`, `index.zh.md`): served at its folder. */
const hugoIndexPage = new RegExp(String.raw`(?:^|\/)_?index(?:\.${hugoLanguageTag})?\.[^./]+$`, 'i');
/** A page file's language and extension, which its URL folder drops (`guide/first.zh.md` is `guide/first/`). */
const hugoPageExtension = new RegExp(String.raw`(?:\.${hugoLanguageTag})?\.[^./]+$`, 'i');

/** Front matter that names a page's URL (read only in chapters whose text has such a key: parsing waits for a reader). */
const routeKeys = /^(?:---|\+\+\+)\r?\n(?:.*\r?\n)*?(?:slug|id|url)[ \t]*[:=]/m;

/**
 * The pages whose front matter gives them another URL, by that URL's path
 * from the book root (no leading or trailing `/`): Docusaurus `id: setup`
 * (`docs/guide/install.md` is `docs/guide/setup`) and `slug:` (relative to
 * the folder, or `/start` from the docs folder: the first folder above
 * named `docs`, `current` (i18n) or `version-…`); Hugo `slug:` (the last
 * segment) and `url:` (from the site root).
 */
export function frontMatterRoutes(book: Book): Map<string, string> {
  const routes = new Map<string, string>();
  for (const [file, chapter] of book.chapters) {
    if (!routeKeys.test(chapter.source.slice(0, 4000))) continue;
    const matter = chapter.frontmatter;
    if (!matter) continue;
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const within = (name: string): string => [folder, name].filter(Boolean).join('/');
    const parts = folder.split('/');
    const docs = parts.slice(0, parts.reduce((at, part, i) => (/^(?:docs|current|version-.+)$/.test(part) ? i + 1 : at), 0)).join('/');
    const add = (route: string): void => {
      const key = route.replace(/^\/+|\/+$/g, '');
      if (key && !routes.has(key)) routes.set(key, file);
    };
    if (matter.id) add(within(matter.id));
    if (matter.slug) add(matter.slug.startsWith('/') ? [docs, matter.slug.slice(1)].filter(Boolean).join('/') : within(matter.slug));
    if (matter.url) add(matter.url);
  }
  return routes;
}

/** Options of {@link findFile}: which site conventions open a Markdown file. */
export interface FindFileOptions extends TargetOptions {
  /** Hugo's translation by file name: the language of the linking page (`zh` for `install.zh.md`), whose own translation `x.zh.md` a link to `x` opens. Default none. */
  language?: string;
}

/**
 * The book file a path (from the book root, decoded) opens, the way the
 * static-site tools open it: the file itself; a folder (its `README.md` or
 * `index.md`, or any file under it); `x.html` → `x.md`, `index.html` →
 * `README.md`; `x` → `x.md`. When nothing matches exactly, a file that
 * differs only in letter case is given as `caseMismatch`.
 */
export function findFile(index: BookIndex, wanted: string, options: FindFileOptions = {}): FoundFile {
  if (index.files.has(wanted)) return { file: wanted };
  // A page's own translation first (`config/` from `install.zh.md` is `config.zh.md`, not the English `config.md`).
  if (options.language && !markdownPath.test(wanted)) {
    const page = wanted.replace(/\/+$/, '').replace(/\.html$/i, '');
    for (const candidate of [`${page}.${options.language}.md`, `${page}/index.${options.language}.md`, `${page}/_index.${options.language}.md`]) if (index.files.has(candidate)) return { file: candidate };
  }
  const candidates = targetCandidates(wanted, options);
  for (const candidate of candidates) {
    if (index.files.has(candidate)) return { file: candidate };
  }
  if (index.folders.has(wanted)) {
    for (const name of ['README.md', 'readme.md', 'index.md', '_index.md', 'index.mdx', 'page.mdx', 'page.md']) if (index.files.has(`${wanted}/${name}`)) return { file: `${wanted}/${name}`, folder: true };
    return { folder: true };
  }
  for (const candidate of candidates) {
    const other = index.lower.get(candidate.toLowerCase());
    if (other && other.length > 0) return { caseMismatch: other[0]! };
  }
  return {};
}


/** How a link was resolved against the book. */
export interface ResolvedLink {
  /** The target from {@link resolveLocal} (paths from the book root). */
  target: LocalTarget;
  /** `relative` (`a/b.md`), `site` (`/a/b`, from the book root or the site folder), `repository` (the book's own GitHub URL). */
  via: 'relative' | 'site' | 'repository';
  found: FoundFile;
}

const githubFile = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(?:blob|tree|raw)\/[^/#?]+\/([^#?]*)(\?[^#]*)?(#.*)?$/i;
const githubRaw = /^https?:\/\/raw\.githubusercontent\.com\/([\w.-]+)\/([\w.-]+)\/[^/#?]+\/([^#?]*)(\?[^#]*)?(#.*)?$/i;

/**
 * The path (from the repository root) and fragment of an absolute GitHub URL
 * into `repository` (`owner/repo`): `github.com/OWNER/REPO/blob|tree|raw/BRANCH/PATH#x`
 * or `raw.githubusercontent.com/OWNER/REPO/BRANCH/PATH`. Undefined for other URLs
 * and for the repository root itself.
 */
export function repositoryPath(url: string, repository: string | undefined): { path: string; fragment?: string } | undefined {
  if (!repository) return undefined;
  const match = githubFile.exec(url.trim()) ?? githubRaw.exec(url.trim());
  if (!match) return undefined;
  if (`${match[1]}/${match[2]}`.toLowerCase() !== repository.toLowerCase()) return undefined;
  const file = safeDecode(match[3]!).replace(/\/$/, '');
  if (file === '') return undefined;
  return { path: file, ...(match[5] ? { fragment: match[5].slice(1) } : {}) };
}

/**
 * Resolve a link written in chapter `from` against the book: relative links
 * from the chapter's folder (a Hugo page translated by file name,
 * `install.zh.md`, opens its language's `config.zh.md` for `config`); site-absolute links (`/a/b`) from the book root,
 * then as the site serves them (see `siteCandidate`: each folder above the
 * chapter as the site's source root, static folders, site base, locale
 * prefix); templates (`{{< ref >}}`) are not resolved; the book's own GitHub URLs
 * (`settings.repository`) from the book root or, when the book is a folder of
 * the repository, from the shortest tail of the path that is a book file.
 * Undefined for external URLs (other than the book's own) and empty ones.
 */
export function resolveInBook(
  book: Book,
  index: BookIndex,
  from: string,
  url: string,
  settings: Pick<Settings, 'repository' | 'publicDirs' | 'siteBase' | 'dialect'>,
  given: FindFileOptions = {},
): ResolvedLink | undefined {
  // A template (Hugo `{{< ref "x" >}}`, `{{ .Site.BaseURL }}`, Jinja, Liquid) is resolved by the site, not here.
  if (/\{\{|\{%/.test(url)) return undefined;
  const own = repositoryPath(url, settings.repository);
  if (own) {
    const target: LocalTarget = { path: own.path, outside: false };
    if (own.fragment !== undefined) Object.assign(target, { rawFragment: own.fragment, fragment: safeDecode(own.fragment) });
    const parts = own.path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const tail = parts.slice(i).join('/');
      const found = findFile(index, tail, { html: false, extensionless: false });
      if (found.file || found.folder) return { target: { ...target, path: tail }, via: 'repository', found };
    }
    return { target, via: 'repository', found: findFile(index, own.path, { html: false, extensionless: false }) };
  }
  const language = settings.dialect === 'hugo' ? hugoLanguage.exec(from)?.[1] : undefined;
  const options: FindFileOptions = language ? { ...given, language } : given;
  const fromRoot = settings.dialect !== undefined && dialectDefaults(settings.dialect).linksFromRoot;
  // Docsify names a heading by a query (`guide?id=install`): the same as a fragment.
  const link = fromRoot ? url.replace(/\?id=([^&#]*)(?:&[^#]*)?$/, '#$1') : url;
  // Docusaurus `@site/static/x.png`: a path from the site's root.
  const target = resolveLocal(from, link.trim().startsWith('@site/') ? link.trim().slice(5) : link);
  if (!target) return undefined;
  if (target.outside) return (fromRoot && rootRelative(index, link, options)) || { target, via: 'relative', found: {} };
  const site = /^(?:\/|@site\/)/.test(link.trim());
  const found: FoundFile = target.path === '' ? { folder: true } : findFile(index, target.path, options);
  if (!site && !found.file && !found.folder) {
    const page = settings.dialect === 'hugo' ? pageTarget(from, link) : undefined;
    return (fromRoot && rootRelative(index, link, options)) || pageRelative(index, from, link, settings, options) || routed(index, target, 'relative', page ? [target.path, page.path] : [target.path]) || { target, via: 'relative', found };
  }
  if (!site || found.file || found.folder) return { target, via: site ? 'site' : 'relative', found };
  const served = siteCandidate(index, from, target.path, settings, options);
  if (served) return { target: { ...target, path: served.path }, via: 'site', found: served.found };
  return routed(index, target, 'site', [target.path, ...siteCandidates(from, target.path, siteOf(settings))]) ?? { target, via: 'site', found };
}

/** The first of `paths` that front matter gives to a page (`slug:`, `id:`, `url:`; see {@link frontMatterRoutes}). */
function routed(index: BookIndex, target: LocalTarget, via: ResolvedLink['via'], paths: readonly string[]): ResolvedLink | undefined {
  if (markdownPath.test(target.path)) return undefined;
  const routes = index.routes();
  if (routes.size === 0) return undefined;
  for (const path of paths) {
    const file = routes.get(path.replace(/(?:\/|\.html)$/, ''));
    if (file) return { target: { ...target, path: file }, via, found: { file } };
  }
  return undefined;
}

/**
 * Docsify (by default, `relativePath: false`) opens a relative page link
 * from the site root, whatever page holds it: `[x](guide/b.md)` in
 * `guide/a.md` is `guide/b.md`. Tried when the link names nothing from the
 * chapter's folder, so a site that sets `relativePath: true` is read right too.
 */
function rootRelative(index: BookIndex, url: string, options: FindFileOptions): ResolvedLink | undefined {
  const target = resolveLocal('index.md', url);
  if (!target || target.outside) return undefined;
  const found: FoundFile = target.path === '' ? { folder: true } : findFile(index, target.path, options);
  return found.file || found.folder ? { target, via: 'relative', found } : undefined;
}

/**
 * Hugo serves `posts/first.md` at `posts/first/` and resolves a relative
 * page link there (`../second/` is `posts/second/`): a link without a file
 * extension that names nothing from the chapter's folder, read from the
 * page's own folder. Index pages (`_index.md`, `index.md`) are served at
 * their folder already.
 */
function pageRelative(index: BookIndex, from: string, url: string, settings: Pick<Settings, 'dialect'>, options: FindFileOptions): ResolvedLink | undefined {
  if (settings.dialect !== 'hugo') return undefined;
  const target = pageTarget(from, url);
  if (!target) return undefined;
  const found = findFile(index, target.path, options);
  return found.file || found.folder ? { target, via: 'relative', found } : undefined;
}

/** A Hugo page link (no file extension) read from the page's own URL folder (`guide/first.md` is `guide/first/`); undefined for index pages, which are served at their folder already. */
function pageTarget(from: string, url: string): LocalTarget | undefined {
  if (/\.[a-z\d]+$/i.test(url.replace(/[?#].*$/s, '')) || hugoIndexPage.test(from)) return undefined;
  const target = resolveLocal(`${from.replace(hugoPageExtension, '')}/index.md`, url);
  return target && !target.outside ? target : undefined;
}

/**
 * A site-absolute path (from the book root, without its leading `/`) as the
 * site serves it: the first of `siteCandidates` (site base and locale
 * segment removed, each folder above the linking file as the source root,
 * static and routed folders) that opens a file or a folder of the book.
 */
function siteCandidate(index: BookIndex, from: string, wanted: string, settings: Pick<Settings, 'publicDirs' | 'siteBase' | 'dialect'>, options: FindFileOptions): { path: string; found: FoundFile } | undefined {
  for (const candidate of siteCandidates(from, wanted, siteOf(settings))) {
    const found = findFile(index, candidate, options);
    if (found.file || found.folder) return { path: candidate, found };
  }
  return undefined;
}

/** How the site serves files, from the settings. */
function siteOf(settings: Pick<Settings, 'publicDirs' | 'siteBase' | 'dialect'>): SiteOptions {
  return {
    ...(settings.publicDirs ? { publicDirs: settings.publicDirs } : {}),
    ...(settings.dialect ? { routeDirs: dialectDefaults(settings.dialect).routeDirs } : {}),
    ...(settings.siteBase ? { siteBase: settings.siteBase } : {}),
  };
}

/**
 * Source range of a link's URL: for Markdown links and definitions, the
 * destination inside the node; for HTML attributes, the value. Falls back to
 * the whole node; undefined without a position.
 */
export function urlRange(chapter: Chapter, link: LinkFact): { start: number; end: number } | undefined {
  const position = link.position;
  if (!position) return undefined;
  const start = position.start.offset;
  const end = position.end.offset;
  if (link.kind === 'html-link' || link.kind === 'html-image' || link.url === '') return { start, end };
  const slice = chapter.source.slice(start, end);
  const opener = link.kind === 'definition' ? slice.indexOf(']:') : slice.lastIndexOf('](');
  let from = opener >= 0 ? opener + 2 : 0;
  let at = slice.indexOf(link.url, from);
  if (at < 0 && opener >= 0) {
    // Written differently (escapes, entities): take the destination token.
    const token = /^[ \t]*(?:\r?\n[ \t]*)?(<[^>\n]*>|\S+)/.exec(slice.slice(from));
    if (token) {
      const tokenStart = from + token[0].length - token[1]!.length;
      const inner = token[1]!.startsWith('<') ? 1 : 0;
      return { start: start + tokenStart + inner, end: start + tokenStart + token[1]!.length - inner };
    }
  }
  if (at < 0) return { start, end };
  return { start: start + at, end: start + at + link.url.length };
}

/** The anchors a chapter defines: heading slugs (or their explicit `{#id}`s), HTML ids and names. */
export function anchorsOf(chapter: Chapter, cache: RunCache): ReadonlySet<string> {
  const byChapter = cache.memo('structure:anchors', () => new WeakMap<Chapter, Set<string>>());
  let anchors = byChapter.get(chapter);
  if (!anchors) {
    anchors = new Set<string>();
    // A custom id replaces the generated anchor (VitePress, mdBook, Docusaurus, Hugo): `## VNode {#vnode-api}` has no `#vnode`.
    for (const heading of chapter.headings) anchors.add(heading.id ?? heading.slug);
    for (const anchor of chapter.anchors) anchors.add(anchor.id);
    byChapter.set(chapter, anchors);
  }
  return anchors;
}

/**
 * The files the contents lists publish (the book's and its `moreContents`):
 * every entry's file, the contents lists themselves and, in the GitBook grammar, the root `README.md` (GitBook and
 * HonKit use it as the introduction whether listed or not). Undefined for a
 * book without a contents list.
 */
export function listedFiles(book: Book): ReadonlySet<string> | undefined {
  const contents = book.contents;
  if (!contents) return undefined;
  const listed = new Set<string>([contents.path]);
  for (const list of contentsListsOf(book)) {
    listed.add(list.path);
    for (const entry of list.entries) if (entry.path !== undefined) listed.add(entry.path);
  }
  if (contents.grammar === 'gitbook') {
    const dir = contents.path.includes('/') ? contents.path.slice(0, contents.path.lastIndexOf('/') + 1) : '';
    for (const file of book.chapters.keys()) if (file.toLowerCase() === `${dir}readme.md`) listed.add(file);
  }
  // A Docsify site's navigation files (the sidebars of its folders, its navbar and cover page) are part of every page.
  if (/(?:^|\/)_sidebar\.md$/.test(contents.path)) {
    for (const file of book.chapters.keys()) if (/(?:^|\/)_(?:sidebar|navbar|coverpage)\.md$/.test(file)) listed.add(file);
  }
  return listed;
}

/** A host name with a well-known top-level domain, then the end, a port, a path, a query or a fragment. */
const bareHost = /^(?:www\.[a-z\d-]+(?:\.[a-z\d-]+)*|(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+(com|org|net|io|dev|cn|edu|gov|me|co|info|app|cloud|ai|sh|tv|xyz|us|uk|de|jp|hk|tw|ly|gl))(?=$|[:/?#])/i;

/** Top-level domains that are also common file extensions (`setup.sh`): a web address only with `www.` or a path. */
const fileLikeDomains = new Set(['sh', 'app', 'ai', 'me', 'co']);

/**
 * The host of a local-looking link that is really a web address written
 * without a scheme (`github.com/x`, `www.docker.com`); undefined otherwise.
 */
export function bareWebHost(url: string): string | undefined {
  const trimmed = url.trim();
  if (urlKind(trimmed) !== 'local' || trimmed.startsWith('/') || trimmed.startsWith('.')) return undefined;
  const match = bareHost.exec(trimmed);
  if (!match) return undefined;
  const tld = match[1]?.toLowerCase();
  if (tld && fileLikeDomains.has(tld) && !/^www\./i.test(trimmed) && trimmed[match[0].length] !== '/') return undefined;
  return match[0];
}
