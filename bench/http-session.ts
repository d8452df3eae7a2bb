import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { type Database, openMemoryPglite } from '../src/db/client.ts';
import { buildApp } from '../src/http/app.ts';
import { contextFromConfig } from '../src/services/context.ts';
import { withScratchPostgres } from './postgres.ts';

/**
 * Baseline for every later benchmark: an authenticated read
 * (`GET /api/auth/session`: session lookup + user + organisations) through the
 * whole HTTP stack, 32 connections on loopback, on PGlite and on PostgreSQL.
 */
async function measure(label: string, database: Database) {
  await database.migrate();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/confer-bench' });
  const ctx = contextFromConfig(database.db, config);
  const app = await buildApp({ config, database, ctx, logger: false, webRoot: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const signUp = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomBytes(3).toString('hex')}@example.test`,
      password: 'benchmark-password',
      name: 'Bench',
    }),
  });
  const cookie = signUp.headers.get('set-cookie')?.split(';')[0] ?? '';
  const result = await autocannon({
    url: `${base}/api/auth/session`,
    connections: 32,
    duration: 5,
    headers: { cookie },
  });
  await app.close();
  await database.close();
  console.log(
    `${label.padEnd(10)} GET /api/auth/session  ${Math.round(result.requests.average)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`,
  );
  return result.requests.average;
}

export async function run() {
  console.log('\n# http-session: authenticated read, 32 connections, 5 s');
  const pglite = await measure('pglite', await openMemoryPglite());
  const postgres = await withScratchPostgres((database) => measure('postgres', database));
  if (postgres) console.log(`ratio      pglite / postgres = ${(pglite / postgres).toFixed(2)}`);
}
