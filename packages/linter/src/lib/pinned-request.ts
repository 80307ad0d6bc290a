/**
 * One HTTP(S) request that connects to the address it is given, not to
 * whatever the host name resolves to when the socket opens: the address
 * that the safe client checked is the address it talks to, so a name that
 * resolves to a public address for the check and to `127.0.0.1` a moment
 * later (DNS rebinding) never reaches the private one. The host name still
 * goes in the `Host` header and in TLS (SNI and certificate checks).
 */
import { isIP, type LookupFunction } from 'node:net';

/** What the external check reads of an answer. */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
}

/** How a request is sent: `addresses` (when given) are the only ones the socket may connect to. */
export type SendRequest = (url: URL, init: { method: string; signal: AbortSignal; headers: Record<string, string> }, addresses: readonly string[] | undefined) => Promise<HttpAnswer>;

/** A `lookup` for `net.connect` that answers `addresses` (checked already) for every name. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    // With `autoSelectFamily` (on by default in Node 20) the socket asks for every address and tries them in turn.
    if ((options as { all?: boolean }).all) (callback as unknown as (error: null, found: typeof entries) => void)(null, entries);
    else callback(null, entries[0]!.address, entries[0]!.family);
  };
}

/** Send a request with the body discarded, connecting only to `addresses` when given. */
export const sendPinned: SendRequest = async (url, init, addresses) => {
  // Loaded on the first request (`--external` only): loading TLS costs every other run about 15 ms.
  const client = url.protocol === 'https:' ? (await import('node:https')).default : (await import('node:http')).default;
  return new Promise<HttpAnswer>((resolve, reject) => {
    const request = client.request(url, { method: init.method, headers: init.headers, signal: init.signal, agent: false, ...(addresses && addresses.length > 0 ? { lookup: pinnedLookup(addresses) } : {}) }, (response) => {
      const status = response.statusCode ?? 0;
      const headers = response.headers;
      // The body is never needed: free the connection.
      response.destroy();
      resolve({
        status,
        ok: status >= 200 && status < 300,
        headers: {
          get: (name) => {
            const value = headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
          },
        },
      });
    });
    request.on('error', reject);
    request.end();
  });
};

/** The same interface over an injected `fetch` (tests): it connects by itself, so nothing is pinned. */
export function sendWithFetch(doFetch: typeof fetch): SendRequest {
  return async (url, init) => {
    const response = await doFetch(url.href, { method: init.method, redirect: 'manual', signal: init.signal, headers: init.headers });
    await response.body?.cancel().catch(() => undefined);
    return response;
  };
}
