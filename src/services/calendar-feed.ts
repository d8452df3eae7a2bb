import { notFound } from '../core/errors.ts';
import { getCalendarFeedOwner, getUserById, replaceCalendarFeed } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { listBookings } from '../db/queries/bookings.ts';
import { listSessions } from '../db/queries/sessions.ts';
import { type CalendarEvent, icsCalendar } from '../integrations/calendar.ts';
import { bookingCalendarEvent } from './booking-calendar.ts';
import type { Actor, ServiceContext } from './context.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** A new secret feed address; the previous one stops working. */
export async function resetCalendarFeed(ctx: ServiceContext, actor: Actor): Promise<string> {
  const token = newSecret('cal_');
  await ctx.db.transaction(async (tx) => {
    await replaceCalendarFeed(tx, actor.userId, hashSecret(token), ctx.now());
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'calendar_feed.reset',
      subjectType: 'user',
      subjectId: actor.userId,
    });
  });
  return token;
}

/**
 * Everything on a person's calendar: approved bookings confirmed, pending
 * ones tentative (no invitation goes out for them), ended ones cancelled, and
 * the published sessions they run or are enrolled in.
 */
export async function calendarFeed(ctx: ServiceContext, token: string): Promise<string> {
  const userId = await getCalendarFeedOwner(ctx.db, hashSecret(token));
  const user = userId ? await getUserById(ctx.db, userId) : null;
  if (!userId || !user) throw notFound('Calendar');
  const [bookings, sessions] = [
    await listBookings(ctx.db, { userId }),
    await listSessions(ctx.db, { participantId: userId, statuses: ['published', 'cancelled'] }),
  ];
  const events: CalendarEvent[] = [
    // A mentor sees a group session once, as the session, not once per booked seat.
    ...bookings
      .filter((b) => !(b.booking.sessionId && b.booking.mentorId === userId))
      .map(bookingCalendarEvent),
    ...sessions.map((s) => ({
      uid: `session-${s.session.id}@confer`,
      title: s.session.title || `Mentoring with ${s.mentorName}`,
      description: s.session.description,
      startsAt: s.session.startsAt,
      endsAt: s.session.endsAt,
      url: s.session.meetingUrl,
      location: s.session.location,
      status: s.session.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
    })),
  ];
  return icsCalendar(`Confer — ${user.name}`, events);
}
