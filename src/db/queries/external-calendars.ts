import { and, asc, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { externalBusy, externalCalendars } from '../schema.ts';

export type ExternalCalendarRow = typeof externalCalendars.$inferSelect;

export async function insertExternalCalendar(
  q: Queryable,
  values: typeof externalCalendars.$inferInsert,
): Promise<ExternalCalendarRow> {
  const [row] = await q.insert(externalCalendars).values(values).returning();
  return row!;
}

export function listExternalCalendarsOf(q: Queryable, userId: string) {
  return q
    .select()
    .from(externalCalendars)
    .where(eq(externalCalendars.userId, userId))
    .orderBy(asc(externalCalendars.createdAt), asc(externalCalendars.id));
}

export async function countExternalCalendarsOf(q: Queryable, userId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(externalCalendars)
    .where(eq(externalCalendars.userId, userId));
  return row?.n ?? 0;
}

export async function getExternalCalendar(q: Queryable, id: string) {
  const [row] = await q.select().from(externalCalendars).where(eq(externalCalendars.id, id));
  return row ?? null;
}

/** Removes one of the user's calendars and what it held; false when there was none. */
export async function deleteExternalCalendar(q: Queryable, userId: string, id: string) {
  const rows = await q
    .delete(externalCalendars)
    .where(and(eq(externalCalendars.id, id), eq(externalCalendars.userId, userId)))
    .returning({ id: externalCalendars.id });
  return rows.length > 0;
}

export async function updateExternalCalendar(
  q: Queryable,
  id: string,
  values: Partial<typeof externalCalendars.$inferInsert>,
) {
  await q.update(externalCalendars).set(values).where(eq(externalCalendars.id, id));
}

export type StoredBusy = {
  key: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  tentative: boolean;
};

/** What one calendar's last read found, in place of what the read before it found. */
export async function replaceExternalBusy(
  q: Queryable,
  calendarId: string,
  userId: string,
  busy: StoredBusy[],
) {
  await q.delete(externalBusy).where(eq(externalBusy.calendarId, calendarId));
  for (let i = 0; i < busy.length; i += 1_000) {
    await q
      .insert(externalBusy)
      .values(busy.slice(i, i + 1_000).map((b) => ({ ...b, calendarId, userId })))
      .onConflictDoNothing();
  }
}

/** These mentors' outside busy times overlapping [from, to), soonest first. */
export function listExternalBusyOfMentors(q: Queryable, userIds: string[], from: Date, to: Date) {
  return q
    .select({
      userId: externalBusy.userId,
      startsAt: externalBusy.startsAt,
      endsAt: externalBusy.endsAt,
      title: externalBusy.title,
      tentative: externalBusy.tentative,
    })
    .from(externalBusy)
    .where(
      and(
        inArray(externalBusy.userId, userIds),
        lt(externalBusy.startsAt, to),
        gt(externalBusy.endsAt, from),
      ),
    )
    .orderBy(asc(externalBusy.startsAt));
}
