import { type SQL, sql } from 'drizzle-orm';
import type { BookingStatus } from '../../core/booking-machine.ts';
import type { Queryable } from '../client.ts';
import { bookingRatings, bookings, matches, programs, users } from '../schema.ts';

/*
 * Issue #13: the organisation's bookings, matches and ratings as an admin
 * lists and exports them. Filters are SQL over the bookings indexes (by
 * organisation and start, by mentor, by mentee); a name search finds the
 * people first through the users' search index.
 */

export type OrgBookingFilters = {
  status?: BookingStatus | undefined;
  programId?: string | undefined;
  mentorId?: string | undefined;
  menteeId?: string | undefined;
  /** only bookings whose mentor or mentee matches (`prefixQuery` of mentor-search.ts) */
  personQuery?: SQL | null | undefined;
  /** sessions starting at or after */
  from?: Date | undefined;
  /** sessions starting before */
  to?: Date | undefined;
};

async function rowsOf<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}

function bookingFilters(orgId: string, f: OrgBookingFilters): SQL {
  const people = f.personQuery
    ? sql`(select id from ${users} where search_vector @@ ${f.personQuery})`
    : null;
  return sql`b.org_id = ${orgId}
    ${f.status ? sql`and b.status = ${f.status}` : sql``}
    ${f.programId ? sql`and b.program_id = ${f.programId}` : sql``}
    ${f.mentorId ? sql`and b.mentor_id = ${f.mentorId}` : sql``}
    ${f.menteeId ? sql`and b.mentee_id = ${f.menteeId}` : sql``}
    ${people ? sql`and (b.mentor_id in ${people} or b.mentee_id in ${people})` : sql``}
    ${f.from ? sql`and b.starts_at >= ${f.from}` : sql``}
    ${f.to ? sql`and b.starts_at < ${f.to}` : sql``}`;
}

export type OrgBookingRow = {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  programId: string;
  programName: string;
  mentorId: string;
  mentorName: string;
  menteeId: string;
  menteeName: string;
  reason: string | null;
  lateCancellation: boolean;
  priceMinor: number;
  currency: string | null;
  menteeStars: number | null;
};

/**
 * A page of the organisation's bookings, latest session first, with both
 * people, the program and the mentee's rating. The page's ids are chosen
 * first (from the (org, starts_at) index), names joined for those rows only.
 */
export async function listOrgBookings(
  q: Queryable,
  orgId: string,
  f: OrgBookingFilters,
  page: { limit: number; offset: number },
): Promise<OrgBookingRow[]> {
  const rows = await rowsOf<
    OrgBookingRow & { startsAt: string; endsAt: string; createdAt: string }
  >(
    q,
    sql`with page as materialized (
      select b.id from ${bookings} b
      where ${bookingFilters(orgId, f)}
      order by b.starts_at desc, b.id desc
      limit ${page.limit} offset ${page.offset}
    )
    select b.id, b.status, b.starts_at as "startsAt", b.ends_at as "endsAt",
      b.created_at as "createdAt", b.program_id as "programId", p.name as "programName",
      b.mentor_id as "mentorId", mentor.name as "mentorName",
      b.mentee_id as "menteeId", mentee.name as "menteeName",
      b.reason, b.late_cancellation as "lateCancellation",
      b.price_minor as "priceMinor", b.currency,
      r.stars as "menteeStars"
    from page join ${bookings} b on b.id = page.id
    join ${programs} p on p.id = b.program_id
    join ${users} mentor on mentor.id = b.mentor_id
    join ${users} mentee on mentee.id = b.mentee_id
    left join ${bookingRatings} r on r.booking_id = b.id and r.side = 'mentee'
    order by b.starts_at desc, b.id desc`,
  );
  return rows.map((r) => ({
    ...r,
    startsAt: new Date(r.startsAt),
    endsAt: new Date(r.endsAt),
    createdAt: new Date(r.createdAt),
  }));
}

/** How many bookings the filters find in all. */
export async function countOrgBookings(
  q: Queryable,
  orgId: string,
  f: OrgBookingFilters,
): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    q,
    sql`select count(*)::int as n from ${bookings} b where ${bookingFilters(orgId, f)}`,
  );
  return row?.n ?? 0;
}

export type OrgMatchRow = {
  programName: string;
  mentorName: string;
  mentorEmail: string;
  menteeName: string;
  menteeEmail: string;
  createdAt: string;
  endedAt: string | null;
  held: number;
};

/** Every match of the organisation's programs, with the sessions the pair held in the program. */
export function listOrgMatches(q: Queryable, orgId: string): Promise<OrgMatchRow[]> {
  return rowsOf<OrgMatchRow>(
    q,
    sql`select p.name as "programName", mentor.name as "mentorName", mentor.email as "mentorEmail",
      mentee.name as "menteeName", mentee.email as "menteeEmail",
      m.created_at as "createdAt", m.ended_at as "endedAt",
      (select count(*)::int from ${bookings} b
        where b.mentor_id = m.mentor_id and b.mentee_id = m.mentee_id
          and b.program_id = m.program_id and b.status = 'completed') as held
    from ${matches} m
    join ${programs} p on p.id = m.program_id
    join ${users} mentor on mentor.id = m.mentor_id
    join ${users} mentee on mentee.id = m.mentee_id
    where p.org_id = ${orgId}
    order by p.name, mentor.name, mentee.name, m.created_at`,
  );
}

export type OrgRatingRow = {
  startsAt: string;
  programName: string;
  mentorName: string;
  menteeName: string;
  side: 'mentor' | 'mentee';
  stars: number;
  feedback: string;
  ratedAt: string;
};

/** Every rating given on the organisation's bookings, latest session first. */
export function listOrgRatings(q: Queryable, orgId: string): Promise<OrgRatingRow[]> {
  return rowsOf<OrgRatingRow>(
    q,
    sql`select b.starts_at as "startsAt", p.name as "programName",
      mentor.name as "mentorName", mentee.name as "menteeName",
      r.side, r.stars, r.feedback, r.created_at as "ratedAt"
    from ${bookingRatings} r
    join ${bookings} b on b.id = r.booking_id
    join ${programs} p on p.id = b.program_id
    join ${users} mentor on mentor.id = b.mentor_id
    join ${users} mentee on mentee.id = b.mentee_id
    where b.org_id = ${orgId}
    order by b.starts_at desc, r.side`,
  );
}
