import { jobRetryAfterFailure } from '../core/job-retries.ts';
import type { BookingRow } from '../db/queries/bookings.ts';
import { getBookingById } from '../db/queries/bookings.ts';
import {
  type JobRow,
  leaseDueJobs,
  markJobDone,
  markJobFailed,
  type NewJob,
} from '../db/queries/jobs.ts';
import { announceChange, bookingAudience } from '../db/queries/live-events.ts';
import { insertLedgerEntryOnce, listLedgerEntries } from '../db/queries/money.ts';
import { RetryLaterError } from '../integrations/video.ts';
import type { ServiceContext } from './context.ts';
import { CALENDAR_REFRESH_JOB, refreshExternalCalendar } from './external-calendars.ts';
import { createMeeting, deleteMeeting, type Step, updateMeeting } from './meeting-steps.ts';

/*
 * Calls to the video and payment providers that a booking decision causes.
 * The decision's transaction only records them as jobs (durable, in the same
 * statement as the decision); they run after it commits, outside any
 * transaction, so a slow provider never holds a booking's row lock, and a
 * crash leaves the job to run again. Providers are idempotent by booking and
 * the ledger records each movement once, so running a step twice is harmless.
 */

/** How long a worker may take over one step before another may take it over. */
const LEASE_MS = 5 * 60_000;

export function moneyJob(bookingId: string, movement: 'capture' | 'refund', now: Date): NewJob {
  return {
    kind: 'booking.money',
    runAt: now,
    payload: { bookingId, movement },
    dedupeKey: `money:${bookingId}:${movement}`,
  };
}

/** Captures or refunds the held amount, and records it in the ledger once. */
const moveMoney: Step = async (ctx, { bookingId = '', movement }) => {
  if (movement !== 'capture' && movement !== 'refund') throw new Error(`bad movement ${movement}`);
  const booking = await getBookingById(ctx.db, bookingId);
  const entries = await listLedgerEntries(ctx.db, bookingId);
  const hold = entries.find((e) => e.kind === 'hold');
  const currency = booking?.currency;
  if (!booking || !currency || !hold || entries.some((e) => e.kind === movement)) return;
  const ref =
    movement === 'capture'
      ? await ctx.payments.capture(bookingId, hold.providerRef ?? '')
      : await ctx.payments.refund(bookingId, hold.providerRef ?? '');
  await ctx.db.transaction(async (tx) => {
    const added = await insertLedgerEntryOnce(tx, {
      bookingId,
      kind: movement,
      amountMinor: booking.priceMinor,
      currency,
      providerRef: ref,
    });
    // The booking's card shows its payment state: both people's pages refetch.
    if (!added) return;
    await announceChange(tx, {
      type: 'change',
      resources: ['bookings'],
      ...bookingAudience(booking),
    });
  });
};

const steps: Record<string, Step> = {
  'booking.meeting': createMeeting,
  'booking.meeting_update': updateMeeting,
  'booking.meeting_delete': deleteMeeting,
  'booking.money': moveMoney,
  // Not a booking's, but an outside call all the same: reading a mentor's calendar (issue #14).
  [CALENDAR_REFRESH_JOB]: (ctx, { calendarId = '', periodic }) =>
    refreshExternalCalendar(ctx, calendarId, periodic === 'true'),
};

/** Job kinds that run outside any transaction (the job runner leaves them to us). */
export const followUpKinds = Object.keys(steps);

async function runStep(ctx: ServiceContext, job: JobRow) {
  try {
    await steps[job.kind]?.(ctx, job.payload, job);
    await markJobDone(ctx.db, job.id, ctx.now());
  } catch (err) {
    const backOff = jobRetryAfterFailure(job.attempts, ctx.now().getTime());
    // A provider's own "try again at" (429 Retry-After) instead of our back-off.
    const { retryAt, giveUp } =
      err instanceof RetryLaterError ? { ...backOff, retryAt: err.retryAt } : backOff;
    await markJobFailed(ctx.db, job.id, String(err), retryAt, giveUp);
  }
}

/**
 * Runs the due provider steps of one booking (right after its decision
 * committed, so the answer carries the link and the payment state), or of
 * any booking (the job worker). Returns how many ran.
 */
export async function runBookingFollowUps(
  ctx: ServiceContext,
  bookingId?: string,
  limit = 20,
): Promise<number> {
  const now = ctx.now();
  const until = new Date(now.getTime() + LEASE_MS);
  const leased = await leaseDueJobs(ctx.db, { kinds: followUpKinds, now, until, bookingId, limit });
  for (const job of leased) await runStep(ctx, job);
  return leased.length;
}

/**
 * Whether a step can have left provider work: money to move (a priced
 * booking), a meeting still to make, or a provider's meeting to move or delete. Derived from the row, so the common
 * free request or decision costs no extra statement; anything missed here is
 * still run by the worker.
 */
const mayHaveFollowUps = (b: BookingRow) =>
  b.priceMinor > 0 || (b.status === 'approved' && !b.meetingUrl) || b.meetingExternalId !== null;

/** After a decision on `booking`: its provider steps, then the row as they left it. */
export async function settleBooking(ctx: ServiceContext, booking: BookingRow): Promise<BookingRow> {
  if (!mayHaveFollowUps(booking)) return booking;
  if ((await runBookingFollowUps(ctx, booking.id)) === 0) return booking;
  return (await getBookingById(ctx.db, booking.id)) ?? booking;
}
