import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL } from '../../src/services/seed-demo.ts';
import {
  freshDataDir,
  freshPostgresDatabase,
  onPostgres,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';

const journal = JSON.parse(
  readFileSync(new URL('../../src/db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: unknown[] };

async function countFirstRun(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (text: string, values: unknown[] = []) =>
      (await client.query<{ n: number }>(text, values)).rows[0]?.n;
    return {
      admins: await one('select count(*)::int as n from users where email = $1', [
        DEMO_ADMIN_EMAIL,
      ]),
      orgs: await one('select count(*)::int as n from organisations'),
      migrations: await one('select count(*)::int as n from drizzle.__drizzle_migrations'),
    };
  } finally {
    await client.end();
  }
}

// PGlite has one process per DATA_DIR by construction; the race is PostgreSQL's.
describe.skipIf(!onPostgres)('servers starting together on an empty PostgreSQL', () => {
  it('all come up, migrate once and seed the demo exactly once', async () => {
    // Before the start-up lock this crashed one server in 9 of 10 tries: repeat.
    for (let round = 0; round < 3; round++) {
      const database = await freshPostgresDatabase();
      const started = await Promise.allSettled(
        [1, 2, 3].map(() => startServerProcess({ DATABASE_URL: database.url })),
      );
      const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        const failures = started.flatMap((s) =>
          s.status === 'rejected' ? [String(s.reason)] : [],
        );
        expect(failures).toEqual([]);
        for (const server of servers) {
          const ready = await fetch(`${server.url}/ready`);
          expect(ready.status).toBe(200);
        }
        expect(await countFirstRun(database.url)).toEqual({
          admins: 1,
          orgs: 1,
          migrations: journal.entries.length,
        });
      } finally {
        await Promise.all(servers.map((s: ServerProcess) => s.stop()));
        await database.drop();
      }
    }
  });
});

// The DATA_DIR lock guards the embedded database only.
describe.skipIf(onPostgres)('servers starting together on a DATA_DIR after a crash', () => {
  it("exactly one takes the dead server's lock over; the other is refused", async () => {
    const data = freshDataDir();
    const servers: ServerProcess[] = [];
    try {
      const crashed = await startServerProcess({ DATA_DIR: data.dir });
      await crashed.crash();
      const started = await Promise.allSettled(
        [1, 2].map(() => startServerProcess({ DATA_DIR: data.dir })),
      );
      for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
      const refusals = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
      expect(servers).toHaveLength(1);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatch(/in use by another Confer process \(pid \d+/);
      // Refused because of the live winner, not the dead server.
      expect(refusals[0]).toContain(`(pid ${servers[0]?.pid} `);
      const ready = await fetch(`${servers[0]?.url}/ready`);
      expect(ready.status).toBe(200);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      data.remove();
    }
  });
});
