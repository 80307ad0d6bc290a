/**
 * External URL checking (opt-in: `tongwen check --external`).
 *
 * After the rules have run (synchronously), {@link collectExternalLinks}
 * gathers the `http(s)` links of the checked books and {@link checkExternal}
 * requests each distinct URL once: `HEAD` first, `GET` when the server
 * refuses `HEAD`; at most `perHost` requests at a time to one host and
 * `concurrency` in all; retries with exponential backoff (honouring
 * `Retry-After`) on 429, 5xx and network errors; a per-request timeout.
 * Results are kept in a JSON cache file for `maxAge` seconds. Reserved
 * hosts (localhost, `example.com`/`.org`/`.net`, `.test`, `.invalid`,
 * `.local`, private and loopback addresses) are skipped unless
 * `checkReserved` is set; URLs matching `exclude` are skipped.
 */
import { isIP } from 'node:net';
import type { Book, Finding, Severity } from '@tongwen/book';
import { pointAt } from '@tongwen/book';
import { repositoryPath } from '@tongwen/rules';
import { readStoreFile, writeStoreFile } from '@tongwen/workspace';

/** Rule id of the findings of the external pass (not a registered rule: it runs only with `--external`). */
export const externalRuleId = 'link-external';

/** Options of {@link checkExternal}. */
export interface ExternalOptions {
  /** Requests at a time in all. Default 8. */
  concurrency?: number;
  /** Requests at a time to one host. Default 2. */
  perHost?: number;
  /** Milliseconds before a request is abandoned. Default 10000. */
  timeout?: number;
  /** Retries after a 429, a 5xx or a network error. Default 2. */
  retries?: number;
  /** First backoff delay in milliseconds, doubled at each retry (a `Retry-After` header wins, up to `maxBackoff`). Default 500. */
  backoff?: number;
  /** Longest wait between two tries, in milliseconds. Default 10000. */
  maxBackoff?: number;
  /** JSON cache file of results. Default: none. */
  cacheFile?: string;
  /** Seconds a cached result stays valid. Default 86400 (one day). */
  maxAge?: number;
  /** URLs to skip: a string is a prefix, a RegExp is tested. Default none. */
  exclude?: readonly (string | RegExp)[];
  /** Check reserved hosts too (localhost, example.com, private ranges). Default false. */
  checkReserved?: boolean;
  /** The fetch function (tests inject one). Default: the global fetch. */
  fetch?: typeof fetch;
  /** The clock, in milliseconds (tests inject one). Default `Date.now`. */
  now?: () => number;
}

/** One external link of a book, located. */
export interface ExternalLink {
  url: string;
  /** File path as findings show it (relative to the run's base). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The result of one URL. */
export interface UrlResult {
  ok: boolean;
  /** HTTP status; 0 for a network error or a timeout. */
  status: number;
  message?: string;
  /** When it was checked, ms since the epoch. */
  checkedAt: number;
}

interface CacheFile {
  version: 1;
  entries: Record<string, UrlResult>;
}

/**
 * The `http(s)` links of a book (links, images, definitions, HTML `href`
 * and `src`), except the book's own repository URLs (checked as local files
 * by the rules). `prefix` is put before each file path.
 */
export function collectExternalLinks(book: Book, options: { prefix?: string; repository?: string; only?: ReadonlySet<string> } = {}): ExternalLink[] {
  const links: ExternalLink[] = [];
  for (const chapter of book.chapters.values()) {
    if (options.only && !options.only.has(chapter.path)) continue;
    for (const link of chapter.links) {
      const url = link.url.trim();
      if (!/^https?:\/\//i.test(url)) continue;
      if (repositoryPath(url, options.repository)) continue;
      const start = link.position?.start ?? pointAt(chapter.lineStarts, 0);
      const end = link.position?.end ?? start;
      links.push({ url, file: options.prefix ? `${options.prefix}/${chapter.path}` : chapter.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    }
  }
  return links;
}

/** Whether a URL's host is reserved: loopback, private, link-local, or a name reserved for examples and tests. */
export function isReservedHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/(^|\.)example\.(com|org|net)$/.test(host) || /\.(test|invalid|example|local|internal)$/.test(host) || host === 'example') return true;
  const version = isIP(host);
  if (version === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (version === 6) return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  return false;
}

/** Read a cache file; an unreadable or malformed one is an empty cache. */
function readCache(file: string | undefined): CacheFile {
  const text = file === undefined ? undefined : readStoreFile(file);
  if (text === undefined) return { version: 1, entries: {} };
  try {
    const raw = JSON.parse(text) as Partial<CacheFile>;
    if (raw && raw.version === 1 && raw.entries && typeof raw.entries === 'object') return { version: 1, entries: raw.entries };
  } catch {
    // A broken cache is rebuilt.
  }
  return { version: 1, entries: {} };
}

/** A counting semaphore. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A released slot is handed to the next waiter directly, so no newcomer can slip in between.
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Check the external links: one request per distinct URL (without its
 * fragment), bounded, retried, cached. Returns a finding per link whose URL
 * is broken: `error` for 404 and 410, `warning` for other failures
 * (statuses ≥ 400 after retries, timeouts, network errors).
 */
export async function checkExternal(links: readonly ExternalLink[], options: ExternalOptions = {}): Promise<Finding[]> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const maxAge = (options.maxAge ?? 86_400) * 1000;
  const retries = options.retries ?? 2;
  const backoff = options.backoff ?? 500;
  const maxBackoff = options.maxBackoff ?? 10_000;
  const timeout = options.timeout ?? 10_000;
  const cache = readCache(options.cacheFile);
  const all = limiter(options.concurrency ?? 8);
  const hosts = new Map<string, ReturnType<typeof limiter>>();
  const excluded = (url: string) => (options.exclude ?? []).some((pattern) => (typeof pattern === 'string' ? url.startsWith(pattern) : pattern.test(url)));

  const request = async (url: string, method: 'HEAD' | 'GET'): Promise<Response> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      const response = await doFetch(url, { method, redirect: 'follow', signal: controller.signal, headers: { 'user-agent': 'tongwen-link-check', accept: '*/*' } });
      // Free the connection: the body is never needed.
      await response.body?.cancel().catch(() => undefined);
      return response;
    } finally {
      clearTimeout(timer);
    }
  };

  const checkOne = async (url: string): Promise<UrlResult> => {
    let last: UrlResult = { ok: false, status: 0, message: 'not checked', checkedAt: now() };
    for (let attempt = 0; attempt <= retries; attempt++) {
      let wait = Math.min(maxBackoff, backoff * 2 ** attempt);
      try {
        let response = await request(url, 'HEAD');
        if ([403, 405, 501].includes(response.status)) response = await request(url, 'GET');
        if (response.ok) return { ok: true, status: response.status, checkedAt: now() };
        last = { ok: false, status: response.status, message: `HTTP ${response.status}`, checkedAt: now() };
        if (response.status !== 429 && response.status < 500) return last;
        const after = Number(response.headers.get('retry-after'));
        if (Number.isFinite(after) && after >= 0) wait = Math.min(maxBackoff, after * 1000);
      } catch (error) {
        const reason = (error as Error).name === 'AbortError' ? `no answer in ${timeout} ms` : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
        last = { ok: false, status: 0, message: reason, checkedAt: now() };
      }
      if (attempt < retries) await sleep(wait);
    }
    return last;
  };

  const distinct = new Map<string, ExternalLink[]>();
  for (const link of links) {
    const key = link.url.replace(/#.*$/, '');
    let parsed: URL;
    try {
      parsed = new URL(key);
    } catch {
      continue;
    }
    if (!options.checkReserved && isReservedHost(parsed.hostname)) continue;
    if (excluded(link.url)) continue;
    distinct.set(key, [...(distinct.get(key) ?? []), link]);
  }

  const results = new Map<string, UrlResult>();
  await Promise.all(
    [...distinct.keys()].map(async (url) => {
      const cached = cache.entries[url];
      if (cached && now() - cached.checkedAt < maxAge) {
        results.set(url, cached);
        return;
      }
      const host = new URL(url).host;
      let perHost = hosts.get(host);
      if (!perHost) hosts.set(host, (perHost = limiter(options.perHost ?? 2)));
      const result = await perHost(() => all(() => checkOne(url)));
      results.set(url, result);
      cache.entries[url] = result;
    }),
  );
  if (options.cacheFile) writeStoreFile(options.cacheFile, `${JSON.stringify(cache, null, 1)}\n`);

  const findings: Finding[] = [];
  for (const [url, located] of distinct) {
    const result = results.get(url);
    if (!result || result.ok) continue;
    const severity: Severity = result.status === 404 || result.status === 410 ? 'error' : 'warning';
    for (const link of located) {
      findings.push({
        ruleId: externalRuleId,
        severity,
        file: link.file,
        line: link.line,
        column: link.column,
        endLine: link.endLine,
        endColumn: link.endColumn,
        message: `Unexpected broken external link \`${link.url}\` (${result.message ?? `HTTP ${result.status}`}), expected a URL that answers`,
      });
    }
  }
  return findings;
}
