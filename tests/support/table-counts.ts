import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';

export type TableCounts = Record<string, number>;

type Rows<T> = { rows: T[] };

/**
 * The row count of every table in the public schema, read in one statement so
 * a test can check that a refused write changed nothing anywhere.
 */
export async function countAllRows(database: Database): Promise<TableCounts> {
  const tables = (await database.db.execute(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as Rows<{ name: string }>;
  const columns = tables.rows.map(
    ({ name }) =>
      sql`(select count(*)::int from ${sql.identifier(name)}) as ${sql.identifier(name)}`,
  );
  const counts = (await database.db.execute(
    sql`select ${sql.join(columns, sql`, `)}`,
  )) as unknown as Rows<TableCounts>;
  return counts.rows[0] ?? {};
}

/** One table's row count. */
export async function countRows(database: Database, table: string): Promise<number> {
  const result = (await database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  )) as unknown as Rows<{ n: number }>;
  return result.rows[0]?.n ?? 0;
}
