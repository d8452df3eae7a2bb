import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { ledgerEntries, sessionTypes } from '../schema.ts';

export type LedgerKind = 'hold' | 'capture' | 'refund';

/** Records a movement once: a second insert of the same kind for the booking does nothing. */
export async function insertLedgerEntryOnce(
  q: Queryable,
  values: {
    bookingId: string;
    kind: LedgerKind;
    amountMinor: number;
    currency: string;
    providerRef: string;
  },
): Promise<boolean> {
  const rows = await q
    .insert(ledgerEntries)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  return rows.length > 0;
}

export async function listLedgerEntries(q: Queryable, bookingId: string) {
  return q
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.bookingId, bookingId))
    .orderBy(ledgerEntries.id);
}

export async function getSessionTypeOf(q: Queryable, mentorId: string, id: string) {
  const [row] = await q
    .select()
    .from(sessionTypes)
    .where(
      and(
        eq(sessionTypes.id, id),
        eq(sessionTypes.mentorId, mentorId),
        sql`${sessionTypes.archivedAt} is null`,
      ),
    );
  return row ?? null;
}

export async function listSessionTypesOf(q: Queryable, mentorId: string) {
  return q
    .select()
    .from(sessionTypes)
    .where(and(eq(sessionTypes.mentorId, mentorId), sql`${sessionTypes.archivedAt} is null`))
    .orderBy(sessionTypes.durationMinutes, sessionTypes.name);
}

export async function insertSessionType(q: Queryable, values: typeof sessionTypes.$inferInsert) {
  const [row] = await q.insert(sessionTypes).values(values).returning();
  return row!;
}

export async function archiveSessionType(q: Queryable, mentorId: string, id: string, now: Date) {
  const rows = await q
    .update(sessionTypes)
    .set({ archivedAt: now })
    .where(
      and(
        eq(sessionTypes.id, id),
        eq(sessionTypes.mentorId, mentorId),
        sql`${sessionTypes.archivedAt} is null`,
      ),
    )
    .returning({ id: sessionTypes.id });
  return rows.length > 0;
}
