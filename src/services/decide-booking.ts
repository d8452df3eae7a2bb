import { isInsideHours } from '../core/availability.ts';
import { decideTransition, hasLapsed, type Side } from '../core/booking-machine.ts';
import { AppError, notFound } from '../core/errors.ts';
import { sqlState } from '../db/errors.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { getAvailability, toRules } from '../db/queries/availability.ts';
import {
  type BookingListing,
  type BookingRow,
  getMenteeHistory,
  getParticipantBookingForUpdate,
  listActiveBookingsOfMentors,
  listBookingEvents,
  listBookings,
  listPaymentStates,
  listRatings,
  updateBookingFrom,
} from '../db/queries/bookings.ts';
import { listExternalBusyOfMentors } from '../db/queries/external-calendars.ts';
import { listSessions } from '../db/queries/sessions.ts';
import { applyBookingDecision, type Decision, lapseView } from './apply-booking-decision.ts';
import { settleBooking } from './booking-follow-ups.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireViewer } from './manage-sessions.ts';
import { moveDecision } from './move-booking.ts';
import { slotTaken } from './request-booking.ts';

/**
 * A decision by the booking's mentor or mentee; anyone else gets 404. A
 * pending booking whose expiry time has passed is expired here, in the same
 * transaction that holds its row, whether or not the expiry job has run: the
 * expiry is committed and the decision refused naming that state.
 */
export async function decideBooking(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  d: Decision,
) {
  let outcome: { booking: BookingRow; lapsed: boolean; side: Side };
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const booking = await getParticipantBookingForUpdate(tx, orgId, id, actor.userId);
      if (!booking) throw notFound('Booking');
      const side: Side = booking.mentorId === actor.userId ? 'mentor' : 'mentee';
      if (d.action !== 'expire' && hasLapsed(lapseView(booking), ctx.now().getTime())) {
        const system = { side: 'system', userId: null } as const;
        const expired = await applyBookingDecision(tx, ctx, booking, system, { action: 'expire' });
        return { booking: expired, lapsed: true, side };
      }
      const step = d.action === 'propose_move' ? await moveDecision(tx, ctx, booking, side, d) : d;
      const decided = await applyBookingDecision(
        tx,
        ctx,
        booking,
        { side, userId: actor.userId },
        step,
      );
      return { booking: decided, lapsed: false, side };
    });
  } catch (err) {
    // A proposed time that overlaps someone's other booking.
    if (sqlState(err) === '23P01') throw slotTaken();
    throw err;
  }
  const settled = await settleBooking(ctx, outcome.booking);
  if (outcome.lapsed) {
    // Refused as core refuses any decision on an expired booking (as if the job had run first).
    const refusal = decideTransition(
      {
        status: 'expired',
        awaiting: null,
        startsAt: settled.startsAt.getTime(),
        endsAt: settled.endsAt.getTime(),
      },
      { by: outcome.side, action: d.action, now: ctx.now().getTime() },
    );
    if (!refusal.ok) throw new AppError('conflict', refusal.message, { reason: refusal.reason });
  }
  return settled;
}

export async function requireBooking(ctx: ServiceContext, actor: Actor, orgId: string, id: string) {
  await requireViewer(ctx.db, actor, orgId);
  const [listing] = await listBookings(ctx.db, { ids: [id], orgId });
  if (
    !listing ||
    (listing.booking.mentorId !== actor.userId && listing.booking.menteeId !== actor.userId)
  ) {
    throw notFound('Booking');
  }
  return { listing, events: await listBookingEvents(ctx.db, id) };
}

/**
 * My Sessions tab's bookings, in every organisation or in one: a request I
 * declined as mentor is no longer among them (seed 000).
 */
export function listMyBookings(ctx: ServiceContext, actor: Actor, orgId?: string) {
  return listBookings(ctx.db, { listedFor: actor.userId, ...(orgId ? { orgId } : {}) });
}

/** After approval the mentor may add or change the meeting link (seed 003). */
export async function setBookingMeetingLink(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  meetingUrl: string,
) {
  return ctx.db.transaction(async (tx) => {
    const booking = await getParticipantBookingForUpdate(tx, orgId, id, actor.userId);
    if (!booking || booking.mentorId !== actor.userId) throw notFound('Booking');
    if (booking.status !== 'approved') {
      throw new AppError(
        'conflict',
        `A meeting link can be set on an approved booking; this one is ${booking.status}`,
        {
          reason: 'not_approved',
        },
      );
    }
    const now = ctx.now();
    const updated = await updateBookingFrom(
      tx,
      id,
      booking.status,
      { meetingUrl, updatedAt: now },
      {
        event: {
          actorId: actor.userId,
          action: 'set_meeting_link',
          fromStatus: booking.status,
          toStatus: booking.status,
          reason: null,
          startsAt: booking.startsAt,
          endsAt: booking.endsAt,
          at: now,
        },
        outbox: {
          topic: 'booking.meeting_link',
          payload: { bookingId: id, mentorId: booking.mentorId, menteeId: booking.menteeId },
        },
      },
    );
    if (!updated) throw new Error('a locked booking changed');
    return updated;
  });
}

export type Conflict = {
  /** calendar: a busy time from one of the mentor's own calendars (issue #14) */
  kind: 'session' | 'booking' | 'outside_hours' | 'calendar';
  title: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * The mentor's pending bookings, each with what seed 004 says to show: the
 * mentee's history and anything on the mentor's calendar it clashes with.
 */
export async function listPendingForMentor(ctx: ServiceContext, actor: Actor, orgId?: string) {
  const pending = await listBookings(ctx.db, {
    mentorId: actor.userId,
    status: 'pending',
    ...(orgId ? { orgId } : {}),
  });
  const mentor = await getUserById(ctx.db, actor.userId);
  const rules = toRules(await getAvailability(ctx.db, actor.userId), mentor?.timeZone ?? 'UTC');
  return Promise.all(
    pending.map(async (l) => {
      const { startsAt, endsAt } = l.booking;
      const [history, sessions, others, outside] = await Promise.all([
        getMenteeHistory(ctx.db, l.booking.menteeId),
        listSessions(ctx.db, {
          mentorIds: [actor.userId],
          from: startsAt,
          to: endsAt,
          statuses: ['draft', 'published'],
        }),
        listActiveBookingsOfMentors(ctx.db, [actor.userId], startsAt, endsAt),
        listExternalBusyOfMentors(ctx.db, [actor.userId], startsAt, endsAt),
      ]);
      const conflicts: Conflict[] = [
        ...sessions
          .filter((s) => s.session.id !== l.booking.sessionId)
          .map((s) => ({
            kind: 'session' as const,
            title: s.session.title || 'Session',
            startsAt: s.session.startsAt,
            endsAt: s.session.endsAt,
          })),
        ...others
          .filter((b) => b.id !== l.booking.id && b.sessionId === null)
          .map((b) => ({
            kind: 'booking' as const,
            title: 'Another booking',
            startsAt: b.startsAt,
            endsAt: b.endsAt,
          })),
        // Titles from the mentor's own calendars: this list is the mentor's alone.
        ...outside.map((b) => ({
          kind: 'calendar' as const,
          title: b.title || (b.tentative ? 'Tentative event' : 'Busy'),
          startsAt: b.startsAt,
          endsAt: b.endsAt,
        })),
        ...(l.booking.sessionId || isInsideHours(rules, startsAt.getTime(), endsAt.getTime())
          ? []
          : [
              {
                kind: 'outside_hours' as const,
                title: 'Outside your weekly hours',
                startsAt,
                endsAt,
              },
            ]),
      ];
      return { listing: l, history, conflicts };
    }),
  );
}

/**
 * What a viewer sees of their bookings beyond the rows: the money's state,
 * their own rating, and whether they may still rate.
 */
export async function describeBookings(
  ctx: ServiceContext,
  viewerId: string,
  listings: BookingListing[],
) {
  // Only priced bookings have ledger rows, and only completed ones ratings: ask for no more.
  const paid = listings.filter((l) => l.booking.priceMinor > 0).map((l) => l.booking.id);
  const done = listings.filter((l) => l.booking.status === 'completed').map((l) => l.booking.id);
  const [payments, ratings] = await Promise.all([
    listPaymentStates(ctx.db, paid),
    listRatings(ctx.db, done),
  ]);
  return listings.map((l) => {
    const mine =
      ratings.find((r) => r.bookingId === l.booking.id && r.raterId === viewerId) ?? null;
    return {
      listing: l,
      payment: payments.get(l.booking.id) ?? null,
      myRating: mine && { stars: mine.stars, feedback: mine.feedback },
      canRate: l.booking.status === 'completed' && !mine,
    };
  });
}

/**
 * A booking as its viewer sees it, right after they acted on it (access was
 * checked by that action): no second membership check, no history.
 */
export async function describeBookingAfterChange(
  ctx: ServiceContext,
  viewerId: string,
  id: string,
) {
  const [listing] = await listBookings(ctx.db, { ids: [id] });
  if (!listing) throw notFound('Booking');
  const [described] = await describeBookings(ctx, viewerId, [listing]);
  return described!;
}
