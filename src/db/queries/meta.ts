import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client.ts';
import { meta, users } from '../schema.ts';

export type DatabaseKind = 'demo' | 'test' | 'production';

export async function getDatabaseKind(q: Queryable): Promise<DatabaseKind | null> {
  const [row] = await q.select().from(meta).where(eq(meta.key, 'kind'));
  return (row?.value as DatabaseKind | undefined) ?? null;
}

export async function setDatabaseKind(q: Queryable, kind: DatabaseKind): Promise<void> {
  await q
    .insert(meta)
    .values({ key: 'kind', value: kind })
    .onConflictDoUpdate({ target: meta.key, set: { value: kind } });
}

export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** `VACUUM ANALYZE` of every table; it cannot run inside a transaction, hence `Db`. */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await db.execute(sql`vacuum analyze`);
}

/** A secret this database keeps for itself, made on first use (the same for every instance). */
export async function databaseSecret(q: Queryable, key: string, make: () => string) {
  await q.insert(meta).values({ key, value: make() }).onConflictDoNothing();
  const [row] = await q.select().from(meta).where(eq(meta.key, key));
  return row!.value;
}
