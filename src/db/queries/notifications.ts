import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { notifications, outbox } from '../schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/** Claims undelivered outbox rows for this transaction; other workers skip them. */
export async function claimUndeliveredOutbox(q: Queryable, limit: number): Promise<OutboxRow[]> {
  return q
    .select()
    .from(outbox)
    .where(isNull(outbox.deliveredAt))
    .orderBy(outbox.id)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markOutboxDelivered(q: Queryable, ids: number[], now: Date) {
  if (ids.length > 0)
    await q.update(outbox).set({ deliveredAt: now }).where(inArray(outbox.id, ids));
}

/** Marks every outbox row not yet delivered as delivered without notifying anyone (the demo's history). */
export async function skipUndeliveredOutbox(q: Queryable, now: Date) {
  await q.update(outbox).set({ deliveredAt: now }).where(isNull(outbox.deliveredAt));
}

/** Inserts notifications (once per event and person); returns the ones that are new. */
export async function insertNotifications(
  q: Queryable,
  rows: (typeof notifications.$inferInsert)[],
): Promise<{ id: number; userId: string; inApp: boolean; email: string }[]> {
  if (rows.length === 0) return [];
  return q.insert(notifications).values(rows).onConflictDoNothing().returning({
    id: notifications.id,
    userId: notifications.userId,
    inApp: notifications.inApp,
    email: notifications.email,
  });
}

export async function listNotifications(q: Queryable, userId: string, limit: number) {
  return q
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.inApp, true)))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function countUnread(q: Queryable, userId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.inApp, true),
        isNull(notifications.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** Marks some (or, with null, all) of the user's notifications read. */
export async function markNotificationsRead(
  q: Queryable,
  userId: string,
  ids: number[] | null,
  now: Date,
) {
  await q
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}

/** Notifications waiting for someone's daily digest, oldest first. */
export async function listDigestItems(q: Queryable, userId: string, limit: number) {
  return q
    .select({
      id: notifications.id,
      topic: notifications.topic,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.email, 'daily'),
        isNull(notifications.digestedAt),
      ),
    )
    .orderBy(notifications.id)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markDigested(q: Queryable, ids: number[], now: Date) {
  if (ids.length > 0) {
    await q.update(notifications).set({ digestedAt: now }).where(inArray(notifications.id, ids));
  }
}
