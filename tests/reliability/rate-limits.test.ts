import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emailedLinkFrom,
  freshDataDir,
  freshPostgresDatabase,
  onPostgres,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';

const PASSWORD = 'correct-horse-battery';
// One reverse proxy in front of every instance; four failures per account and address.
const limits = { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '4', DEMO_SEED: 'false' };

/** An account through the real sign-up: the link emailed by whichever server's worker sent it. */
async function signUp(server: ServerProcess, all: ServerProcess[] = [server]): Promise<string> {
  const email = `rl-${randomBytes(4).toString('hex')}@example.test`;
  const res = await fetch(`${server.url}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, name: 'Rate Limited' }),
  });
  expect(res.status).toBe(202);
  const link = new URL(
    await emailedLinkFrom(
      all.map((s) => s.mailDir),
      email,
      '/confirm-sign-up/',
    ),
  );
  const confirmed = await fetch(`${server.url}/api/auth/sign-up/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link.pathname.split('/').pop() }),
  });
  expect(confirmed.status).toBe(201);
  return email;
}

/** A sign-in as the proxy forwards it: `forwardedFor` is the X-Forwarded-For it sends on. */
async function signIn(
  server: ServerProcess,
  email: string,
  password: string,
  forwardedFor: string,
) {
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    const env = { ...limits, DATABASE_URL: database.url };
    // One after the other: the first migrates the empty database.
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  it('counts failed sign-ins split between the instances together', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const email = await signUp(a, servers);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const server = i % 2 === 0 ? a : b;
      statuses.push((await signIn(server, email, 'wrong-password-guess', '203.0.113.50')).status);
    }
    // Per-process counters would have allowed 4 on each, 8 in all.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await signIn(b, email, 'wrong-password-guess', '203.0.113.50');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The owner, from elsewhere, is not locked out by any of it.
    expect((await signIn(a, email, PASSWORD, '198.51.100.20')).status).toBe(200);
  });
});

describe('behind one trusted proxy hop', () => {
  let server: ServerProcess;
  let cleanup: () => Promise<void> | void;

  beforeAll(async () => {
    if (onPostgres) {
      const database = await freshPostgresDatabase();
      server = await startServerProcess({ ...limits, DATABASE_URL: database.url });
      cleanup = database.drop;
    } else {
      const data = freshDataDir();
      server = await startServerProcess({ ...limits, DATA_DIR: data.dir });
      cleanup = data.remove;
    }
  });
  afterAll(async () => {
    await server?.stop();
    await cleanup?.();
  });

  it('a client rotating its own X-Forwarded-For is still counted as one address', async () => {
    const email = await signUp(server);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      // The client makes up the left part; the proxy appends the address it really saw.
      const forged = `10.${i}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const res = await signIn(server, email, 'wrong-password-guess', `${forged}, 203.0.113.60`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
