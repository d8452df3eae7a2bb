import { type BookingAction, decideTransition, type Side } from '../core/booking-machine.ts';
import { AppError, invalidField, notFound } from '../core/errors.ts';
import { sqlState } from '../db/errors.ts';
import {
  getBookingForUpdate,
  insertBookingEvent,
  insertOutbox,
  listBookingEvents,
  listBookings,
  updateBookingFrom,
} from '../db/queries/bookings.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireViewer } from './manage-sessions.ts';
import { slotTaken } from './request-booking.ts';

export type Decision = {
  action: BookingAction;
  reason?: string | undefined;
  proposal?: { startsAt: Date; endsAt: Date } | undefined;
};

/**
 * One step in a booking's life, by its mentor or mentee: the core decides,
 * then the new state, its event and the outbox row are written together.
 * The row is locked and the update is conditional on the status the decision
 * was made on, so two racing approvals cannot both win.
 */
export async function decideBooking(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  d: Decision,
) {
  try {
    return await ctx.db.transaction(async (tx) => {
      await requireViewer(tx, actor, orgId);
      const booking = await getBookingForUpdate(tx, orgId, id);
      if (!booking) throw notFound('Booking');
      const side: Side | null =
        booking.mentorId === actor.userId
          ? 'mentor'
          : booking.menteeId === actor.userId
            ? 'mentee'
            : null;
      if (!side) throw notFound('Booking');
      const now = ctx.now();
      const result = decideTransition(
        {
          status: booking.status as never,
          awaiting: booking.awaiting,
          startsAt: booking.startsAt.getTime(),
          endsAt: booking.endsAt.getTime(),
        },
        {
          by: side,
          action: d.action,
          now: now.getTime(),
          reason: d.reason,
          proposal: d.proposal && {
            startsAt: d.proposal.startsAt.getTime(),
            endsAt: d.proposal.endsAt.getTime(),
          },
        },
      );
      if (!result.ok) {
        if (result.reason === 'reason_required') throw invalidField('body.reason', 'is required');
        if (result.reason === 'proposal_in_past')
          throw invalidField('body.startsAt', 'must be in the future');
        throw new AppError('conflict', result.message, { reason: result.reason });
      }
      const { next } = result;
      const updated = await updateBookingFrom(tx, id, booking.status, {
        status: next.status,
        awaiting: next.awaiting,
        startsAt: new Date(next.startsAt),
        endsAt: new Date(next.endsAt),
        reason: d.reason ?? booking.reason,
        round: d.action === 'propose_time' ? booking.round + 1 : booking.round,
        updatedAt: now,
      });
      if (!updated)
        throw new AppError(
          'conflict',
          `The booking changed meanwhile; it is no longer ${booking.status}`,
        );
      await insertBookingEvent(tx, {
        bookingId: id,
        actorId: actor.userId,
        action: d.action,
        fromStatus: booking.status,
        toStatus: next.status,
        reason: d.reason ?? null,
        startsAt: updated.startsAt,
        endsAt: updated.endsAt,
        at: now,
      });
      await insertOutbox(tx, `booking.${d.action}`, {
        bookingId: id,
        by: side,
        mentorId: booking.mentorId,
        menteeId: booking.menteeId,
        status: next.status,
      });
      return updated;
    });
  } catch (err) {
    // A proposed time that overlaps someone's other booking.
    if (sqlState(err) === '23P01') throw slotTaken();
    throw err;
  }
}

export async function getBooking(ctx: ServiceContext, actor: Actor, orgId: string, id: string) {
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

export function listMyBookings(ctx: ServiceContext, actor: Actor) {
  return listBookings(ctx.db, { userId: actor.userId });
}
