import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/*
 * Issue #14 "fetching a URL a user gave is a server-side request risk": the
 * one way Confer fetches an address someone typed (a calendar feed, later a
 * webhook). https only unless `allowHttp`; the host's addresses are checked
 * after DNS resolution and the connection goes to the address checked (the
 * check runs inside the socket's own lookup, so a second, different answer
 * cannot slip in); private, loopback, link-local and other non-public
 * addresses are refused unless the setting allows them (tests, self-hosted
 * servers on the same network); every redirect is checked the same way; the body is
 * capped in bytes and the whole exchange in time.
 */

export type SafeFetchOptions = {
  allowHttp: boolean;
  /** which resolved addresses may be connected to: `isPublicAddress`, or any with the setting on */
  addressAllowed: (address: string) => boolean;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
};

export type SafeResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** where the answer came from, after redirects */
  url: string;
};

export type RefusalReason =
  | 'bad_url'
  | 'scheme'
  | 'address'
  | 'too_large'
  | 'timeout'
  | 'redirects'
  | 'network';

export class OutboundRefused extends Error {
  readonly reason: RefusalReason;
  constructor(reason: RefusalReason, message: string) {
    super(message);
    this.name = 'OutboundRefused';
    this.reason = reason;
  }
}

/** Whether an address is an ordinary public one (not private, loopback, link-local, …). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

function guardedLookup(allowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !allowed(a.address));
      if (refused || list.length === 0) {
        const error = new OutboundRefused(
          'address',
          `${hostname} is not an address Confer may fetch${refused ? ` (${refused.address})` : ''}`,
        );
        return callback(error as NodeJS.ErrnoException, '', 4);
      }
      if ((options as { all?: boolean }).all) return callback(null, list as never, 4);
      const first = list[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

function checkUrl(raw: string, opts: SafeFetchOptions): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('bad_url', 'is not a web address');
  }
  if (url.protocol !== 'https:' && !(opts.allowHttp && url.protocol === 'http:')) {
    throw new OutboundRefused('scheme', 'must start with https://');
  }
  if (url.username || url.password) {
    throw new OutboundRefused('bad_url', 'must not carry a user name or password');
  }
  // A literal address is checked here; a name when it is resolved.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && !opts.addressAllowed(host)) {
    throw new OutboundRefused('address', `${host} is not an address Confer may fetch`);
  }
  return url;
}

function once(url: URL, opts: SafeFetchOptions, deadline: number): Promise<SafeResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const left = deadline - Date.now();
    if (left <= 0) return reject(new OutboundRefused('timeout', 'took too long'));
    const request = client.request(
      url,
      {
        method: 'GET',
        headers: { 'user-agent': 'Confer calendar reader', ...opts.headers },
        lookup: guardedLookup(opts.addressAllowed),
        timeout: left,
      },
      (response) => {
        let size = 0;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxBytes) {
            request.destroy(
              new OutboundRefused('too_large', `is larger than ${opts.maxBytes} bytes`),
            );
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            url: url.toString(),
          }),
        );
        response.on('error', reject);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new OutboundRefused('timeout', 'took too long')),
      left,
    );
    request.on('close', () => clearTimeout(timer));
    request.on('timeout', () => request.destroy(new OutboundRefused('timeout', 'took too long')));
    request.on('error', (err) =>
      reject(err instanceof OutboundRefused ? err : new OutboundRefused('network', err.message)),
    );
    request.end();
  });
}

/** GETs a user-given address under the rules above; redirects followed and checked. */
export async function safeFetch(raw: string, opts: SafeFetchOptions): Promise<SafeResponse> {
  const deadline = Date.now() + opts.timeoutMs;
  let url = checkUrl(raw, opts);
  for (let hop = 0; ; hop++) {
    const response = await once(url, opts, deadline);
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
      return response;
    }
    if (hop >= (opts.maxRedirects ?? 3)) {
      throw new OutboundRefused('redirects', 'redirects too many times');
    }
    url = checkUrl(new URL(location, url).toString(), opts);
  }
}
