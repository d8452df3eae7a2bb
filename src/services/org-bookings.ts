import { invalidField } from '../core/errors.ts';
import { searchWords } from '../core/mentor-search.ts';
import { dayRange } from '../core/reports.ts';
import { prefixQuery } from '../db/queries/mentor-search.ts';
import {
  countOrgBookings,
  listOrgBookings,
  listOrgMatches,
  listOrgRatings,
  type OrgBookingFilters,
} from '../db/queries/org-bookings.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

export type BookingSearch = Omit<OrgBookingFilters, 'personQuery' | 'from' | 'to'> & {
  /** words of the mentor's or mentee's name; each a prefix */
  q?: string | undefined;
  /** sessions on these days (inclusive) in `timeZone` */
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
};

/** The most rows one bookings export holds; narrower filters get the rest. */
export const BOOKINGS_EXPORT_LIMIT = 100_000;

function filtersOf({ q, from, to, timeZone, ...rest }: BookingSearch): OrgBookingFilters {
  const words = searchWords(q ?? '');
  const range = dayRange({ from, to, timeZone });
  if (!range) throw invalidField('query.to', 'must be on or after from');
  return {
    ...rest,
    personQuery: words.length > 0 ? prefixQuery(words) : null,
    ...(range.startMs !== undefined ? { from: new Date(range.startMs) } : {}),
    ...(range.endMs !== undefined ? { to: new Date(range.endMs) } : {}),
  };
}

/**
 * Admin → Bookings (issue #13): the organisation's bookings, filtered by
 * status, program, mentor, mentee, a name and the session's dates, a page at
 * a time with how many match in all.
 */
export async function listBookingsOfOrg(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  search: BookingSearch,
  page: { limit: number; offset: number },
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const filters = filtersOf(search);
  const [bookings, total] = await Promise.all([
    listOrgBookings(ctx.db, orgId, filters, page),
    countOrgBookings(ctx.db, orgId, filters),
  ]);
  return { bookings, total };
}

const money = (minor: number, currency: string | null) =>
  minor > 0 && currency ? `${(minor / 100).toFixed(2)} ${currency}` : '';

/** The same bookings as CSV (at most BOOKINGS_EXPORT_LIMIT, latest first). */
export async function exportBookingsCsv(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  search: BookingSearch,
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const rows = await listOrgBookings(ctx.db, orgId, filtersOf(search), {
    limit: BOOKINGS_EXPORT_LIMIT,
    offset: 0,
  });
  return spreadsheetCsv([
    [
      'starts_at',
      'ends_at',
      'status',
      'program',
      'mentor',
      'mentee',
      'requested_at',
      'late_cancellation',
      'price',
      'mentee_stars',
      'reason',
    ],
    ...rows.map((b) => [
      b.startsAt.toISOString(),
      b.endsAt.toISOString(),
      b.status,
      b.programName,
      b.mentorName,
      b.menteeName,
      b.createdAt.toISOString(),
      b.lateCancellation ? 'yes' : 'no',
      money(b.priceMinor, b.currency),
      b.menteeStars,
      b.reason ?? '',
    ]),
  ]);
}

const iso = (at: string | Date | null) => (at === null ? '' : new Date(at).toISOString());

/** Every match of the organisation's programs as CSV, with the sessions each pair held. */
export async function exportMatchesCsv(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const rows = await listOrgMatches(ctx.db, orgId);
  return spreadsheetCsv([
    [
      'program',
      'mentor',
      'mentor_email',
      'mentee',
      'mentee_email',
      'matched_at',
      'ended_at',
      'sessions_held',
    ],
    ...rows.map((m) => [
      m.programName,
      m.mentorName,
      m.mentorEmail,
      m.menteeName,
      m.menteeEmail,
      iso(m.createdAt),
      iso(m.endedAt),
      m.held,
    ]),
  ]);
}

/** Every rating given on the organisation's bookings as CSV. */
export async function exportRatingsCsv(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const rows = await listOrgRatings(ctx.db, orgId);
  return spreadsheetCsv([
    ['session_at', 'program', 'mentor', 'mentee', 'rated_by', 'stars', 'feedback', 'rated_at'],
    ...rows.map((r) => [
      iso(r.startsAt),
      r.programName,
      r.mentorName,
      r.menteeName,
      r.side,
      r.stars,
      r.feedback,
      iso(r.ratedAt),
    ]),
  ]);
}
