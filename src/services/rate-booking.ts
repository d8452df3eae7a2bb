import { AppError, notFound } from '../core/errors.ts';
import {
  getParticipantBookingForUpdate,
  insertBookingEvent,
  insertOutbox,
  insertRating,
} from '../db/queries/bookings.ts';
import { bookingAudience } from '../db/queries/live-events.ts';
import type { Actor, ServiceContext } from './context.ts';

/** After a completed session each side may rate it once, 1–5 stars with feedback. */
export async function rateBooking(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  rating: { stars: number; feedback: string },
) {
  return ctx.db.transaction(async (tx) => {
    const booking = await getParticipantBookingForUpdate(tx, orgId, id, actor.userId);
    if (!booking) throw notFound('Booking');
    const side = booking.mentorId === actor.userId ? 'mentor' : 'mentee';
    if (booking.status !== 'completed') {
      throw new AppError(
        'conflict',
        `Only a completed session can be rated; this one is ${booking.status}`,
        {
          reason: 'not_completed',
        },
      );
    }
    const saved = await insertRating(tx, {
      bookingId: id,
      side,
      raterId: actor.userId,
      ...rating,
      createdAt: ctx.now(),
    });
    if (!saved)
      throw new AppError('conflict', 'You have already rated this session', {
        reason: 'already_rated',
      });
    const now = ctx.now();
    await insertBookingEvent(tx, {
      bookingId: id,
      actorId: actor.userId,
      action: 'rate',
      fromStatus: booking.status,
      toStatus: booking.status,
      reason: `${rating.stars}/5`,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      at: now,
    });
    await insertOutbox(
      tx,
      'booking.rated',
      { bookingId: id, side, stars: rating.stars },
      bookingAudience(booking),
    );
    return saved;
  });
}
