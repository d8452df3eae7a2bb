import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #12 "Web delivery": hashed assets are cached for a year and sent
 * precompressed (Brotli or gzip, as the browser takes them); the page is
 * always revalidated, deep links included; API answers are compressed.
 */
const webRoot = mkdtempSync(path.join(tmpdir(), 'confer-web-'));
mkdirSync(path.join(webRoot, 'assets'));
const page = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>`;
const script = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};`;
writeFileSync(path.join(webRoot, 'index.html'), page);
const asset = path.join(webRoot, 'assets', 'index-Ab12Cd34.js');
writeFileSync(asset, script);
writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
writeFileSync(`${asset}.gz`, zlib.gzipSync(script));

const { app } = await createTestApp({}, {}, webRoot);

describe('serving the web app', () => {
  it('sends hashed assets precompressed and immutable for a year', async () => {
    const br = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);

    const gz = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/index-Ab12Cd34.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('never lets the page be reused without asking, at / or a deep link', async () => {
    for (const url of ['/', '/o/2b7e6a0e-3c1f-4a3b-9d7e-1f2a3b4c5d6e/sessions']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['cache-control']).not.toMatch(/immutable|max-age=[1-9]/);
    }
  });

  it('compresses API answers over a kilobyte, and not the small ones', async () => {
    const doc = await app.inject({
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(doc.headers['content-encoding']).toBe('br');
    const parsed = JSON.parse(zlib.brotliDecompressSync(doc.rawPayload).toString());
    expect(parsed.openapi).toBe('3.1.0');
    const gz = await app.inject({
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const health = await app.inject({ url: '/health', headers: { 'accept-encoding': 'br' } });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toMatchObject({ status: expect.any(String) });
  });
});
