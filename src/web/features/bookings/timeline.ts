import type { Booking, Session } from '../../api/types.ts';
import { groupSessions } from '../sessions/session-display.ts';
import { groupBookings } from './booking-display.ts';

export type TimelineEntry =
  | { kind: 'session'; key: string; startsAt: string; session: Session }
  | { kind: 'booking'; key: string; startsAt: string; booking: Booking };

/** The Sessions tab's groups, published sessions and bookings together. */
export type Timeline = {
  requested: TimelineEntry[];
  /** meetings with someone: bookings, and sessions someone is in */
  upcoming: TimelineEntry[];
  /** the viewer's own published sessions nobody has taken a seat in yet */
  open: TimelineEntry[];
  drafts: TimelineEntry[];
  past: TimelineEntry[];
  cancelled: TimelineEntry[];
};

const ofSession = (session: Session): TimelineEntry => ({
  kind: 'session',
  key: `session-${session.id}`,
  startsAt: session.startsAt,
  session,
});

const ofBooking = (booking: Booking): TimelineEntry => ({
  kind: 'booking',
  key: `booking-${booking.id}`,
  startsAt: booking.startsAt,
  booking,
});

const earliestFirst = (a: TimelineEntry, b: TimelineEntry) => a.startsAt.localeCompare(b.startsAt);
const latestFirst = (a: TimelineEntry, b: TimelineEntry) => b.startsAt.localeCompare(a.startsAt);

/**
 * Merges published sessions and bookings into Requested, Upcoming (meetings
 * with someone), Open (one's published sessions with nobody in them yet),
 * Drafts, Past and Cancelled. A session seat the viewer holds through a booking is
 * shown once, as the booking, which carries its status and actions.
 */
export function buildTimeline(
  sessions: Session[],
  bookings: Booking[],
  viewerId: string,
  nowMs: number,
): Timeline {
  const bookedSeats = new Set(
    bookings
      .filter((booking) => booking.mentee.userId === viewerId && booking.sessionId)
      .map((booking) => booking.sessionId),
  );
  const shownSessions = sessions.filter(
    (session) => session.mentor.userId === viewerId || !bookedSeats.has(session.id),
  );
  const s = groupSessions(shownSessions, nowMs);
  const b = groupBookings(bookings, nowMs);
  const seated = new Set(bookings.map((booking) => booking.sessionId).filter(Boolean));
  const isOpen = (session: Session) =>
    session.mentor.userId === viewerId && session.enrolled.length === 0 && !seated.has(session.id);
  return {
    requested: b.requested.map(ofBooking),
    upcoming: [
      ...s.upcoming.filter((session) => !isOpen(session)).map(ofSession),
      ...b.upcoming.map(ofBooking),
    ].sort(earliestFirst),
    open: s.upcoming.filter(isOpen).map(ofSession),
    drafts: s.drafts.map(ofSession),
    past: [...s.past.map(ofSession), ...b.past.map(ofBooking)].sort(latestFirst),
    cancelled: [...s.cancelled.map(ofSession), ...b.cancelled.map(ofBooking)].sort(latestFirst),
  };
}
