import { hasLapsed } from '../core/booking-machine.ts';
import { jobRetryAfterFailure } from '../core/job-retries.ts';
import { followUpStands, reminderStands } from '../core/session-reminders.ts';
import type { Tx } from '../db/client.ts';
import { getBookingByIdForUpdate, insertOutbox } from '../db/queries/bookings.ts';
import { claimDueJob, markJobDone, markJobFailed } from '../db/queries/jobs.ts';
import { bookingAudience } from '../db/queries/live-events.ts';
import { applyBookingDecision, lapseView } from './apply-booking-decision.ts';
import { followUpKinds, runBookingFollowUps } from './booking-follow-ups.ts';
import { EMAIL_CHANGE_JOB, sendEmailChange } from './change-email.ts';
import type { ServiceContext } from './context.ts';
import { DIGEST_JOB, sendDigest } from './daily-digest.ts';
import {
  emailImportedAccount,
  IMPORTED_ACCOUNT_EMAIL_JOB,
  MEMBER_IMPORT_JOB,
  runMemberImportJob,
} from './import-members.ts';
import { emailUnreadMessages, MESSAGE_EMAIL_JOB } from './message-emails.ts';
import { PASSWORD_RESET_JOB, sendPasswordReset } from './request-password-reset.ts';
import { SIGN_UP_JOB, sendSignUpEmail } from './sign-up.ts';

type Handler = (tx: Tx, ctx: ServiceContext, payload: Record<string, string>) => Promise<void>;

/** Expires a booking still unanswered at its expiry time; anything else means it was decided first. */
const expireBooking: Handler = async (tx, ctx, payload) => {
  const booking = await getBookingByIdForUpdate(tx, payload.bookingId ?? '');
  // Not lapsed: decided first, or a later round moved the expiry.
  if (!booking || !hasLapsed(lapseView(booking), ctx.now().getTime())) return;
  await applyBookingDecision(
    tx,
    ctx,
    booking,
    { side: 'system', userId: null },
    { action: 'expire' },
  );
};

/** Reminds the mentor of a booking still waiting for them. */
const remindMentor: Handler = async (tx, _ctx, payload) => {
  const booking = await getBookingByIdForUpdate(tx, payload.bookingId ?? '');
  if (booking?.status !== 'pending' || booking.awaiting !== 'mentor') return;
  await insertOutbox(
    tx,
    'booking.reminder',
    {
      bookingId: booking.id,
      mentorId: booking.mentorId,
      menteeId: booking.menteeId,
      expiresAt: booking.expiresAt?.toISOString() ?? null,
      startsAt: booking.startsAt.toISOString(),
    },
    { orgId: booking.orgId, bookingId: booking.id, userIds: [booking.mentorId] },
  );
};

/** Reminds someone of an approved session, unless it moved or was cancelled since. */
const remindOfSession: Handler = async (tx, _ctx, payload) => {
  const booking = await getBookingByIdForUpdate(tx, payload.bookingId ?? '');
  const scheduledFor = Date.parse(payload.startsAt ?? '');
  if (!booking) return;
  if (
    !reminderStands(
      { status: booking.status, startsAtMs: booking.startsAt.getTime() },
      scheduledFor,
    )
  ) {
    return;
  }
  await insertOutbox(
    tx,
    'booking.session_reminder',
    {
      bookingId: booking.id,
      mentorId: booking.mentorId,
      menteeId: booking.menteeId,
      startsAt: booking.startsAt.toISOString(),
      minutesBefore: Number(payload.minutesBefore ?? 0),
      // Each person's reminders are their own; jobs made before that remind both.
      ...(payload.userId ? { forUserId: payload.userId } : {}),
    },
    bookingAudience(booking),
  );
};

/** Asks both people how an approved session went, once it has ended where it was scheduled. */
const askHowItWent: Handler = async (tx, _ctx, payload) => {
  const booking = await getBookingByIdForUpdate(tx, payload.bookingId ?? '');
  if (!booking) return;
  const scheduledEnd = Date.parse(payload.endsAt ?? '');
  if (
    !followUpStands({ status: booking.status, endsAtMs: booking.endsAt.getTime() }, scheduledEnd)
  ) {
    return;
  }
  await insertOutbox(
    tx,
    'booking.session_ended',
    {
      bookingId: booking.id,
      mentorId: booking.mentorId,
      menteeId: booking.menteeId,
      startsAt: booking.startsAt.toISOString(),
    },
    bookingAudience(booking),
  );
};

/** Closes a move nobody answered before the session or the proposed time began. */
const lapseMove: Handler = async (tx, ctx, payload) => {
  const booking = await getBookingByIdForUpdate(tx, payload.bookingId ?? '');
  // Answered, withdrawn, or a newer move: nothing to close.
  if (!booking?.moveStartsAt || booking.moveStartsAt.toISOString() !== payload.moveStartsAt) return;
  await applyBookingDecision(
    tx,
    ctx,
    booking,
    { side: 'system', userId: null },
    { action: 'expire_move' },
  );
};

const handlers: Record<string, Handler> = {
  'booking.expire': expireBooking,
  'booking.remind': remindMentor,
  'booking.session_reminder': remindOfSession,
  'booking.session_ended': askHowItWent,
  'booking.move_lapse': lapseMove,
  [PASSWORD_RESET_JOB]: sendPasswordReset,
  [SIGN_UP_JOB]: sendSignUpEmail,
  [EMAIL_CHANGE_JOB]: sendEmailChange,
  [MESSAGE_EMAIL_JOB]: emailUnreadMessages,
  [DIGEST_JOB]: sendDigest,
  [MEMBER_IMPORT_JOB]: runMemberImportJob,
  [IMPORTED_ACCOUNT_EMAIL_JOB]: emailImportedAccount,
};

/**
 * Runs jobs that are due at `ctx.now()`, each in its own transaction with the
 * job row claimed FOR UPDATE SKIP LOCKED and marked done in that same
 * transaction: a job runs once even with several workers, and a crash before
 * commit leaves it to run again. Returns how many jobs were handled.
 */
export async function runDueJobs(
  ctx: ServiceContext,
  limit = 100,
  /** only jobs of these kinds (a test finishing one step), and then no provider steps */
  onlyKinds?: string[],
): Promise<number> {
  let handled = 0;
  while (handled < limit) {
    const claimed = await ctx.db.transaction(async (tx) => {
      // Provider steps run outside transactions, below.
      const job = await claimDueJob(tx, ctx.now(), followUpKinds, onlyKinds);
      if (!job) return false;
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        // A savepoint: a failing handler rolls back its own writes, not the bookkeeping.
        await tx.transaction((sp) => handler(sp, ctx, job.payload));
        await markJobDone(tx, job.id, ctx.now());
      } catch (err) {
        const { retryAt, giveUp } = jobRetryAfterFailure(job.attempts, ctx.now().getTime());
        await markJobFailed(tx, job.id, String(err), retryAt, giveUp);
      }
      return true;
    });
    if (!claimed) break;
    handled++;
  }
  // Last: the provider steps, including those the jobs above just caused.
  while (handled < limit && !onlyKinds) {
    const ran = await runBookingFollowUps(ctx, undefined, limit - handled);
    if (ran === 0) break;
    handled += ran;
  }
  return handled;
}
