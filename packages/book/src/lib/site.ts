/**
 * Site-absolute links (`/zh-cn/docs/writing#x`): the files of a book that a
 * static-site tool may serve at such a path. Pure: the caller says which
 * paths are files (the check's book index, the converter's chapter set).
 */

/** How the site serves the book's files. */
export interface SiteOptions {
  /** Folders (from the site's source root) served at the site root (`public/`, `static/`, Hexo's `source/`). Default `public`, `static`. */
  publicDirs?: readonly string[];
  /** Folders whose pages the site routes from its root (Next.js `app/`, `pages/`). Default none. */
  routeDirs?: readonly string[];
  /** The path the site is served under (`/docs/`), removed when a link holds it. Default none. */
  siteBase?: string;
}

/**
 * A locale segment that sites put first in their URLs (`/zh-cn/docs/x`,
 * `/zh-Hant/…`, `/en/…`, Hexo's `/zh-tw/…`): a site serves each edition's
 * own files under it.
 */
export const localeSegment = /^(?:zh(?:[-_](?:cn|tw|hk|hans|hant|sg|mo))?|en(?:[-_]us)?|ja|ko)\//i;

/**
 * The paths (from the book root) a site-absolute path may be served from,
 * in the order a site tries them, `wanted` itself excluded: `wanted` is the
 * link's path from the book root without its leading `/`, decoded; `from`
 * the linking file. The site base, then a leading locale segment, are
 * removed when the path holds them; each folder above the linking file, then
 * the book root, is tried as the site's source root; in each, the path
 * itself, then under each folder served at the site root and each folder
 * whose pages are routed from it. The caller takes the first candidate that
 * opens a file (with its own `x.html` → `x.md` rules).
 */
export function siteCandidates(from: string, wanted: string, options: SiteOptions = {}): string[] {
  const base = (options.siteBase ?? '').replace(/^\/+|\/+$/g, '');
  const paths = [wanted];
  if (base && (wanted === base || wanted.startsWith(`${base}/`))) paths.push(wanted.slice(base.length + 1));
  for (const path of [...paths]) if (localeSegment.test(path)) paths.push(path.replace(localeSegment, ''));
  const folders = from.split('/').slice(0, -1);
  const roots = folders.map((_, i) => `${folders.slice(0, folders.length - i).join('/')}/`).concat(['']);
  const served = ['', ...[...(options.publicDirs ?? ['public', 'static']), ...(options.routeDirs ?? [])].map((dir) => `${dir.replace(/^\/+|\/+$/g, '')}/`)];
  const candidates: string[] = [];
  for (const path of paths) {
    for (const root of roots) {
      for (const dir of served) {
        const candidate = `${root}${dir}${path}`;
        if (candidate !== wanted && !candidates.includes(candidate)) candidates.push(candidate);
      }
    }
  }
  return candidates;
}
