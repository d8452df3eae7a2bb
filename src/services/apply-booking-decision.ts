import {
  type BookingAction,
  decideTransition,
  expiresAt,
  isLateCancellation,
  moneyAfter,
  moveLapsesAt,
  type OpenMove,
  type Side,
} from '../core/booking-machine.ts';
import { AppError, invalidField } from '../core/errors.ts';
import { describeCohort, withinCohort } from '../core/program-settings.ts';
import { DEFAULT_REMINDER_MINUTES, reminderTimes } from '../core/session-reminders.ts';
import { bookingStepTopic } from '../core/topics.ts';
import type { Tx } from '../db/client.ts';
import { getUserById, reminderMinutesOf } from '../db/queries/accounts.ts';
import { type BookingRow, updateBookingFrom } from '../db/queries/bookings.ts';
import type { NewJob } from '../db/queries/jobs.ts';
import { getProgramInOrg } from '../db/queries/programs.ts';
import { getSessionForUpdate } from '../db/queries/sessions.ts';
import { moneyJob } from './booking-follow-ups.ts';
import type { ServiceContext } from './context.ts';
import { meetingDeleteJob, meetingJob, meetingUpdateJob } from './meeting-steps.ts';
import { acceptanceAfter } from './mentorship-requests.ts';

export type Decision = {
  action: BookingAction;
  reason?: string | undefined;
  /** a new time; its length is the booking's own unless given */
  proposal?: { startsAt: Date; lengthMinutes?: number | undefined } | undefined;
};

const HOUR_MS = 3_600_000;

/** The steps that answer a request, for Reports' answer times. */
const answers: ReadonlySet<BookingAction> = new Set(['approve', 'reject', 'propose_time']);

/** What core's `hasLapsed` needs of a booking row. */
export const lapseView = (b: BookingRow) => ({
  status: b.status,
  expiresAt: b.expiresAt?.getTime() ?? null,
  startsAt: b.startsAt.getTime(),
});

/**
 * Jobs that watch an unanswered booking: a reminder to the mentor after 24 h
 * and a day before expiry, and the expiry itself. Keyed by round, so a new
 * proposal schedules afresh; handlers check the booking before acting.
 */
export function bookingJobs(
  booking: Pick<BookingRow, 'id' | 'status' | 'expiresAt' | 'round'>,
  since: Date,
): NewJob[] {
  if (booking.status !== 'pending' || !booking.expiresAt) return [];
  const id = booking.id;
  const created = since.getTime();
  const expiry = booking.expiresAt.getTime();
  const round = booking.round;
  const list: NewJob[] = [
    {
      kind: 'booking.expire',
      runAt: booking.expiresAt,
      payload: { bookingId: id },
      dedupeKey: `expire:${id}:${round}`,
    },
  ];
  if (created + 24 * HOUR_MS < expiry) {
    list.push({
      kind: 'booking.remind',
      runAt: new Date(created + 24 * HOUR_MS),
      payload: { bookingId: id },
      dedupeKey: `remind:${id}:${round}`,
    });
  }
  if (expiry - 24 * HOUR_MS > created + 24 * HOUR_MS) {
    list.push({
      kind: 'booking.remind',
      runAt: new Date(expiry - 24 * HOUR_MS),
      payload: { bookingId: id },
      dedupeKey: `remind-expiry:${id}:${round}`,
    });
  }
  return list;
}

/**
 * Reminders before an approved session, for each person at the times they
 * chose (24 h and 1 h unless changed; none if they turned them off), keyed by
 * the session's start: a move schedules its own, and the old ones find the
 * booking moved and do nothing; a cancellation leaves them nothing to do.
 */
export function sessionReminderJobs(
  bookingId: string,
  startsAt: Date,
  now: Date,
  people: { userId: string; reminderMinutes: readonly number[] | null }[],
): NewJob[] {
  return people.flatMap((p) =>
    reminderTimes(
      startsAt.getTime(),
      now.getTime(),
      p.reminderMinutes ?? DEFAULT_REMINDER_MINUTES,
    ).map((r) => ({
      kind: 'booking.session_reminder',
      runAt: new Date(r.runAtMs),
      payload: {
        bookingId,
        userId: p.userId,
        startsAt: startsAt.toISOString(),
        minutesBefore: String(r.minutesBefore),
      },
      dedupeKey: `session-reminder:${bookingId}:${startsAt.toISOString()}:${p.userId}:${r.minutesBefore}`,
    })),
  );
}

/** An approved booking's open move as core sees it, if any. */
export function openMoveOf(b: BookingRow): OpenMove | null {
  if (!b.moveStartsAt || !b.moveEndsAt || !b.moveBy) return null;
  return { startsAt: b.moveStartsAt.getTime(), endsAt: b.moveEndsAt.getTime(), by: b.moveBy };
}

/** A move nobody answered lapses when the session or the proposed time begins. */
function moveLapseJob(bookingId: string, startsAt: number, move: OpenMove, now: Date): NewJob {
  const at = moveLapsesAt({ startsAt, move });
  return {
    kind: 'booking.move_lapse',
    runAt: new Date(at),
    payload: { bookingId, moveStartsAt: new Date(move.startsAt).toISOString() },
    dedupeKey: `move-lapse:${bookingId}:${now.getTime()}`,
  };
}

/**
 * At a session's end both people are asked how it went (complete, no-show,
 * rating), keyed by its end: a move makes a new one, the old one finds the
 * booking moved and does nothing.
 */
export function sessionEndedJob(bookingId: string, endsAt: Date): NewJob {
  return {
    kind: 'booking.session_ended',
    runAt: endsAt,
    payload: { bookingId, endsAt: endsAt.toISOString() },
    dedupeKey: `session-ended:${bookingId}:${endsAt.toISOString()}`,
  };
}

/**
 * One step in a booking's life inside the caller's transaction, on a row the
 * caller has locked: the core decides; the new state, its event, the outbox
 * row and follow-up jobs (reminders, expiry, and the provider calls for the
 * meeting and the money, which the caller runs after committing:
 * `settleBooking`) are written together. The update is
 * conditional on the status the decision was made on, so racing decisions
 * cannot both win.
 */
export async function applyBookingDecision(
  tx: Tx,
  ctx: ServiceContext,
  booking: BookingRow,
  by: { side: Side; userId: string | null },
  d: Decision,
) {
  const now = ctx.now();
  const isMove = d.action.endsWith('move');
  // The program's windows matter to cancellations, new proposals and moves.
  const needsProgram = d.action === 'cancel' || d.action === 'propose_time' || isMove;
  const program = needsProgram ? await getProgramInOrg(tx, booking.orgId, booking.programId) : null;
  if (d.proposal && program && (program.startsOn || program.endsOn)) {
    // A new time stays within the cohort's days, on the mentor's clock (issue #13).
    const zone = (await getUserById(tx, booking.mentorId))?.timeZone ?? 'UTC';
    if (!withinCohort(d.proposal.startsAt.getTime(), program, zone)) {
      throw invalidField(
        'body.startsAt',
        `is outside the program's dates (${describeCohort(program)})`,
      );
    }
  }
  const result = decideTransition(
    {
      status: booking.status as never,
      awaiting: booking.awaiting,
      startsAt: booking.startsAt.getTime(),
      endsAt: booking.endsAt.getTime(),
      move: openMoveOf(booking),
      moves: booking.moves,
    },
    {
      by: by.side,
      action: d.action,
      now: now.getTime(),
      reason: d.reason,
      movePolicy: program
        ? { noticeHours: program.moveNoticeHours, maxMoves: program.maxMoves }
        : undefined,
      proposal: d.proposal && {
        startsAt: d.proposal.startsAt.getTime(),
        endsAt:
          d.proposal.startsAt.getTime() +
          (d.proposal.lengthMinutes !== undefined
            ? d.proposal.lengthMinutes * 60_000
            : booking.endsAt.getTime() - booking.startsAt.getTime()),
      },
    },
  );
  if (!result.ok) {
    if (result.reason === 'reason_required') throw invalidField('body.reason', 'is required');
    if (result.reason === 'proposal_in_past' && !isMove)
      throw invalidField('body.startsAt', 'must be in the future');
    if (result.reason === 'proposal_too_soon') throw invalidField('body.startsAt', result.message);
    throw new AppError('conflict', result.message, { reason: result.reason });
  }
  const { next } = result;
  const late =
    d.action === 'cancel' &&
    isLateCancellation(booking.startsAt.getTime(), now.getTime(), program?.lateCancelHours ?? 24);
  // Calls to providers wait until this transaction has committed (booking-follow-ups.ts).
  const followUps: NewJob[] = [];
  let meetingUrl = booking.meetingUrl;
  if (next.status === 'approved' && !meetingUrl) {
    const session = booking.sessionId
      ? await getSessionForUpdate(tx, booking.orgId, booking.sessionId)
      : null;
    meetingUrl = session?.meetingUrl ?? null;
    if (!meetingUrl) followUps.push(meetingJob(booking.id, now));
  }
  const startsAt = new Date(next.startsAt);
  const endsAt = new Date(next.endsAt);
  if (booking.status === 'approved' && next.status === 'cancelled') {
    // It will not take place: its provider meeting goes too.
    const gone = meetingDeleteJob(booking, now);
    if (gone) followUps.push(gone);
  }
  if (
    booking.status === 'approved' &&
    next.status === 'approved' &&
    (next.startsAt !== booking.startsAt.getTime() || next.endsAt !== booking.endsAt.getTime())
  ) {
    // No step moves an approved booking today; one that does gets its meeting moved here.
    const moved = meetingUpdateJob(booking, startsAt, now);
    if (moved) followUps.push(moved);
  }
  if (
    next.status === 'approved' &&
    (booking.status !== 'approved' || next.startsAt !== booking.startsAt.getTime())
  ) {
    const people = await reminderMinutesOf(tx, [booking.mentorId, booking.menteeId]);
    followUps.push(...sessionReminderJobs(booking.id, startsAt, now, people));
    followUps.push(sessionEndedJob(booking.id, endsAt));
  }
  const movement = moneyAfter(d.action, by.side, late);
  if (movement && booking.priceMinor > 0) followUps.push(moneyJob(booking.id, movement, now));
  const proposed = d.action === 'propose_time';
  const round = proposed ? booking.round + 1 : booking.round;
  const expires = proposed
    ? new Date(expiresAt(now.getTime(), next.startsAt, program?.expiryDays ?? 7))
    : booking.expiresAt;
  const updated = await updateBookingFrom(
    tx,
    booking.id,
    booking.status,
    {
      status: next.status,
      awaiting: next.awaiting,
      startsAt,
      endsAt,
      // A move's reason is the move's own; the booking's stays its request's or cancellation's.
      reason: isMove ? booking.reason : (d.reason ?? booking.reason),
      round,
      meetingUrl,
      lateCancellation: late,
      moveStartsAt: next.move ? new Date(next.move.startsAt) : null,
      moveEndsAt: next.move ? new Date(next.move.endsAt) : null,
      moveBy: next.move?.by ?? null,
      moveReason: next.move ? (d.reason ?? null) : null,
      moves: next.moves ?? booking.moves,
      ...(proposed ? { expiresAt: expires } : {}),
      // The mentor's first answer (an automatic approval, at the request's instant, is none).
      ...(booking.firstAnsweredAt === null &&
      by.side === 'mentor' &&
      answers.has(d.action) &&
      now > booking.createdAt
        ? { firstAnsweredAt: now }
        : {}),
      updatedAt: now,
    },
    {
      event: {
        actorId: by.userId,
        action: d.action,
        fromStatus: booking.status,
        toStatus: next.status,
        reason: d.reason ?? null,
        // A proposed move records the time proposed; any other step the booking's time after it.
        startsAt: next.move && !booking.moveStartsAt ? new Date(next.move.startsAt) : startsAt,
        endsAt: next.move && !booking.moveStartsAt ? new Date(next.move.endsAt) : endsAt,
        at: now,
      },
      outbox: {
        topic: bookingStepTopic(d.action),
        payload: {
          bookingId: booking.id,
          by: by.side,
          mentorId: booking.mentorId,
          menteeId: booking.menteeId,
          status: next.status,
          late,
          // The time as of this event: a notification made later must not show a newer one.
          startsAt: startsAt.toISOString(),
          // A proposed move: the time proposed, and the time it would replace.
          ...(next.move
            ? {
                proposedStartsAt: new Date(next.move.startsAt).toISOString(),
                proposedEndsAt: new Date(next.move.endsAt).toISOString(),
              }
            : {}),
          // A move's reason is told with it (the booking's own `reason` is not the move's).
          ...(isMove && d.reason ? { reason: d.reason } : {}),
          // Who asked for the move being answered (its lapse names them too).
          ...(booking.moveBy ? { moveBy: booking.moveBy } : {}),
          ...(d.action === 'accept_move' || d.action === 'move'
            ? { fromStartsAt: booking.startsAt.toISOString() }
            : {}),
        },
      },
      jobs: [
        ...(next.move ? [moveLapseJob(booking.id, next.startsAt, next.move, now)] : []),
        ...(proposed
          ? bookingJobs({ id: booking.id, status: next.status, expiresAt: expires, round }, now)
          : []),
        ...followUps,
      ],
      // Approved: the mentor has booked a session with the mentee, whose session
      // requests to them are now accepted (seed 001).
      accept:
        next.status === 'approved' && booking.status !== 'approved'
          ? acceptanceAfter(
              booking.orgId,
              { step: 'mentor_booked', mentorId: booking.mentorId, menteeId: booking.menteeId },
              `booking:${booking.id}`,
              by.userId,
              now,
            )
          : undefined,
    },
  );
  if (!updated)
    throw new AppError(
      'conflict',
      `The booking changed meanwhile; it is no longer ${booking.status}`,
    );
  return updated;
}
