import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { activeStatuses } from '../../core/booking-machine.ts';
import type { Queryable } from '../client.ts';
import { bookingEvents, bookings, outbox, programs, users } from '../schema.ts';

export type BookingRow = typeof bookings.$inferSelect;

export async function insertBooking(
  q: Queryable,
  values: typeof bookings.$inferInsert,
): Promise<BookingRow> {
  const [row] = await q.insert(bookings).values(values).returning();
  return row!;
}

export async function getBookingByIdempotencyKey(q: Queryable, menteeId: string, key: string) {
  const [row] = await q
    .select()
    .from(bookings)
    .where(and(eq(bookings.menteeId, menteeId), eq(bookings.idempotencyKey, key)));
  return row ?? null;
}

/** Locked for the transaction: concurrent decisions on one booking queue up here. */
export async function getBookingForUpdate(q: Queryable, orgId: string, id: string) {
  const [row] = await q
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, id), eq(bookings.orgId, orgId)))
    .for('update');
  return row ?? null;
}

/** Moves a booking on only if it is still in the state the decision was made on. */
export async function updateBookingFrom(
  q: Queryable,
  id: string,
  fromStatus: string,
  values: Partial<typeof bookings.$inferInsert>,
) {
  const [row] = await q
    .update(bookings)
    .set(values)
    .where(and(eq(bookings.id, id), eq(bookings.status, fromStatus)))
    .returning();
  return row ?? null;
}

export async function insertBookingEvent(q: Queryable, values: typeof bookingEvents.$inferInsert) {
  await q.insert(bookingEvents).values(values);
}

export async function insertOutbox(q: Queryable, topic: string, payload: Record<string, unknown>) {
  await q.insert(outbox).values({ topic, payload });
}

export async function countPendingBetween(q: Queryable, menteeId: string, mentorId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(
        eq(bookings.menteeId, menteeId),
        eq(bookings.mentorId, mentorId),
        eq(bookings.status, 'pending'),
      ),
    );
  return row?.n ?? 0;
}

/** Active (pending or approved) bookings of mentors in a period: busy time for slots. */
export async function listActiveBookingsOfMentors(
  q: Queryable,
  mentorIds: string[],
  from: Date,
  to: Date,
) {
  if (mentorIds.length === 0) return [];
  return q
    .select({
      mentorId: bookings.mentorId,
      sessionId: bookings.sessionId,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
    })
    .from(bookings)
    .where(
      and(
        inArray(bookings.mentorId, mentorIds),
        inArray(bookings.status, [...activeStatuses]),
        lt(bookings.startsAt, to),
        gt(bookings.endsAt, from),
      ),
    );
}

export async function countActiveBookingsOfSession(q: Queryable, sessionId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(and(eq(bookings.sessionId, sessionId), inArray(bookings.status, [...activeStatuses])));
  return row?.n ?? 0;
}

/** Bookings with both people's names and the program, newest start first within each status group. */
export async function listBookings(
  q: Queryable,
  f: { userId?: string; ids?: string[]; orgId?: string },
) {
  const mentor = alias(users, 'mentor');
  const mentee = alias(users, 'mentee');
  return q
    .select({
      booking: bookings,
      programName: programs.name,
      mentorName: mentor.name,
      mentorTimeZone: mentor.timeZone,
      menteeName: mentee.name,
      menteeTimeZone: mentee.timeZone,
      menteePhotoKey: mentee.photoKey,
    })
    .from(bookings)
    .innerJoin(programs, eq(programs.id, bookings.programId))
    .innerJoin(mentor, eq(mentor.id, bookings.mentorId))
    .innerJoin(mentee, eq(mentee.id, bookings.menteeId))
    .where(
      and(
        f.userId ? or(eq(bookings.mentorId, f.userId), eq(bookings.menteeId, f.userId)) : undefined,
        f.ids ? inArray(bookings.id, f.ids) : undefined,
        f.orgId ? eq(bookings.orgId, f.orgId) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

export type BookingListing = Awaited<ReturnType<typeof listBookings>>[number];

export async function listBookingEvents(q: Queryable, bookingId: string) {
  return q
    .select({
      action: bookingEvents.action,
      fromStatus: bookingEvents.fromStatus,
      toStatus: bookingEvents.toStatus,
      reason: bookingEvents.reason,
      startsAt: bookingEvents.startsAt,
      endsAt: bookingEvents.endsAt,
      at: bookingEvents.at,
      actorName: users.name,
    })
    .from(bookingEvents)
    .leftJoin(users, eq(users.id, bookingEvents.actorId))
    .where(eq(bookingEvents.bookingId, bookingId))
    .orderBy(asc(bookingEvents.id));
}

export async function listUndeliveredOutbox(q: Queryable, limit: number) {
  return q
    .select()
    .from(outbox)
    .where(isNull(outbox.deliveredAt))
    .orderBy(desc(outbox.id))
    .limit(limit);
}
