import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPostgres } from '../src/db/client.ts';

export const benchAdminUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs `fn` against a PostgreSQL database made for it and dropped afterwards.
 * Returns null (and says so) when no server answers at BENCH_DATABASE_URL.
 */
export async function withScratchPostgres<T>(
  fn: (database: Database) => Promise<T>,
): Promise<T | null> {
  const admin = new pg.Client({ connectionString: benchAdminUrl });
  try {
    await admin.connect();
  } catch {
    console.log('postgres   skipped (no server at BENCH_DATABASE_URL)');
    return null;
  }
  const name = `confer_bench_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(benchAdminUrl);
    url.pathname = `/${name}`;
    return await fn(openPostgres(url.href));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
