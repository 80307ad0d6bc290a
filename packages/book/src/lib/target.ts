import path from 'node:path';

/** What kind of target a URL is. */
export type UrlKind = 'external' | 'local' | 'fragment' | 'empty';

const scheme = /^[a-z][a-z\d+.-]*:/i;

/** Classify a URL as written in Markdown or HTML. */
export function urlKind(url: string): UrlKind {
  const trimmed = url.trim();
  if (trimmed === '') return 'empty';
  if (scheme.test(trimmed) || trimmed.startsWith('//')) return 'external';
  if (trimmed.startsWith('#')) return 'fragment';
  return 'local';
}

/** Percent-decode, leaving malformed sequences as written. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/%[\da-f]{2}/gi, (sequence) => {
      try {
        return decodeURIComponent(sequence);
      } catch {
        return sequence;
      }
    });
  }
}

/** A local link target resolved against the book. */
export interface LocalTarget {
  /** Path from the book root, `/`-separated, decoded; `''` for the linking file itself. */
  path: string;
  /** Decoded fragment without `#`, when there is one. */
  fragment?: string;
  /** The fragment as written (not decoded). */
  rawFragment?: string;
  /** True when the target climbs above the book root (`../` past it). */
  outside: boolean;
}

/**
 * Resolve a local or fragment URL written in the file `from` (path from the
 * book root). A leading `/` is taken from the book root. Returns undefined for
 * external and empty URLs. Never touches the file system.
 */
export function resolveLocal(from: string, url: string): LocalTarget | undefined {
  const kind = urlKind(url);
  if (kind === 'external' || kind === 'empty') return undefined;
  let rest = url.trim();
  let rawFragment: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    rawFragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  const target: LocalTarget = { path: from, outside: false };
  if (rawFragment !== undefined) {
    target.rawFragment = rawFragment;
    target.fragment = safeDecode(rawFragment);
  }
  if (rest === '') return target;
  const decoded = safeDecode(rest).replace(/\\/g, '/');
  const joined = decoded.startsWith('/') ? decoded.slice(1) : path.posix.join(path.posix.dirname(from), decoded);
  const normalised = path.posix.normalize(joined === '' ? '.' : joined);
  target.path = normalised === '.' ? '' : normalised.replace(/\/$/, '');
  target.outside = normalised === '..' || normalised.startsWith('../');
  return target;
}

/** Options of {@link targetCandidates}. */
export interface TargetOptions {
  /** `x.html` opens `x.md` (mdBook, GitBook and Hexo render Markdown to HTML). Default true. */
  html?: boolean;
  /** `x` opens `x.md` (VitePress, Hexo, Docsify). Default true. */
  extensionless?: boolean;
}

/**
 * The files a local target (path from the book root, decoded) may open, in
 * order, the way static-site tools open it: the path itself; `x.html` →
 * `x.md` (or `x.mdx`) and `index.html` → `README.md`; `x` → `x.md` (or `x.mdx`: Docusaurus, Next.js). (A folder opening its
 * `README.md` is left to the caller, which knows the folders.)
 */
export function targetCandidates(wanted: string, options: TargetOptions = {}): string[] {
  const candidates = [wanted];
  if (wanted === '') return candidates;
  if (options.html !== false && /\.html?$/i.test(wanted)) {
    const stem = wanted.replace(/\.html?$/i, '');
    candidates.push(`${stem}.md`, `${stem}.mdx`);
    if (/(^|\/)index$/i.test(stem)) {
      const dir = stem.replace(/(^|\/)index$/i, '');
      candidates.push(dir ? `${dir}/README.md` : 'README.md');
    }
  }
  if (options.extensionless !== false && !/\.[a-z\d]+$/i.test(wanted.slice(wanted.lastIndexOf('/') + 1))) candidates.push(`${wanted}.md`, `${wanted}.mdx`);
  return candidates;
}

/** The chapter among `chapters` that a target opens (see {@link targetCandidates}), if any. */
export function findChapter(chapters: { has(path: string): boolean }, wanted: string, options: TargetOptions = {}): string | undefined {
  return targetCandidates(wanted, options).find((candidate) => chapters.has(candidate));
}
