import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** Either driver: code above db/ never knows which database it runs on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: queries accept both. */
export type Queryable = Db | Tx;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** Runs a query with no Drizzle involved (health checks, test helpers). */
  ping(): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel: every payload sent with `pg_notify` by any
   * process on this database, after its transaction commits. Returns the
   * unsubscribe function.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export class DataDirLockedError extends Error {}

/**
 * Opens the embedded database in `dataDir/pgdata`. PGlite has no lock between
 * processes, and two processes writing one directory corrupt it, so we hold a
 * lock file for as long as the database is open.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'confer.lock'),
      stale: 15_000,
      update: 5_000,
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `DATA_DIR ${path.resolve(dataDir)} is in use by another Confer process; stop it or choose another DATA_DIR`,
      );
    }
    throw err;
  }
  try {
    const client = await PGlite.create(path.join(dataDir, 'pgdata'), {
      extensions: { btree_gist },
    });
    return wrapPglite(client, release);
  } catch (err) {
    await release();
    throw err;
  }
}

/** An in-memory PGlite, optionally loaded from a dumped data directory (tests). */
export async function openMemoryPglite(loadDataDir?: Blob): Promise<Database & { client: PGlite }> {
  const client = await PGlite.create({ extensions: { btree_gist }, loadDataDir });
  return wrapPglite(client, async () => {});
}

function wrapPglite(client: PGlite, release: () => Promise<void>): Database & { client: PGlite } {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    client,
    driver: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
    },
    // One process owns an embedded database, so its own notifications are all there is.
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      await release();
    },
  };
}

/**
 * A dedicated connection LISTENing on a channel (a pooled one would be handed
 * to other queries). Lost connections are re-established after a second;
 * notifications sent while it was down are lost, so subscribers should
 * refresh what they show when they (re)connect.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  isClosed: () => boolean,
  listeners: Set<() => Promise<void>>,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    c.on('error', () => {
      client = null;
      c.end().catch(() => {});
      if (!stopped && !isClosed()) setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = c;
  };
  await connect();
  const stop = async () => {
    stopped = true;
    listeners.delete(stop);
    await client?.end().catch(() => {});
  };
  listeners.add(stop);
  return stop;
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let closed = false;
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    driver: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder }),
    ping: async () => {
      await pool.query('select 1');
    },
    listen: (channel, onPayload) =>
      listenPostgres(url, channel, onPayload, () => closed, listeners),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
