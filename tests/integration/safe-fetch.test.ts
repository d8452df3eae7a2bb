import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isPublicAddress,
  OutboundRefused,
  type SafeFetchOptions,
  safeFetch,
} from '../../src/integrations/safe-fetch.ts';

/**
 * Issue #14 "fetching a URL a user gave is a server-side request risk": a
 * real HTTP server on loopback stands for the outside world; only what the
 * rules allow reaches it.
 */
let server: Server;
let base: string;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/feed.ics') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/calendar', etag: '"v1"' }).end('BEGIN:VCALENDAR');
    } else if (url.pathname === '/to-other-loopback') {
      res.writeHead(302, { location: `http://127.0.0.2:${port}/feed.ics` }).end();
    } else if (url.pathname === '/to-metadata') {
      res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    } else if (url.pathname === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else if (url.pathname === '/huge') {
      res.writeHead(200);
      res.end('x'.repeat(200_000));
    } else if (url.pathname === '/slow') {
      setTimeout(() => res.writeHead(200).end('late'), 2_000);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const onlyThisServer: SafeFetchOptions = {
  allowHttp: true,
  addressAllowed: (address) => address === '127.0.0.1',
  maxBytes: 100_000,
  timeoutMs: 1_000,
};
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'fetched',
    (err: unknown) => (err instanceof OutboundRefused ? err.reason : `other: ${String(err)}`),
  );

describe('fetching an address someone gave', () => {
  it('fetches what the rules allow, with conditional requests', async () => {
    const first = await safeFetch(`${base}/feed.ics`, onlyThisServer);
    expect(first).toMatchObject({ status: 200, body: 'BEGIN:VCALENDAR' });
    expect(first.headers.etag).toBe('"v1"');
    const again = await safeFetch(`${base}/feed.ics`, {
      ...onlyThisServer,
      headers: { 'if-none-match': '"v1"' },
    });
    expect(again.status).toBe(304);
  });

  it('refuses plain http, and private or loopback addresses by literal or by name', async () => {
    expect(
      await refusal(safeFetch(`${base}/feed.ics`, { ...onlyThisServer, allowHttp: false })),
    ).toBe('scheme');
    const publicOnly = { ...onlyThisServer, addressAllowed: isPublicAddress };
    expect(await refusal(safeFetch(`${base}/feed.ics`, publicOnly))).toBe('address');
    expect(await refusal(safeFetch(`http://localhost:${port}/feed.ics`, publicOnly))).toBe(
      'address',
    );
    expect(await refusal(safeFetch('file:///etc/passwd', onlyThisServer))).toBe('scheme');
    expect(await refusal(safeFetch(`http://user:pw@127.0.0.1:${port}/`, onlyThisServer))).toBe(
      'bad_url',
    );
  });

  it('checks every redirect like the first address, and stops at three', async () => {
    expect(await refusal(safeFetch(`${base}/to-other-loopback`, onlyThisServer))).toBe('address');
    expect(await refusal(safeFetch(`${base}/to-metadata`, onlyThisServer))).toBe('address');
    expect(await refusal(safeFetch(`${base}/loop`, onlyThisServer))).toBe('redirects');
  });

  it('caps the size and the time of an answer', async () => {
    expect(await refusal(safeFetch(`${base}/huge`, onlyThisServer))).toBe('too_large');
    expect(await refusal(safeFetch(`${base}/slow`, { ...onlyThisServer, timeoutMs: 300 }))).toBe(
      'timeout',
    );
  });

  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.0.10', false],
    ['127.0.0.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
