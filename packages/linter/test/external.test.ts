import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkExternal, collectExternalLinks, isReservedAddress, isReservedHost, retryAfter, type ExternalLink } from '@tongwen/linter';
import { memoryBook } from '@tongwen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A local server on 127.0.0.1 only; it stops after the tests (and never lives longer than 60 s). */
let server: Server;
let base = '';
const hits = new Map<string, number>();
/** `Host` header and path of every request the server received. */
const hosts: string[] = [];
let active = 0;
let maxActive = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    const count = (hits.get(url) ?? 0) + 1;
    hits.set(url, count);
    active++;
    maxActive = Math.max(maxActive, active);
    hosts.push(`${request.headers.host ?? ''} ${url}`);
    const send = (status: number, headers: Record<string, string> = {}) => {
      setTimeout(() => {
        active--;
        response.writeHead(status, headers).end(status === 200 ? 'ok' : '');
      }, 20);
    };
    if (url.startsWith('/ok')) return send(200);
    if (url === '/missing') return send(404);
    if (url === '/gone') return send(410);
    if (url === '/flaky') return count === 1 ? send(429, { 'retry-after': '0' }) : send(200);
    if (url === '/broken') return send(503);
    if (url === '/to-metadata') return send(302, { location: 'http://169.254.169.254/latest/meta-data' });
    if (url === '/loop') return send(302, { location: '/loop' });
    if (url === '/busy') return send(503);
    if (url === '/later') return send(429, { 'retry-after': '3' });
    if (url === '/no-head') return request.method === 'HEAD' ? send(405) : send(200);
    if (url === '/slow') {
      const timer = setTimeout(() => send(200), 2000);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    return send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setTimeout(() => server.close(), 60_000).unref();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const link = (url: string, line = 1): ExternalLink => ({ url, file: 'a.md', line, column: 1, endLine: line, endColumn: 1 + url.length });
const fast = { checkReserved: true, backoff: 5, timeout: 300, retries: 2 };

describe('checkExternal (against a local server)', () => {
  it('reports 404 and 410 as errors, keeps working URLs quiet', async () => {
    const findings = await checkExternal([link(`${base}/ok`), link(`${base}/missing`, 2), link(`${base}/gone`, 3)], fast);
    expect(findings.map((f) => [f.line, f.severity, f.ruleId])).toEqual([
      [2, 'error', 'link-external'],
      [3, 'error', 'link-external'],
    ]);
    expect(findings[0]!.message).toBe(`Unexpected broken external link \`${base}/missing\` (HTTP 404), expected a URL that answers`);
  });

  it('retries a 429 and succeeds; gives up on a lasting 503 after the retries, as a warning', async () => {
    const findings = await checkExternal([link(`${base}/flaky`), link(`${base}/broken`, 2)], fast);
    expect(hits.get('/flaky')).toBe(2);
    expect(hits.get('/broken')).toBe(3);
    expect(findings.map((f) => [f.line, f.severity, f.message])).toEqual([[2, 'warning', `Unexpected broken external link \`${base}/broken\` (HTTP 503), expected a URL that answers`]]);
  });

  it('falls back to GET when HEAD is refused', async () => {
    expect(await checkExternal([link(`${base}/no-head`)], fast)).toEqual([]);
  });

  it('abandons a request after the timeout', async () => {
    const findings = await checkExternal([link(`${base}/slow`)], { ...fast, timeout: 100, retries: 0 });
    expect(findings.map((f) => f.message)).toEqual([`Unexpected broken external link \`${base}/slow\` (no answer in 100 ms), expected a URL that answers`]);
  });

  it('requests each URL once (fragments aside) and at most `perHost` at a time', async () => {
    maxActive = 0;
    active = 0;
    const links = Array.from({ length: 12 }, (_, i) => link(`${base}/ok-${i}#part`));
    links.push(link(`${base}/ok-0#other`));
    expect(await checkExternal(links, { ...fast, perHost: 3 })).toEqual([]);
    expect(hits.get('/ok-0')).toBe(1);
    expect(maxActive).toBeLessThanOrEqual(3);
  });

  it('keeps results in a cache file for maxAge seconds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongwen-external-'));
    try {
      const cacheFile = path.join(dir, 'links.json');
      let clock = 1_000_000;
      const options = { ...fast, cacheFile, maxAge: 60, now: () => clock };
      expect((await checkExternal([link(`${base}/ok-cache`), link(`${base}/missing-cache`)], options)).length).toBe(1);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries[`${base}/ok-cache`].ok).toBe(true);
      clock += 30_000;
      expect((await checkExternal([link(`${base}/ok-cache`), link(`${base}/missing-cache`)], options)).length).toBe(1);
      expect(hits.get('/ok-cache')).toBe(1);
      clock += 60_000;
      await checkExternal([link(`${base}/ok-cache`)], options);
      expect(hits.get('/ok-cache')).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips reserved hosts by default, and excluded URLs', async () => {
    const before = hits.get('/missing') ?? 0;
    expect(await checkExternal([link(`${base}/missing`)], { retries: 0 })).toEqual([]);
    expect(await checkExternal([link(`${base}/missing`)], { ...fast, exclude: [`${base}/`] })).toEqual([]);
    expect(await checkExternal([link(`${base}/missing`)], { ...fast, exclude: [/missing$/] })).toEqual([]);
    expect(hits.get('/missing') ?? 0).toBe(before);
  });
});

describe('isReservedHost', () => {
  it.each([
    ['localhost', true],
    ['api.localhost', true],
    ['example.com', true],
    ['www.example.org', true],
    ['foo.test', true],
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.1.1', true],
    ['[::1]', true],
    ['docker.com', false],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
  ])('%s → %s', (host, reserved) => {
    expect(isReservedHost(host)).toBe(reserved);
  });
});

describe('collectExternalLinks', () => {
  it('collects http(s) links, images and HTML, not the book\'s own repository URLs', () => {
    const book = memoryBook({
      'a.md': '[a](https://docker.com/x) ![b](http://img.example.net/b.png) [c](https://github.com/o/r/blob/main/a.md) [d](mailto:x@y.z) <a href="https://k8s.io">k</a>\n',
    });
    expect(collectExternalLinks(book, { repository: 'o/r', prefix: 'book' }).map((l) => `${l.file}:${l.line}:${l.column} ${l.url}`)).toEqual([
      'book/a.md:1:1 https://docker.com/x',
      'book/a.md:1:27 http://img.example.net/b.png',
      'book/a.md:1:132 https://k8s.io',
    ]);
  });
});

describe('the network client is safe', () => {
  // A public-looking name: the resolver stub says it is public, the fetch stub sends it to the local server.
  const publicName = 'docs.tongwen-probe.dev';
  const toLocal: typeof fetch = (input, init) => fetch(String(input).replace(`http://${publicName}`, base), init);
  const resolvePublic = async () => ['93.184.216.34'];

  it('refuses a redirect to a reserved address (the second hop is never requested)', async () => {
    const findings = await checkExternal([link(`http://${publicName}/to-metadata`)], { fetch: toLocal, resolve: resolvePublic, retries: 0 });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['info', `Unexpected broken external link \`http://${publicName}/to-metadata\` (refused: \`169.254.169.254\` is a reserved address), expected a URL that answers`]]);
    expect(hits.get('/to-metadata')).toBe(1);
  });

  it('refuses a name that resolves to a private address, before any request', async () => {
    const before = hits.get('/ok-private') ?? 0;
    const findings = await checkExternal([link(`http://${publicName}/ok-private`)], { fetch: toLocal, resolve: async () => ['10.0.0.5'], retries: 0 });
    expect(findings.map((f) => f.message)).toEqual([`Unexpected broken external link \`http://${publicName}/ok-private\` (refused: \`${publicName}\` resolves to the reserved address \`10.0.0.5\`), expected a URL that answers`]);
    expect(hits.get('/ok-private') ?? 0).toBe(before);
  });

  it('follows at most maxRedirects redirects: a loop costs the cap plus one request', async () => {
    const findings = await checkExternal([link(`${base}/loop`)], { ...fast, retries: 0, maxRedirects: 5 });
    expect(findings.map((f) => f.message)).toEqual([`Unexpected broken external link \`${base}/loop\` (more than 5 redirects), expected a URL that answers`]);
    expect(hits.get('/loop')).toBe(6);
  });

  it('backs off exponentially with jitter when no Retry-After is sent (never 0 ms)', async () => {
    const waits: number[] = [];
    const findings = await checkExternal([link(`${base}/busy`)], { checkReserved: true, backoff: 500, retries: 2, sleep: async (ms) => void waits.push(ms), random: () => 0 });
    expect(waits).toEqual([250, 500]);
    expect(hits.get('/busy')).toBe(3);
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('honours Retry-After', async () => {
    const waits: number[] = [];
    await checkExternal([link(`${base}/later`)], { checkReserved: true, retries: 1, sleep: async (ms) => void waits.push(ms), random: () => 0 });
    expect(waits).toEqual([3000]);
    expect(hits.get('/later')).toBe(2);
    expect([retryAfter(null, 0), retryAfter('', 0), retryAfter('7', 0), retryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000)]).toEqual([undefined, undefined, 7000, 4000]);
  });

  it('stops at the overall deadline with partial results: nothing requested after it, nothing reported for it', async () => {
    let clock = 1_000;
    const before = hits.get('/missing') ?? 0;
    const findings = await checkExternal([link(`${base}/missing`)], { checkReserved: true, now: () => (clock += 1_000), deadline: 500 });
    expect(findings).toEqual([]);
    expect(hits.get('/missing') ?? 0).toBe(before);
  });
});

describe('DNS rebinding: the address checked is the address connected to', () => {
  const port = () => (server.address() as AddressInfo).port;

  it('connects to the resolver\'s answer, with the name in the Host header (one lookup per request)', async () => {
    const asked: string[] = [];
    const name = 'pinned.tongwen-probe.dev';
    const findings = await checkExternal([link(`http://${name}:${port()}/ok-pinned`)], { checkReserved: true, retries: 0, timeout: 2000, resolve: async (host) => (asked.push(host), ['127.0.0.1']) });
    expect(findings).toEqual([]);
    expect(asked).toEqual([name]);
    expect(hosts.filter((entry) => entry.endsWith(' /ok-pinned'))).toEqual([`${name}:${port()} /ok-pinned`]);
  });

  it('a name that answers public, then loopback, is never requested on loopback', async () => {
    const answers = [['93.184.216.34'], ['127.0.0.1'], ['127.0.0.1']];
    const asked: string[] = [];
    const name = 'rebind.tongwen-probe.dev';
    const findings = await checkExternal([link(`http://${name}:${port()}/ok-rebind`)], {
      retries: 0,
      timeout: 300,
      resolve: async (host) => (asked.push(host), answers.shift() ?? ['127.0.0.1']),
    });
    // The one lookup said public: the connection went there (unreachable from the test), never to 127.0.0.1.
    expect(asked).toEqual([name]);
    expect(hits.get('/ok-rebind')).toBeUndefined();
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('isReservedAddress', () => {
  it.each([
    ['198.18.0.1', true],
    ['198.19.255.255', true],
    ['224.0.0.1', true],
    ['240.0.0.1', true],
    ['255.255.255.255', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['192.0.2.1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::8.8.8.8', true],
    ['2002:7f00:1::', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
    ['::', true],
    ['8.8.8.8', false],
    ['198.20.0.1', false],
    ['2606:4700::1111', false],
    ['2002:808:808::', false],
  ])('%s → %s', (address, reserved) => {
    expect(isReservedAddress(address)).toBe(reserved);
  });
});
