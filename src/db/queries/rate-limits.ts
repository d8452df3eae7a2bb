import { and, eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { rateLimits } from '../schema.ts';

/**
 * Counts one hit in the window and returns the new count. One statement, so
 * hits arriving at the same moment on different instances are all counted.
 */
export async function incrementRateLimit(
  q: Queryable,
  key: string,
  windowStart: Date,
  expiresAt: Date,
): Promise<number> {
  const [row] = await q
    .insert(rateLimits)
    .values({ key, windowStart, expiresAt, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  return row!.count;
}

/** The count so far in the window (0 when nothing was counted). */
export async function getRateLimitCount(
  q: Queryable,
  key: string,
  windowStart: Date,
): Promise<number> {
  const [row] = await q
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
  return row?.count ?? 0;
}

export async function deleteExpiredRateLimits(q: Queryable, now: Date): Promise<number> {
  const rows = await q
    .delete(rateLimits)
    .where(lt(rateLimits.expiresAt, now))
    .returning({ key: rateLimits.key });
  return rows.length;
}
