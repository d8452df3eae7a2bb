import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type SignedIn, signInDemo } from '../support/demo-client.ts';
import {
  freshPostgresDatabase,
  onPostgres,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

// The embedded database lives in the server's own process: it cannot go away alone.
describe.skipIf(!onPostgres)('live events across a database outage', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startServerProcess({ DATABASE_URL: viaProxy.href });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await database?.drop();
  });

  const write = (from: SignedIn, to: SignedIn, body: string) =>
    from.call('POST', `/api/orgs/${from.orgIds[0]}/threads`, { toUserId: to.userId, body });

  it('tells open streams to refetch once the database is back, and stays live', async () => {
    const sam = await signInDemo(server.url, 'sam@demo.confer.test');
    const maya = await signInDemo(server.url, 'maya@demo.confer.test');
    const diego = await signInDemo(server.url, 'diego@demo.confer.test');
    const stream = await openEventStream(server.url, sam);
    try {
      await stream.next((e) => e.type === 'ready', 5_000);
      const before = await write(maya, sam, 'Before the outage');
      expect(before.status).toBe(201);
      await stream.next(
        (e) => e.type === 'message' && e.data.threadId === before.body.threadId,
        10_000,
      );

      // Longer than the old single one-second retry: the database host is gone for 6 s.
      proxy.cut();
      await new Promise((r) => setTimeout(r, 6_000));
      proxy.restore();

      // Whatever was announced during the outage was not heard: the browser must refetch.
      await stream.next((e) => e.type === 'resync', 45_000);
      const after = await write(diego, sam, 'After the outage');
      expect(after.status).toBe(201);
      await stream.next(
        (e) => e.type === 'message' && e.data.threadId === after.body.threadId,
        10_000,
      );
    } finally {
      stream.close();
    }
  });
});
