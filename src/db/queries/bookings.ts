import {
  and,
  asc,
  eq,
  gt,
  inArray,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
  type WithSubquery,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  activeStatuses,
  type BookingStatus,
  unlistedStatuses,
} from '../../core/booking-machine.ts';
import {
  type LiveAudience,
  type LiveChange,
  mergeResources,
  topicResources,
} from '../../core/live-changes.ts';
import type { OutboxTopic } from '../../core/topics.ts';
import type { Queryable, Tx } from '../client.ts';
import {
  bookingEvents,
  bookingRatings,
  bookings,
  jobs,
  ledgerEntries,
  mentorStats,
  outbox,
  programs,
  sessionTypes,
  threads,
  users,
} from '../schema.ts';
import type { NewJob } from './jobs.ts';
import { announceChange, bookingAudience } from './live-events.ts';
import { type Acceptance, acceptanceCtes } from './mentorship-requests.ts';
import { isOrgMember } from './organisations.ts';

export type BookingRow = typeof bookings.$inferSelect;

/**
 * What every change of a booking writes beside the booking row: its event,
 * the outbox row for notifications, and any follow-up jobs (each once per
 * dedupe key).
 */
export type BookingRecords = {
  event: Omit<typeof bookingEvents.$inferInsert, 'bookingId'>;
  /** the event for notifications; the change is also announced live to both people */
  outbox: { topic: OutboxTopic; payload: Record<string, unknown> };
  jobs?: NewJob[] | undefined;
  /** mentorship requests the change accepts (seed 001), if any */
  accept?: Acceptance | undefined;
};

/**
 * The records as data-modifying CTEs of the statement that changes the
 * booking, so a change costs one round trip. They run even when the main
 * statement matches no row: callers run inside a transaction and throw then.
 */
function recordsAsCtes(q: Tx, bookingId: string, r: BookingRecords) {
  const ctes: WithSubquery[] = [
    q.$with('new_event', {}).as(
      q
        .insert(bookingEvents)
        .values({ ...r.event, bookingId })
        .getSQL(),
    ),
    q.$with('new_outbox', {}).as(q.insert(outbox).values(r.outbox).getSQL()),
  ];
  if (r.jobs?.length) {
    ctes.push(
      q.$with('new_jobs', {}).as(q.insert(jobs).values(r.jobs).onConflictDoNothing().getSQL()),
    );
  }
  if (r.accept) ctes.push(...acceptanceCtes(q, r.accept));
  return ctes;
}

/** A new booking with its records and its message thread, in one statement. */
export async function insertBooking(
  tx: Tx,
  values: typeof bookings.$inferInsert & { id: string },
  records: BookingRecords,
): Promise<BookingRow> {
  const thread = tx.$with('new_thread', {}).as(
    tx
      .insert(threads)
      .values({
        orgId: values.orgId,
        kind: 'booking',
        bookingId: values.id,
        userA: values.mentorId,
        userB: values.menteeId,
        createdAt: values.createdAt,
      })
      .getSQL(),
  );
  const [row] = await tx
    .with(...recordsAsCtes(tx, values.id, records), thread)
    .insert(bookings)
    .values(values)
    .returning();
  await announceBookingChange(tx, row!, records);
  return row!;
}

/**
 * Tells both people's open pages which of their lists the change made stale,
 * and everyone in the organisation that the mentor's free times may have
 * changed (without naming the booking).
 */
async function announceBookingChange(tx: Tx, row: BookingRow, records: BookingRecords) {
  const resources = mergeResources(
    topicResources[records.outbox.topic],
    records.accept ? ['mentorship-requests'] : [],
  );
  await announceChange(tx, {
    type: 'change',
    resources,
    ...bookingAudience(row),
    mentorId: row.mentorId,
  });
  if (resources.includes('slots')) {
    await announceChange(tx, {
      type: 'change',
      resources: row.sessionId ? ['slots', 'sessions'] : ['slots'],
      orgId: row.orgId,
      mentorId: row.mentorId,
      userIds: [],
      orgMembers: row.orgId,
    });
  }
}

export async function getBookingByIdempotencyKey(q: Queryable, menteeId: string, key: string) {
  const [row] = await q
    .select()
    .from(bookings)
    .where(and(eq(bookings.menteeId, menteeId), eq(bookings.idempotencyKey, key)));
  return row ?? null;
}

/**
 * A booking of this organisation in which the user takes part (mentor or
 * mentee) while still a member, locked for the transaction: concurrent
 * decisions on one booking queue up here. Anyone else gets null.
 */
export async function getParticipantBookingForUpdate(
  q: Queryable,
  orgId: string,
  id: string,
  userId: string,
) {
  const [row] = await q
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.id, id),
        eq(bookings.orgId, orgId),
        or(eq(bookings.mentorId, userId), eq(bookings.menteeId, userId)),
        isOrgMember(orgId, userId),
      ),
    )
    .for('update', { of: bookings });
  return row ?? null;
}

/**
 * Moves a booking on, with its records, only if it is still in the state the
 * decision was made on (null otherwise: the caller's transaction must then
 * roll back, taking the records with it).
 */
export async function updateBookingFrom(
  tx: Tx,
  id: string,
  fromStatus: BookingStatus,
  values: Partial<typeof bookings.$inferInsert>,
  records: BookingRecords,
) {
  const [row] = await tx
    .with(...recordsAsCtes(tx, id, records))
    .update(bookings)
    .set(values)
    .where(and(eq(bookings.id, id), eq(bookings.status, fromStatus)))
    .returning();
  if (row) await announceBookingChange(tx, row, records);
  return row ?? null;
}

export async function insertBookingEvent(q: Queryable, values: typeof bookingEvents.$inferInsert) {
  await q.insert(bookingEvents).values(values);
}

/**
 * An event for notifications, announced live at once to the people it
 * concerns (`audience`), with the resources its topic makes stale.
 */
export async function insertOutbox(
  q: Queryable,
  topic: OutboxTopic,
  payload: Record<string, unknown>,
  audience: LiveAudience & Omit<LiveChange, 'resources'>,
) {
  await q.insert(outbox).values({ topic, payload });
  await announceChange(q, { type: 'change', ...audience, resources: topicResources[topic] });
}

/**
 * Serialises booking requests of one mentee with one mentor for the rest of
 * the transaction, so counting their pending bookings and adding one cannot
 * interleave. The count must be a later statement: a statement's snapshot is
 * taken before it waits for the lock.
 */
export async function lockMenteeMentorPair(q: Queryable, menteeId: string, mentorId: string) {
  await q.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`pending:${menteeId}:${mentorId}`}, 0))`,
  );
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
      id: bookings.id,
      mentorId: bookings.mentorId,
      sessionId: bookings.sessionId,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      moveStartsAt: bookings.moveStartsAt,
      moveEndsAt: bookings.moveEndsAt,
    })
    .from(bookings)
    .where(
      and(
        inArray(bookings.mentorId, mentorIds),
        inArray(bookings.status, [...activeStatuses]),
        // An open move holds its proposed time as well.
        or(
          and(lt(bookings.startsAt, to), gt(bookings.endsAt, from)),
          and(lt(bookings.moveStartsAt, to), gt(bookings.moveEndsAt, from)),
        ),
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

/** Bookings where the user is on this side, less the statuses that side no longer lists (core). */
function listedOn(side: 'mentor' | 'mentee', userId: string): SQL | undefined {
  const hidden = unlistedStatuses[side];
  return and(
    eq(side === 'mentor' ? bookings.mentorId : bookings.menteeId, userId),
    hidden.length > 0 ? notInArray(bookings.status, [...hidden]) : undefined,
  );
}

/**
 * Bookings with both people's names and the program, by start. `userId`: every
 * booking the user is on (their calendar); `listedFor`: the ones they list as
 * theirs (the Sessions tab), without those their side no longer lists.
 */
export async function listBookings(
  q: Queryable,
  f: {
    userId?: string;
    listedFor?: string;
    mentorId?: string;
    status?: BookingStatus;
    ids?: string[];
    orgId?: string;
  },
) {
  const mentor = alias(users, 'mentor');
  const mentee = alias(users, 'mentee');
  return q
    .select({
      booking: bookings,
      programName: programs.name,
      lateCancelHours: programs.lateCancelHours,
      moveNoticeHours: programs.moveNoticeHours,
      maxMoves: programs.maxMoves,
      mentorName: mentor.name,
      mentorTimeZone: mentor.timeZone,
      menteeName: mentee.name,
      menteeTimeZone: mentee.timeZone,
      menteePhotoKey: mentee.photoKey,
      sessionTypeName: sessionTypes.name,
    })
    .from(bookings)
    .innerJoin(programs, eq(programs.id, bookings.programId))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(mentor, eq(mentor.id, bookings.mentorId))
    .innerJoin(mentee, eq(mentee.id, bookings.menteeId))
    .where(
      and(
        f.userId ? or(eq(bookings.mentorId, f.userId), eq(bookings.menteeId, f.userId)) : undefined,
        f.listedFor
          ? or(listedOn('mentor', f.listedFor), listedOn('mentee', f.listedFor))
          : undefined,
        f.ids ? inArray(bookings.id, f.ids) : undefined,
        f.orgId ? eq(bookings.orgId, f.orgId) : undefined,
        f.mentorId ? eq(bookings.mentorId, f.mentorId) : undefined,
        f.status ? eq(bookings.status, f.status) : undefined,
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

export async function getBookingById(q: Queryable, id: string) {
  const [row] = await q.select().from(bookings).where(eq(bookings.id, id));
  return row ?? null;
}

/**
 * Gives an approved booking its provider's meeting unless it has a link (the
 * mentor may have set their own meanwhile); true if this one was set.
 */
export async function setMissingMeeting(
  q: Queryable,
  id: string,
  meeting: { url: string; provider: string; externalId: string | null },
) {
  const rows = await q
    .update(bookings)
    .set({
      meetingUrl: meeting.url,
      meetingProvider: meeting.provider,
      meetingExternalId: meeting.externalId,
    })
    .where(
      and(
        eq(bookings.id, id),
        eq(bookings.status, 'approved'),
        sql`${bookings.meetingUrl} is null`,
      ),
    )
    .returning({ id: bookings.id });
  return rows.length > 0;
}

/** Locked by id alone: for background jobs, which act for no organisation member. */
export async function getBookingByIdForUpdate(q: Queryable, id: string) {
  const [row] = await q.select().from(bookings).where(eq(bookings.id, id)).for('update');
  return row ?? null;
}

export async function insertRating(
  q: Queryable,
  values: {
    bookingId: string;
    side: 'mentor' | 'mentee';
    raterId: string;
    stars: number;
    feedback: string;
    createdAt: Date;
  },
) {
  const rows = await q.insert(bookingRatings).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function listRatings(q: Queryable, bookingIds: string[]) {
  if (bookingIds.length === 0) return [];
  return q.select().from(bookingRatings).where(inArray(bookingRatings.bookingId, bookingIds));
}

/** How each booking's money stands: the furthest ledger movement. */
export async function listPaymentStates(q: Queryable, bookingIds: string[]) {
  if (bookingIds.length === 0) return new Map<string, 'held' | 'captured' | 'refunded'>();
  const rows = await q
    .select({ bookingId: ledgerEntries.bookingId, kind: ledgerEntries.kind })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.bookingId, bookingIds));
  const rank = { hold: 1, capture: 2, refund: 3 } as const;
  const label = { hold: 'held', capture: 'captured', refund: 'refunded' } as const;
  const best = new Map<string, 'hold' | 'capture' | 'refund'>();
  for (const r of rows) {
    const current = best.get(r.bookingId);
    if (!current || rank[r.kind] > rank[current]) best.set(r.bookingId, r.kind);
  }
  return new Map([...best].map(([id, kind]) => [id, label[kind]]));
}

/**
 * What a mentor sees of a mentee on a pending booking (seed 004): sessions
 * held with anyone, money spent (captured minus refunded), and the average
 * rating they give.
 */
export async function getMenteeHistory(q: Queryable, menteeId: string) {
  const [row] = await q
    .select({
      sessions: sql<number>`(select count(*)::int from ${bookings} b where b.mentee_id = ${menteeId} and b.status = 'completed')`,
      totalSpentMinor: sql<number>`coalesce((select sum(case when l.kind = 'capture' then l.amount_minor when l.kind = 'refund' and exists (select 1 from ${ledgerEntries} c where c.booking_id = l.booking_id and c.kind = 'capture') then -l.amount_minor else 0 end)::int
        from ${ledgerEntries} l join ${bookings} b on b.id = l.booking_id where b.mentee_id = ${menteeId}), 0)`,
      currency: sql<
        string | null
      >`(select l.currency from ${ledgerEntries} l join ${bookings} b on b.id = l.booking_id where b.mentee_id = ${menteeId} limit 1)`,
      averageRatingGiven: sql<
        number | null
      >`(select round(avg(r.stars)::numeric, 2)::float8 from ${bookingRatings} r where r.rater_id = ${menteeId})`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/**
 * Per mentor over the last `days`: bookings the mentor decided or let expire,
 * how many were approved, and the median time to the mentor's first answer.
 */
/**
 * Per mentor, over bookings made since `since` (those of `mentorIds`, or all):
 * how many were approved at the first answer, how many were decided (approved,
 * rejected or expired), and the median minutes to the first answer.
 */
function reputationSql(since: Date, mentorIds: string[] | null) {
  const whose = mentorIds
    ? sql`b.mentor_id in (${sql.join(
        mentorIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and`
    : sql``;
  return sql`
    with firsts as (
      select b.mentor_id, b.id, b.created_at,
        (select e.action from ${bookingEvents} e where e.booking_id = b.id and e.action in ('approve', 'reject', 'propose_time', 'expire') order by e.id limit 1) as first_action,
        (select e.at from ${bookingEvents} e where e.booking_id = b.id and e.action in ('approve', 'reject', 'propose_time') order by e.id limit 1) as first_answer_at
      from ${bookings} b
      where ${whose} b.created_at >= ${since}
    )
    select mentor_id,
      count(*) filter (where first_action = 'approve')::int as approved,
      count(*) filter (where first_action in ('approve', 'reject', 'expire'))::int as decided,
      (percentile_cont(0.5) within group (order by extract(epoch from first_answer_at - created_at)) / 60)::float8 as median_minutes
    from firsts group by mentor_id`;
}

export async function getReputations(q: Queryable, mentorIds: string[], since: Date) {
  if (mentorIds.length === 0)
    return new Map<
      string,
      { approved: number; decided: number; medianResponseMinutes: number | null }
    >();
  const rows = await q.execute(reputationSql(since, mentorIds));
  const list = (
    rows as unknown as {
      rows: {
        mentor_id: string;
        approved: number;
        decided: number;
        median_minutes: number | null;
      }[];
    }
  ).rows;
  return new Map(
    list.map((r) => [
      r.mentor_id,
      { approved: r.approved, decided: r.decided, medianResponseMinutes: r.median_minutes },
    ]),
  );
}

/**
 * Recomputes every mentor's stored responsiveness (the directory's ranking)
 * in one statement: upserts those with bookings since `since` and clears
 * those without. Returns how many mentors have figures.
 */
export async function refreshMentorStats(q: Queryable, since: Date, now: Date) {
  const rows = await q.execute(sql`
    with figures as (${reputationSql(since, null)}),
    upserted as (
      insert into ${mentorStats} (user_id, approval_rate, median_response_minutes, decided, computed_at)
      select mentor_id,
        case when decided > 0 then approved::float8 / decided end,
        median_minutes, decided, ${now}
      from figures
      on conflict (user_id) do update set
        approval_rate = excluded.approval_rate,
        median_response_minutes = excluded.median_response_minutes,
        decided = excluded.decided,
        computed_at = excluded.computed_at
      returning user_id
    ),
    cleared as (
      delete from ${mentorStats} s where not exists (select 1 from figures f where f.mentor_id = s.user_id)
    )
    select count(*)::int as n from upserted`);
  return Number((rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

/** Active bookings of seats in a published session, locked for the transaction. */
export async function listActiveBookingsOfSessionForUpdate(q: Queryable, sessionId: string) {
  return q
    .select()
    .from(bookings)
    .where(and(eq(bookings.sessionId, sessionId), inArray(bookings.status, [...activeStatuses])))
    .for('update');
}

/**
 * A member's bookings still open in the organisation, as mentor or mentee:
 * pending, or approved and still to come; locked, soonest first.
 */
export async function listOpenBookingsOfMemberForUpdate(
  q: Queryable,
  orgId: string,
  userId: string,
  now: Date,
) {
  return q
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.orgId, orgId),
        or(eq(bookings.mentorId, userId), eq(bookings.menteeId, userId)),
        or(
          eq(bookings.status, 'pending'),
          and(eq(bookings.status, 'approved'), gt(bookings.startsAt, now)),
        ),
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .for('update');
}

/** How many of the organisation's requests wait for this mentor's answer. */
export async function countWaitingForMentor(
  q: Queryable,
  orgId: string,
  mentorId: string,
): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(
        eq(bookings.orgId, orgId),
        eq(bookings.mentorId, mentorId),
        eq(bookings.status, 'pending'),
        eq(bookings.awaiting, 'mentor'),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Serialises nudges about one subject (a match, a mentor) for the rest of the
 * transaction, so two admins cannot both pass the once-a-day rule.
 */
export async function lockNudgeSubject(q: Queryable, subjectId: string) {
  await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`nudge:${subjectId}`}, 0))`);
}
