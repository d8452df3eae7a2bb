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
import { lockDataDir } from './data-dir-lock.ts';
import { type ListenEvents, listenPostgres } from './listen-postgres.ts';
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
  /**
   * Runs `fn` while no other Confer process on this database runs its own:
   * for migrations and the first-run seed decision, which race otherwise
   * (CREATE EXTENSION, two demo seeds). Not reentrant.
   */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs a query with no Drizzle involved (health checks, test helpers). */
  ping(): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel: every payload sent with `pg_notify` by any
   * process on this database, after its transaction commits. A lost
   * connection is re-established by itself (`events` hears of it). Returns
   * the unsubscribe function.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    events?: ListenEvents,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Any constant shared by every Confer process: the key of the start-up advisory lock. */
const STARTUP_LOCK_KEY = 0x636f6e66;

/**
 * Opens the embedded database in `dataDir/pgdata`. PGlite has no lock between
 * processes, and two processes writing one directory corrupt it, so we hold a
 * lock file for as long as the database is open.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir);
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
    // The DATA_DIR lock already makes this the only process on the database.
    withStartupLock: (fn) => fn(),
    ping: async () => {
      await client.query('select 1');
    },
    // One process owns an embedded database, so its own notifications are all
    // there is, and its connection is never lost.
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
 * Holds a session-level advisory lock on a connection of its own while `fn`
 * runs (`fn` itself uses the pool). Ending that session releases the lock,
 * also when `fn` throws or the process dies.
 */
async function withAdvisoryLock<T>(url: string, key: number, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    return await fn();
  } finally {
    await client.end().catch(() => {});
  }
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
    withStartupLock: (fn) => withAdvisoryLock(url, STARTUP_LOCK_KEY, fn),
    ping: async () => {
      await pool.query('select 1');
    },
    listen: async (channel, onPayload, events) => {
      const stop = await listenPostgres(url, channel, onPayload, events);
      const unlisten = async () => {
        listeners.delete(unlisten);
        await stop();
      };
      listeners.add(unlisten);
      return unlisten;
    },
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
