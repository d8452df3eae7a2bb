import { randomUUID } from 'node:crypto';
import { expiresAt, PENDING_PER_MENTOR_LIMIT } from '../core/booking-machine.ts';
import { AppError, invalidField, notFound } from '../core/errors.ts';
import { describeCohort, withinCohort } from '../core/program-settings.ts';
import { canBookInProgram, canSeeWeeklySlots, type SessionViewer } from '../core/session-rules.ts';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation, sqlState } from '../db/errors.ts';
import { getAvailability } from '../db/queries/availability.ts';
import {
  type BookingRow,
  countActiveBookingsOfSession,
  countPendingBetween,
  getBookingByIdempotencyKey,
  insertBooking,
  lockMenteeMentorPair,
} from '../db/queries/bookings.ts';
import { getSessionTypeOf, insertLedgerEntryOnce } from '../db/queries/money.ts';
import { getProgramInOrg, listMentorsInOrg } from '../db/queries/programs.ts';
import { getSessionForUpdate, listSessions } from '../db/queries/sessions.ts';
import { applyBookingDecision, bookingJobs } from './apply-booking-decision.ts';
import { settleBooking } from './booking-follow-ups.ts';
import type { Actor, ServiceContext } from './context.ts';
import { type MentorForSlots, offeredSlots } from './list-slots.ts';
import { requireViewer, visibleTo } from './manage-sessions.ts';
import { acceptanceAfter } from './mentorship-requests.ts';

/** Unanswered bookings expire after this many days (a program setting later). */
export const DEFAULT_EXPIRY_DAYS = 7;
const MAX_OWN_TIME_MINUTES = 4 * 60;

export type BookingRequest = {
  mentorId: string;
  /** a slot's start; or the start of a time of the mentee's own (`ownTime`) */
  startsAt?: Date | undefined;
  lengthMinutes?: number | undefined;
  /** what kind of session (length and price), when the mentor offers several */
  sessionTypeId?: string | undefined;
  /** a published session to take a seat in */
  sessionId?: string | undefined;
  ownTime: boolean;
  message: string;
};

export const slotTaken = () =>
  new AppError('conflict', 'That time has just been taken; pick another', { reason: 'slot_taken' });

const notAMentee = () =>
  new AppError('forbidden', 'Only mentees of this program can book here', {
    reason: 'not_a_mentee',
  });

/**
 * The program in which the caller may book this mentor's hours: one where they
 * see them (à la carte, or matched with the mentor) and are a mentee. Seeing
 * them without being a mentee there (a fellow mentor) is a refusal, not a 404.
 */
function bookingProgram(viewer: SessionViewer, mentor: MentorForSlots): string {
  const seen = mentor.programs.filter((p) =>
    canSeeWeeklySlots({ ...viewer, isOrgAdmin: false }, mentor.userId, [p]),
  );
  const program = seen.find((p) => canBookInProgram(viewer, p.programId));
  if (program) return program.programId;
  if (seen.length > 0) throw notAMentee();
  throw notFound('Mentor');
}

async function sessionSeat(
  tx: Tx,
  orgId: string,
  viewer: SessionViewer,
  sessionId: string,
  now: Date,
) {
  // The row lock makes seat counting safe: concurrent bookings of one session queue here.
  const locked = await getSessionForUpdate(tx, orgId, sessionId);
  const [listing] = locked ? await listSessions(tx, { ids: [sessionId] }) : [];
  if (!locked || !listing) throw notFound('Session');
  // The listing was read after the lock, so it reflects the locked row.
  const visible = visibleTo(viewer)(listing);
  if (!visible || locked.status !== 'published') throw notFound('Session');
  if (!canBookInProgram(viewer, locked.programId)) throw notAMentee();
  if (locked.startsAt <= now) throw invalidField('body.sessionId', 'has already started');
  const taken = listing.enrolled.length + (await countActiveBookingsOfSession(tx, sessionId));
  if (taken >= locked.capacity) {
    throw new AppError('conflict', 'This session is full', { reason: 'session_full' });
  }
  return locked;
}

/**
 * A mentee books a slot, a seat in a published session, or suggests a time of
 * their own. The booking is pending and holds its time at once. Retries with
 * an Idempotency-Key are answered over HTTP (src/http/idempotency.ts); the
 * key is also kept on the booking, in its own row, so a retry after a crash
 * between the booking's commit and the stored answer still finds it.
 */
export async function requestBooking(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  req: BookingRequest,
  idempotencyKey?: string,
) {
  const earlier = idempotencyKey
    ? await getBookingByIdempotencyKey(ctx.db, actor.userId, idempotencyKey)
    : null;
  if (earlier) return earlier;
  const type = req.sessionTypeId
    ? await getSessionTypeOf(ctx.db, req.mentorId, req.sessionTypeId)
    : null;
  if (req.sessionTypeId && !type)
    throw invalidField('body.sessionTypeId', 'is not one of this mentor’s session types');
  const price =
    type && type.priceMinor > 0 ? { amountMinor: type.priceMinor, currency: type.currency } : null;
  const id = randomUUID();
  // Paying holds the amount while the booking is pending (seed 004). The
  // provider is called before the transaction, so no lock waits for it; if
  // the booking is then refused, the hold is given back.
  const holdRef = price ? await ctx.payments.hold(id, price) : null;
  const attempt = () =>
    ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      const { viewer } = await requireViewer(tx, actor, orgId);
      if (req.mentorId === actor.userId)
        throw invalidField('body.mentorId', 'is you; book someone else');
      const [mentor] = await listMentorsInOrg(tx, orgId, [req.mentorId]);
      if (!mentor) throw notFound('Mentor');
      const availability = await getAvailability(tx, req.mentorId);

      let programId: string;
      let startsAt: Date;
      let endsAt: Date;
      let sessionId: string | null = null;
      if (req.sessionId) {
        const session = await sessionSeat(tx, orgId, viewer, req.sessionId, now);
        if (session.mentorId !== req.mentorId)
          throw invalidField('body.sessionId', 'is not this mentor’s session');
        ({ programId, startsAt, endsAt } = session);
        sessionId = session.id;
      } else {
        programId = bookingProgram(viewer, mentor);
        if (!req.startsAt) throw invalidField('body.startsAt', 'is required');
        const length = type?.durationMinutes ?? req.lengthMinutes ?? 30;
        startsAt = req.startsAt;
        endsAt = new Date(startsAt.getTime() + length * 60_000);
        if (startsAt <= now) throw invalidField('body.startsAt', 'must be in the future');
        if (req.ownTime) {
          if (length > MAX_OWN_TIME_MINUTES)
            throw invalidField('body.lengthMinutes', 'must be at most 4 hours');
        } else {
          const { slots } = await offeredSlots(
            tx,
            viewer,
            mentor,
            { from: startsAt, to: endsAt },
            now,
            availability,
          );
          const offered = slots.some(
            (s) =>
              s.kind === 'weekly' && s.startMs === startsAt.getTime() && s.lengthMinutes === length,
          );
          if (!offered) throw slotTaken();
        }
      }

      // The program's own rules (issue #13): paid sessions, cohort days, auto-approval.
      const program = await getProgramInOrg(tx, orgId, programId);
      if (price && program && !program.pricesAllowed) {
        throw invalidField(
          'body.sessionTypeId',
          'has a price; this program takes no paid sessions',
        );
      }
      if (program && !withinCohort(startsAt.getTime(), program, mentor.timeZone)) {
        throw invalidField(
          req.sessionId ? 'body.sessionId' : 'body.startsAt',
          `is outside the program's dates (${describeCohort(program)})`,
        );
      }
      await lockMenteeMentorPair(tx, actor.userId, req.mentorId);
      if ((await countPendingBetween(tx, actor.userId, req.mentorId)) >= PENDING_PER_MENTOR_LIMIT) {
        throw new AppError(
          'conflict',
          `You already have ${PENDING_PER_MENTOR_LIMIT} pending bookings with this mentor; wait for an answer or withdraw one`,
          { reason: 'too_many_pending' },
        );
      }
      const expiryDays = program?.expiryDays;
      const expires = new Date(
        expiresAt(now.getTime(), startsAt.getTime(), expiryDays ?? DEFAULT_EXPIRY_DAYS),
      );
      const autoApprove =
        availability.settings?.autoApprove === true &&
        !req.ownTime &&
        program?.autoApproveAllowed !== false;
      const booking = await insertBooking(
        tx,
        {
          id,
          orgId,
          programId,
          mentorId: req.mentorId,
          menteeId: actor.userId,
          sessionId,
          sessionTypeId: type?.id ?? null,
          priceMinor: price?.amountMinor ?? 0,
          currency: price?.currency ?? null,
          status: 'pending',
          awaiting: 'mentor',
          startsAt,
          endsAt,
          message: req.message,
          expiresAt: expires,
          idempotencyKey: idempotencyKey ?? null,
          createdAt: now,
          updatedAt: now,
        },
        {
          event: {
            actorId: actor.userId,
            action: req.ownTime ? 'suggest_time' : 'request',
            fromStatus: null,
            toStatus: 'pending',
            startsAt,
            endsAt,
            at: now,
          },
          outbox: {
            topic: 'booking.requested',
            payload: {
              bookingId: id,
              mentorId: req.mentorId,
              menteeId: actor.userId,
              startsAt: startsAt.toISOString(),
            },
          },
          // An auto-approved booking is not left waiting: nothing to remind of or expire.
          jobs: autoApprove
            ? []
            : bookingJobs({ id, status: 'pending', expiresAt: expires, round: 0 }, now),
          // Booking on a mentor's profile accepts that mentor's offers to this mentee (seed 001).
          accept: acceptanceAfter(
            orgId,
            { step: 'mentee_booked', mentorId: req.mentorId, menteeId: actor.userId },
            `booking:${id}`,
            actor.userId,
            now,
          ),
        },
      );
      if (price && holdRef !== null) {
        await insertLedgerEntryOnce(tx, {
          bookingId: booking.id,
          kind: 'hold',
          ...price,
          providerRef: holdRef,
        });
      }
      // Auto-approval never approves over a conflict: an offered slot or a free
      // seat has none by construction; a time of the mentee's own waits for the mentor.
      if (autoApprove) {
        const approved = await applyBookingDecision(
          tx,
          ctx,
          booking,
          { side: 'mentor', userId: null },
          { action: 'approve' },
        );
        return approved;
      }
      return booking;
    });

  let booking: BookingRow;
  try {
    booking = await attempt();
  } catch (err) {
    // Refused: the hold is given back (best effort; the provider is idempotent by booking).
    if (holdRef !== null) await ctx.payments.refund(id, holdRef).catch(() => undefined);
    if (sqlState(err) === '23P01') throw slotTaken();
    // The same key twice at once past a lost claim: the unique index let one in.
    const first =
      idempotencyKey && isUniqueViolation(err, 'bookings_idempotency_key')
        ? await getBookingByIdempotencyKey(ctx.db, actor.userId, idempotencyKey)
        : null;
    if (first) return first;
    throw err;
  }
  // An auto-approval's meeting and capture, now that it has committed.
  return settleBooking(ctx, booking);
}
