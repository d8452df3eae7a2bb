import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The built web app (dist/web) at /: files whose names carry their content
 * hash (Vite's `assets/`) are cached for a year and never revalidated; the
 * page itself is always revalidated, so a new release is picked up at once.
 * The build writes Brotli and gzip copies beside each file (vite.config.ts);
 * they are sent to browsers that take them, with nothing compressed per request.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function isHashedAsset(filePath: string): boolean {
  return filePath.split(path.sep).includes('assets');
}

export async function serveWebApp(app: FastifyInstance, webRoot: string) {
  await app.register(fastifyStatic, {
    root: webRoot,
    // Files are looked up per request, so a rebuilt app is served without a restart.
    wildcard: true,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', isHashedAsset(filePath) ? IMMUTABLE : REVALIDATE);
    },
  });
}
