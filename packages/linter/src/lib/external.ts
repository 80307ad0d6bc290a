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
import { sendPinned, sendWithFetch, type HttpAnswer } from './pinned-request.js';

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
  /**
   * A fetch function (tests inject one to reach a local server). Default: a
   * request that connects to the very address that was resolved and checked
   * (no second DNS lookup, so no DNS rebinding); an injected fetch connects
   * by itself.
   */
  fetch?: typeof fetch;
  /** The clock, in milliseconds (tests inject one). Default `Date.now`. */
  now?: () => number;
  /** Wait this many milliseconds (tests inject one). Default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the backoff's jitter (tests inject one). Default `Math.random`. */
  random?: () => number;
  /** The addresses a host name resolves to, asked once per request hop; only they are connected to (tests map names to loopback). Default the system resolver. */
  resolve?: (hostname: string) => Promise<string[]>;
  /** Redirects followed per request, each hop checked like the first URL. Default 5. */
  maxRedirects?: number;
  /** Milliseconds for the whole external pass; URLs not checked by then are left out (partial results). Default 120000. */
  deadline?: number;
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
  /** Not requested: the URL, or a redirect, leads to a reserved address or another scheme. */
  refused?: boolean;
  /** Not finished before the overall deadline: left out of the findings and the cache. */
  unchecked?: boolean;
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
  return isReservedAddress(host);
}

/**
 * Whether an IP address is not a public unicast address: this network,
 * private, shared (CGNAT), loopback, link-local (169.254/16, cloud metadata),
 * IETF protocol assignments, documentation, benchmarking (198.18/15),
 * multicast (224/4), reserved (240/4) and broadcast; IPv6 loopback,
 * unspecified, unique-local, link-local, multicast, documentation, and the
 * IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 forms of a
 * reserved IPv4 address. A string that is not an IP address is not reserved.
 */
export function isReservedAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '').toLowerCase();
  const version = isIP(host);
  if (version === 4) return isReservedIpv4(host.split('.').map(Number) as [number, number, number, number]);
  if (version === 6) return isReservedIpv6(host);
  return false;
}

function isReservedIpv4([a, b, c]: [number, number, number, number]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 192 && b === 88 && c === 99) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  );
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail expanded). */
function ipv6Groups(host: string): number[] {
  let text = host.replace(/%.*$/, '');
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const middle = rest === undefined ? [] : new Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => Number.parseInt(group || '0', 16));
}

function isReservedIpv6(host: string): boolean {
  const g = ipv6Groups(host);
  const [g0 = 0, g1 = 0, g2 = 0, , , g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = (hi: number, lo: number) => isReservedIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  const zeroTo = (n: number) => g.slice(0, n).every((group) => group === 0);
  if (zeroTo(8)) return true; // ::
  if (zeroTo(7) && g7 === 1) return true; // ::1
  if (zeroTo(5) && g5 === 0xffff) return true; // IPv4-mapped: never requested directly
  if (zeroTo(6)) return true; // IPv4-compatible (deprecated)
  if (g0 === 0x64 && g1 === 0xff9b) return true; // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48)
  if (g0 === 0x2002) return embedded(g1, g2); // 6to4
  if (g0 === 0x2001 && g1 === 0xdb8) return true; // documentation
  if (g0 === 0x2001 && g1 < 0x200) return true; // IETF protocol assignments (Teredo, ORCHID…)
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
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
// The resolver is loaded on the first lookup (`--external` only).
const systemResolve = async (hostname: string): Promise<string[]> => (await (await import('node:dns/promises')).lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** A request refused before it was sent (a reserved address, a scheme other than http(s), too many redirects). */
class RefusedError extends Error {}

/** The wait a `Retry-After` header asks for, in milliseconds (seconds or an HTTP date); `undefined` when absent or unreadable. */
export function retryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Check the external links: one request per distinct URL (without its
 * fragment), bounded, retried, cached. Returns a finding per link whose URL
 * is broken: `error` for 404 and 410, `warning` for other failures
 * (statuses ≥ 400 after retries, timeouts, network errors).
 */
export async function checkExternal(links: readonly ExternalLink[], options: ExternalOptions = {}): Promise<Finding[]> {
  const send = options.fetch ? sendWithFetch(options.fetch) : sendPinned;
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

  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  const resolve = options.resolve ?? systemResolve;
  const maxRedirects = options.maxRedirects ?? 5;
  const started = now();
  const deadline = started + (options.deadline ?? 120_000);

  /**
   * Refuse a URL that is not http(s) or whose host is, or resolves to, a
   * reserved address; else the addresses to connect to (undefined for an
   * address literal): the one resolution of this request.
   */
  const admit = async (url: URL): Promise<string[] | undefined> => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedError(`refused: \`${url.protocol}\` is not http(s)`);
    if (!options.checkReserved && isReservedHost(url.hostname)) throw new RefusedError(`refused: \`${url.hostname}\` is a reserved address`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) return undefined;
    const addresses = await resolve(host);
    const reserved = options.checkReserved ? undefined : addresses.find((address) => isReservedAddress(address));
    if (reserved) throw new RefusedError(`refused: \`${url.hostname}\` resolves to the reserved address \`${reserved}\``);
    if (addresses.length === 0) throw new Error(`${url.hostname} has no address`);
    return addresses;
  };

  /** One request, following at most `maxRedirects` redirects by hand, each hop admitted first. */
  const request = async (start: string, method: 'HEAD' | 'GET'): Promise<HttpAnswer> => {
    let url = new URL(start);
    for (let hop = 0; ; hop++) {
      const addresses = await admit(url);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeout);
      let response: HttpAnswer;
      try {
        // Connect to the address just checked, never to a second lookup's answer.
        response = await send(url, { method, signal: controller.signal, headers: { 'user-agent': 'tongwen-link-check', accept: '*/*' } }, addresses);
      } finally {
        clearTimeout(timer);
      }
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || location === null) return response;
      if (hop >= maxRedirects) throw new RefusedError(`more than ${maxRedirects} redirects`);
      url = new URL(location, url);
    }
  };

  const checkOne = async (url: string): Promise<UrlResult> => {
    let last: UrlResult = { ok: false, status: 0, message: 'not checked', checkedAt: now() };
    for (let attempt = 0; attempt <= retries; attempt++) {
      // Exponential backoff with full jitter in its upper half; `Retry-After` wins when the server sends one.
      let delay = Math.min(maxBackoff, backoff * 2 ** attempt * (0.5 + random() / 2));
      try {
        let response = await request(url, 'HEAD');
        if ([403, 405, 501].includes(response.status)) response = await request(url, 'GET');
        if (response.ok) return { ok: true, status: response.status, checkedAt: now() };
        last = { ok: false, status: response.status, message: `HTTP ${response.status}`, checkedAt: now() };
        if (response.status !== 429 && response.status < 500) return last;
        const asked = retryAfter(response.headers.get('retry-after'), now());
        if (asked !== undefined) delay = Math.min(maxBackoff, asked);
      } catch (error) {
        if (error instanceof RefusedError) return { ok: false, status: 0, message: error.message, checkedAt: now(), refused: true };
        const reason = (error as Error).name === 'AbortError' ? `no answer in ${timeout} ms` : ((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? (error as Error).message);
        last = { ok: false, status: 0, message: reason, checkedAt: now() };
      }
      if (attempt === retries) break;
      if (now() + delay > deadline) return { ...last, unchecked: true };
      await wait(delay);
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
      const result = await perHost(() => all(() => (now() > deadline ? Promise.resolve<UrlResult>({ ok: false, status: 0, checkedAt: now(), unchecked: true }) : checkOne(url))));
      results.set(url, result);
      if (!result.unchecked) cache.entries[url] = result;
    }),
  );
  if (options.cacheFile) writeStoreFile(options.cacheFile, `${JSON.stringify(cache, null, 1)}\n`);

  const findings: Finding[] = [];
  for (const [url, located] of distinct) {
    const result = results.get(url);
    if (!result || result.ok || result.unchecked) continue;
    const severity: Severity = result.status === 404 || result.status === 410 ? 'error' : result.refused ? 'info' : 'warning';
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
