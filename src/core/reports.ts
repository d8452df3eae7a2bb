import { Temporal } from 'temporal-polyfill';
import type { BookingStatus } from './booking-machine.ts';

/*
 * Issue #13 "Reports": the period a report covers (whole days in the
 * admin's zone, weeks from Monday), how booking statuses group into what a
 * chart shows, and the rates — pure, so the SQL only counts.
 */

/** Weeks shown when no period is asked for: this week and the eleven before it. */
export const DEFAULT_REPORT_WEEKS = 12;
/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 366 * 2;

export type ReportPeriod = {
  /** first day, inclusive (YYYY-MM-DD in `timeZone`) */
  from: string;
  /** last day, inclusive */
  to: string;
  timeZone: string;
  /** the instants the period spans: [startMs, endMs) */
  startMs: number;
  endMs: number;
  /** the Mondays of the weeks it touches, in order */
  weeks: string[];
};

const startOfDay = (date: Temporal.PlainDate, timeZone: string) =>
  date.toZonedDateTime({ timeZone }).toInstant().epochMilliseconds;

const mondayOf = (date: Temporal.PlainDate) => date.subtract({ days: date.dayOfWeek - 1 });

/**
 * The period of a report: the days asked for, or the last twelve weeks to
 * today in the viewer's zone. Null when the days are the wrong way round or
 * span more than two years.
 */
/**
 * The instants a day range covers in a zone: from the start of `from` to the
 * end of `to` (inclusive), each side optional; null when `to` is before `from`.
 */
export function dayRange(input: {
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
}): { startMs?: number; endMs?: number } | null {
  const from = input.from ? Temporal.PlainDate.from(input.from) : null;
  const to = input.to ? Temporal.PlainDate.from(input.to) : null;
  if (from && to && Temporal.PlainDate.compare(to, from) < 0) return null;
  return {
    ...(from ? { startMs: startOfDay(from, input.timeZone) } : {}),
    ...(to ? { endMs: startOfDay(to.add({ days: 1 }), input.timeZone) } : {}),
  };
}

export function reportPeriod(
  input: { from?: string | undefined; to?: string | undefined; timeZone: string },
  nowMs: number,
): ReportPeriod | null {
  const today = Temporal.Instant.fromEpochMilliseconds(nowMs)
    .toZonedDateTimeISO(input.timeZone)
    .toPlainDate();
  const to = input.to ? Temporal.PlainDate.from(input.to) : today;
  const from = input.from
    ? Temporal.PlainDate.from(input.from)
    : mondayOf(to).subtract({ weeks: DEFAULT_REPORT_WEEKS - 1 });
  const days = to.since(from, { largestUnit: 'days' }).days;
  if (days < 0 || days > MAX_REPORT_DAYS) return null;
  const weeks: string[] = [];
  for (let w = mondayOf(from); Temporal.PlainDate.compare(w, to) <= 0; w = w.add({ weeks: 1 })) {
    weeks.push(w.toString());
  }
  return {
    from: from.toString(),
    to: to.toString(),
    timeZone: input.timeZone,
    startMs: startOfDay(from, input.timeZone),
    endMs: startOfDay(to.add({ days: 1 }), input.timeZone),
    weeks,
  };
}

/** What the weekly chart shows of a booking's status. */
export const weeklyKinds = [
  'completed',
  'approved',
  'pending',
  'cancelled',
  'noShow',
  'notHeld',
] as const;
export type WeeklyKind = (typeof weeklyKinds)[number];

export const weeklyKindOf: Record<BookingStatus, WeeklyKind> = {
  completed: 'completed',
  approved: 'approved',
  pending: 'pending',
  cancelled: 'cancelled',
  no_show_mentor: 'noShow',
  no_show_mentee: 'noShow',
  rejected: 'notHeld',
  declined: 'notHeld',
  withdrawn: 'notHeld',
  expired: 'notHeld',
};

export type WeekCount = { week: string } & Record<WeeklyKind, number>;

/** Every week of the period with its counts by kind; weeks with nothing are zeros, not gaps. */
export function sessionsPerWeek(
  weeks: string[],
  counted: { week: string; status: BookingStatus; n: number }[],
): WeekCount[] {
  const byWeek = new Map(
    weeks.map((week) => [
      week,
      Object.fromEntries([['week', week], ...weeklyKinds.map((k) => [k, 0])]) as WeekCount,
    ]),
  );
  for (const row of counted) {
    const week = byWeek.get(row.week);
    if (week) week[weeklyKindOf[row.status]] += row.n;
  }
  return [...byWeek.values()];
}

/** Statuses a booking reaches only once the mentor approved it. */
const approvedOnce: BookingStatus[] = [
  'approved',
  'completed',
  'cancelled',
  'no_show_mentor',
  'no_show_mentee',
];

export type OutcomeCounts = {
  requested: number;
  approved: number;
  rejected: number;
  expired: number;
  withdrawn: number;
  cancelledLate: number;
  cancelledEarly: number;
  noShowMentee: number;
  noShowMentor: number;
};

/** Counts of the period's bookings by what became of them (status and whether a cancellation was late). */
export function outcomeCounts(
  counted: { status: BookingStatus; late: boolean; n: number }[],
): OutcomeCounts {
  const c: OutcomeCounts = {
    requested: 0,
    approved: 0,
    rejected: 0,
    expired: 0,
    withdrawn: 0,
    cancelledLate: 0,
    cancelledEarly: 0,
    noShowMentee: 0,
    noShowMentor: 0,
  };
  for (const { status, late, n } of counted) {
    c.requested += n;
    if (approvedOnce.includes(status)) c.approved += n;
    if (status === 'rejected' || status === 'declined') c.rejected += n;
    if (status === 'expired') c.expired += n;
    if (status === 'withdrawn') c.withdrawn += n;
    if (status === 'cancelled') c[late ? 'cancelledLate' : 'cancelledEarly'] += n;
    if (status === 'no_show_mentee') c.noShowMentee += n;
    if (status === 'no_show_mentor') c.noShowMentor += n;
  }
  return c;
}

/** A share of a whole, or null when there is nothing to share out. */
export const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Approval, rejection and expiry rates of the requests the mentor decided (or let lapse). */
export function decisionRates(c: OutcomeCounts) {
  const decided = c.approved + c.rejected + c.expired;
  return {
    decided,
    approvalRate: rate(c.approved, decided),
    rejectionRate: rate(c.rejected, decided),
    expiryRate: rate(c.expired, decided),
  };
}
