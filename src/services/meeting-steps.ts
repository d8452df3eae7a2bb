import { JOB_MAX_ATTEMPTS } from '../core/job-retries.ts';
import type { BookingRow } from '../db/queries/bookings.ts';
import { insertOutbox, listBookings, setMissingMeeting } from '../db/queries/bookings.ts';
import type { JobRow, NewJob } from '../db/queries/jobs.ts';
import { announceChange, bookingAudience } from '../db/queries/live-events.ts';
import {
  jitsiVideo,
  type Meeting,
  type MeetingPlan,
  RetryLaterError,
} from '../integrations/video.ts';
import type { ServiceContext } from './context.ts';
import { videoForNewMeeting, videoThatMade } from './video-for-org.ts';

/*
 * The booking's meeting at its video provider, made, moved and deleted by
 * durable jobs outside any transaction (booking-follow-ups.ts runs them).
 */

export type Step = (
  ctx: ServiceContext,
  payload: Record<string, string>,
  job: JobRow,
) => Promise<void>;

export function meetingJob(bookingId: string, now: Date): NewJob {
  return {
    kind: 'booking.meeting',
    runAt: now,
    payload: { bookingId },
    dedupeKey: `meeting:${bookingId}`,
  };
}

/**
 * Moves the provider's meeting to the booking's time as it is when the job
 * runs. Any step that changes an approved booking's time adds this job in
 * its transaction (apply-booking-decision.ts does, for every decision).
 */
export function meetingUpdateJob(
  booking: Pick<BookingRow, 'id' | 'meetingExternalId'>,
  startsAt: Date,
  now: Date,
): NewJob | null {
  if (!booking.meetingExternalId) return null;
  return {
    kind: 'booking.meeting_update',
    runAt: now,
    payload: { bookingId: booking.id },
    dedupeKey: `meeting-update:${booking.id}:${startsAt.toISOString()}`,
  };
}

/** Deletes the provider's meeting of a booking that will not take place. */
export function meetingDeleteJob(
  booking: Pick<BookingRow, 'id' | 'meetingExternalId' | 'meetingProvider'>,
  now: Date,
): NewJob | null {
  if (!booking.meetingExternalId || !booking.meetingProvider) return null;
  return {
    kind: 'booking.meeting_delete',
    runAt: now,
    payload: {
      bookingId: booking.id,
      provider: booking.meetingProvider,
      externalId: booking.meetingExternalId,
    },
    dedupeKey: `meeting-delete:${booking.id}:${booking.meetingExternalId}`,
  };
}

async function planOf(ctx: ServiceContext, bookingId: string) {
  const [listing] = await listBookings(ctx.db, { ids: [bookingId] });
  if (!listing) return null;
  const b = listing.booking;
  const plan: MeetingPlan = {
    bookingId,
    topic: `Mentoring: ${listing.mentorName} & ${listing.menteeName}`,
    startsAt: b.startsAt,
    durationMinutes: Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60_000),
  };
  return { booking: b, plan };
}

/**
 * A meeting from the organisation's provider. If it fails (or times out) the
 * approval still stands: a Jitsi room is the fallback and the mentor is asked
 * for their own link. A provider that says "later" (429) is tried again then,
 * unless that is past the session's start or this was the last try. With
 * `manual` nothing is made and the mentor is asked for a link.
 */
export const createMeeting: Step = async (ctx, { bookingId = '' }, job) => {
  const found = await planOf(ctx, bookingId);
  if (found?.booking.status !== 'approved' || found.booking.meetingUrl) return;
  const { booking, plan } = found;
  let provider = ctx.video;
  let meeting: Meeting | null;
  let failure: string | null = null;
  try {
    provider = await videoForNewMeeting(ctx, booking.orgId);
    meeting = await provider.createMeeting(plan);
  } catch (err) {
    const canWait =
      err instanceof RetryLaterError &&
      err.retryAt < booking.startsAt &&
      job.attempts + 1 < JOB_MAX_ATTEMPTS;
    if (canWait) throw err;
    failure = String(err).slice(0, 500);
    meeting = await jitsiVideo.createMeeting(plan);
  }
  const made = meeting && { ...meeting, provider: failure ? jitsiVideo.name : provider.name };
  const recorded = await ctx.db.transaction(async (tx) => {
    const people = bookingAudience(booking);
    // Only if nobody set a link meanwhile: the mentor's own link wins.
    if (made) {
      if (!(await setMissingMeeting(tx, bookingId, made))) return false;
      await announceChange(tx, { type: 'change', resources: ['bookings'], ...people });
    }
    // Made on a later try, the approval's emails may have gone without it: both get the link (and an updated invitation).
    if (made && !failure && job.attempts > 0) {
      await insertOutbox(
        tx,
        'booking.meeting_link',
        { bookingId, mentorId: booking.mentorId, menteeId: booking.menteeId, by: 'system' },
        people,
      );
    }
    if (made && !failure) return true;
    await insertOutbox(
      tx,
      'booking.meeting_link_needed',
      {
        bookingId,
        mentorId: booking.mentorId,
        provider: provider.name,
        ...(failure ? { error: failure } : {}),
      },
      people,
    );
    return true;
  });
  // Cancelled, or given the mentor's own link, while the provider worked: a
  // meeting nobody will use is deleted (best effort; the booking no longer names it).
  if (!recorded && made?.externalId) await provider.deleteMeeting(made.externalId).catch(() => {});
};

/** The meeting follows the booking's current time (only an approved booking's). */
export const updateMeeting: Step = async (ctx, { bookingId = '' }) => {
  const found = await planOf(ctx, bookingId);
  const b = found?.booking;
  if (!found || b?.status !== 'approved' || !b.meetingExternalId || !b.meetingProvider) return;
  const provider = await videoThatMade(ctx, b.orgId, b.meetingProvider);
  const { bookingId: _, ...plan } = found.plan;
  await provider.updateMeeting(b.meetingExternalId, plan);
};

export const deleteMeeting: Step = async (ctx, { bookingId = '', provider, externalId }) => {
  const [listing] = await listBookings(ctx.db, { ids: [bookingId] });
  if (!listing || !provider || !externalId) return;
  const made = await videoThatMade(ctx, listing.booking.orgId, provider);
  await made.deleteMeeting(externalId);
};
