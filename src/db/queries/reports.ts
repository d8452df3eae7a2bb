import { type SQL, sql } from 'drizzle-orm';
import type { BookingStatus } from '../../core/booking-machine.ts';
import type { Queryable } from '../client.ts';
import {
  bookingRatings,
  bookings,
  groupMembers,
  matches,
  programMembers,
  programs,
  users,
} from '../schema.ts';
import { notDeactivatedIn } from './organisations.ts';

/*
 * Issue #13 "Reports": every figure counted by PostgreSQL over indexed
 * tables (bookings by organisation and time, migration 0030); Node only
 * names and shapes what comes back.
 */

export type ReportScope = {
  orgId: string;
  programId?: string | undefined;
  /** only bookings whose mentee is in this group */
  groupId?: string | undefined;
  startMs: number;
  endMs: number;
  timeZone: string;
};

async function rowsOf<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The scope's bookings, by the instant `column` (starts_at or created_at) within the period. */
function bookingsIn(scope: ReportScope, column: 'starts_at' | 'created_at') {
  const at = sql.raw(`b.${column}`);
  return sql`b.org_id = ${scope.orgId}
    and ${at} >= ${new Date(scope.startMs)} and ${at} < ${new Date(scope.endMs)}
    ${scope.programId ? sql`and b.program_id = ${scope.programId}` : sql``}
    ${
      scope.groupId
        ? sql`and exists (select 1 from ${groupMembers} gm
            where gm.group_id = ${scope.groupId} and gm.user_id = b.mentee_id)`
        : sql``
    }`;
}

/** Statuses a booking reaches only once approved (core/reports.ts says the same). */
const approvedOnce = sql.raw(
  `('approved', 'completed', 'cancelled', 'no_show_mentor', 'no_show_mentee')`,
);

/** Bookings by the week (from Monday, in the admin's zone) their session falls in, and status. */
export function countBookingsByWeek(q: Queryable, scope: ReportScope) {
  return rowsOf<{ week: string; status: BookingStatus; n: number }>(
    q,
    sql`select to_char(date_trunc('week', b.starts_at at time zone ${scope.timeZone}), 'YYYY-MM-DD') as week,
        b.status, count(*)::int as n
      from ${bookings} b where ${bookingsIn(scope, 'starts_at')}
      group by 1, 2`,
  );
}

/** The period's requests by what became of them. */
export function countBookingOutcomes(q: Queryable, scope: ReportScope) {
  return rowsOf<{ status: BookingStatus; late: boolean; n: number }>(
    q,
    sql`select b.status, b.late_cancellation as late, count(*)::int as n
      from ${bookings} b where ${bookingsIn(scope, 'created_at')}
      group by 1, 2`,
  );
}

/**
 * Median and 90th percentile of minutes from a request to the mentor's first
 * answer (`first_answered_at`, set by the decision itself). An automatic
 * approval, made in the request's own transaction, is no answer of the
 * mentor's and is left out.
 */
export async function mentorAnswerTimes(q: Queryable, scope: ReportScope) {
  const [row] = await rowsOf<{ median: number | null; p90: number | null; answered: number }>(
    q,
    sql`select percentile_cont(0.5) within group (order by minutes)::float8 as median,
        percentile_cont(0.9) within group (order by minutes)::float8 as p90,
        count(*)::int as answered
      from (
        select extract(epoch from b.first_answered_at - b.created_at) / 60 as minutes
        from ${bookings} b where ${bookingsIn(scope, 'created_at')}
          and b.first_answered_at is not null
      ) answers`,
  );
  return row ?? { median: null, p90: null, answered: 0 };
}

/** Ratings of the period's sessions by side and stars. */
export function countRatings(q: Queryable, scope: ReportScope) {
  return rowsOf<{ side: 'mentor' | 'mentee'; stars: number; n: number }>(
    q,
    sql`select r.side, r.stars::int as stars, count(*)::int as n
      from ${bookingRatings} r join ${bookings} b on b.id = r.booking_id
      where ${bookingsIn(scope, 'starts_at')}
      group by 1, 2`,
  );
}

/**
 * For mentees who joined a program in the period (à la carte) or were first
 * matched in it (matched programs): median and 90th percentile of days to
 * their first session in that program, and how many have had one or not.
 */
export async function daysToFirstSession(q: Queryable, scope: ReportScope) {
  const [row] = await rowsOf<{
    median: number | null;
    p90: number | null;
    withSession: number;
    withoutSession: number;
  }>(
    q,
    sql`with starts as (
        select pm.user_id, pm.program_id,
          case when p.mode = 'matched'
            then (select min(m.created_at) from ${matches} m
                  where m.program_id = pm.program_id and m.mentee_id = pm.user_id)
            else pm.created_at end as started_at
        from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where p.org_id = ${scope.orgId} and pm.role = 'mentee'
          ${scope.programId ? sql`and pm.program_id = ${scope.programId}` : sql``}
          ${
            scope.groupId
              ? sql`and exists (select 1 from ${groupMembers} gm
                  where gm.group_id = ${scope.groupId} and gm.user_id = pm.user_id)`
              : sql``
          }
      ), firsts as (
        select (extract(epoch from (
            select min(b.starts_at) from ${bookings} b
            where b.mentee_id = s.user_id and b.program_id = s.program_id
              and b.status in ${approvedOnce} and b.starts_at >= s.started_at
          ) - s.started_at) / 86400)::float8 as days
        from starts s
        where s.started_at >= ${new Date(scope.startMs)} and s.started_at < ${new Date(scope.endMs)}
      )
      select percentile_cont(0.5) within group (order by days)::float8 as median,
        percentile_cont(0.9) within group (order by days)::float8 as p90,
        count(days)::int as "withSession", (count(*) - count(days))::int as "withoutSession"
      from firsts`,
  );
  return row ?? { median: null, p90: null, withSession: 0, withoutSession: 0 };
}

/** Mentor skills the period's bookings were made for, most booked first. */
export function countBookedSkills(q: Queryable, scope: ReportScope, limit: number) {
  return rowsOf<{ skill: string; n: number }>(
    q,
    sql`select s.skill, count(*)::int as n
      from ${bookings} b join ${users} u on u.id = b.mentor_id,
        unnest(u.skills) as s(skill)
      where ${bookingsIn(scope, 'starts_at')}
      group by s.skill order by n desc, s.skill limit ${limit}`,
  );
}

/** Mentors by sessions held or approved in the period, with how many were requested. */
export function busiestMentors(q: Queryable, scope: ReportScope, limit: number) {
  return rowsOf<{ mentorId: string; name: string; sessions: number; requests: number }>(
    q,
    sql`select b.mentor_id as "mentorId", u.name,
        count(*) filter (where b.status in ${approvedOnce})::int as sessions,
        count(*)::int as requests
      from ${bookings} b join ${users} u on u.id = b.mentor_id
      where ${bookingsIn(scope, 'starts_at')}
      group by b.mentor_id, u.name order by sessions desc, requests desc, u.name limit ${limit}`,
  );
}

/** Active matches with no session (held, approved or asked for) since `sinceMs`, oldest match first. */
export function quietMatches(
  q: Queryable,
  scope: Pick<ReportScope, 'orgId' | 'programId'>,
  sinceMs: number,
  nowMs: number,
  limit: number,
) {
  return rowsOf<{
    matchId: string;
    programName: string;
    mentorId: string;
    mentorName: string;
    menteeId: string;
    menteeName: string;
    matchedAt: string;
    lastSessionAt: string | null;
  }>(
    q,
    sql`select m.id as "matchId", p.name as "programName",
        m.mentor_id as "mentorId", mentor.name as "mentorName",
        m.mentee_id as "menteeId", mentee.name as "menteeName",
        m.created_at as "matchedAt",
        (select max(b.starts_at) from ${bookings} b
          where b.program_id = m.program_id and b.mentor_id = m.mentor_id and b.mentee_id = m.mentee_id
            and b.status in ${approvedOnce} and b.starts_at < ${new Date(nowMs)}) as "lastSessionAt"
      from ${matches} m
        join ${programs} p on p.id = m.program_id
        join ${users} mentor on mentor.id = m.mentor_id
        join ${users} mentee on mentee.id = m.mentee_id
      where p.org_id = ${scope.orgId} and m.ended_at is null
        and m.created_at < ${new Date(sinceMs)}
        -- a match with someone deactivated waits for their return, not for a nudge
        and ${notDeactivatedIn(scope.orgId, sql`m.mentor_id`)}
        and ${notDeactivatedIn(scope.orgId, sql`m.mentee_id`)}
        ${scope.programId ? sql`and m.program_id = ${scope.programId}` : sql``}
        and not exists (select 1 from ${bookings} b
          where b.program_id = m.program_id and b.mentor_id = m.mentor_id and b.mentee_id = m.mentee_id
            and (b.status = 'pending' or b.status in ${approvedOnce})
            and b.starts_at >= ${new Date(sinceMs)})
      order by m.created_at limit ${limit}`,
  );
}

/** Mentors with requests waiting for their answer, longest waiting first. */
export function mentorsWithUnansweredRequests(
  q: Queryable,
  scope: Pick<ReportScope, 'orgId' | 'programId'>,
  limit: number,
) {
  return rowsOf<{ mentorId: string; name: string; waiting: number; oldestAt: string }>(
    q,
    sql`select b.mentor_id as "mentorId", u.name, count(*)::int as waiting,
        min(b.created_at) as "oldestAt"
      from ${bookings} b join ${users} u on u.id = b.mentor_id
      where b.org_id = ${scope.orgId} and b.status = 'pending' and b.awaiting = 'mentor'
        ${scope.programId ? sql`and b.program_id = ${scope.programId}` : sql``}
      group by b.mentor_id, u.name order by "oldestAt" limit ${limit}`,
  );
}
