import type { Booking, BookingStatus, PendingBooking } from '../../api/types.ts';
import { formatMoney } from '../../ui/format-money.ts';

/** Which side of a booking someone is on. */
export type BookingSide = 'mentor' | 'mentee';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export const bookingStatusLabels: Record<BookingStatus, string> = {
  pending: 'Requested',
  approved: 'Confirmed',
  rejected: 'Rejected',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show_mentor: 'Mentor did not attend',
  no_show_mentee: 'Mentee did not attend',
};

/** The badge of a booking at `nowMs`: an approved one that has ended has happened, not "Confirmed". */
export function bookingBadge(booking: Pick<Booking, 'status' | 'endsAt'>, nowMs: number) {
  if (booking.status === 'approved' && Date.parse(booking.endsAt) <= nowMs) {
    return { label: 'Ended', tone: 'neutral' as Tone };
  }
  return { label: bookingStatusLabels[booking.status], tone: bookingStatusTones[booking.status] };
}

export const bookingStatusTones: Record<BookingStatus, Tone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  declined: 'danger',
  withdrawn: 'neutral',
  expired: 'neutral',
  cancelled: 'danger',
  completed: 'accent',
  no_show_mentor: 'danger',
  no_show_mentee: 'danger',
};

/** Which side of the booking the viewer is on. */
export function sideOf(booking: Booking, userId: string): BookingSide {
  return booking.mentor.userId === userId ? 'mentor' : 'mentee';
}

/** The person on the other side from the viewer. */
export function otherParty(booking: Booking, userId: string): Booking['mentor'] {
  return sideOf(booking, userId) === 'mentor' ? booking.mentee : booking.mentor;
}

/** Minutes between start and end. */
export function lengthMinutes(booking: Pick<Booking, 'startsAt' | 'endsAt'>): number {
  return Math.round((Date.parse(booking.endsAt) - Date.parse(booking.startsAt)) / 60_000);
}

const paymentLabels: Record<NonNullable<Booking['payment']>, string> = {
  held: 'payment held',
  captured: 'paid',
  refunded: 'refunded',
};

/** "60 min · Career review · €50, payment held" */
export function bookingFacts(booking: Booking): string {
  const price = booking.price
    ? [formatMoney(booking.price), booking.payment ? paymentLabels[booking.payment] : null]
        .filter(Boolean)
        .join(', ')
    : null;
  return [`${lengthMinutes(booking)} min`, booking.sessionType?.name, price]
    .filter(Boolean)
    .join(' · ');
}

/** "3 sessions · €120 spent · gives 4.5★ on average", or "First booking". */
export function describeMenteeHistory(history: PendingBooking['menteeHistory']): string {
  if (history.sessions === 0) return 'First booking';
  const parts = [history.sessions === 1 ? '1 session' : `${history.sessions} sessions`];
  if (history.currency && history.totalSpentMinor > 0) {
    parts.push(
      `${formatMoney({ amountMinor: history.totalSpentMinor, currency: history.currency })} spent`,
    );
  }
  if (history.averageRatingGiven !== null) {
    const stars = Math.round(history.averageRatingGiven * 10) / 10;
    parts.push(`gives ${stars}★ on average`);
  }
  return parts.join(' · ');
}

/** The join button opens 10 minutes before the start and closes at the end (PRODUCT.md). */
export const JOIN_OPENS_MINUTES = 10;

export function isJoinOpen(booking: Pick<Booking, 'startsAt' | 'endsAt'>, nowMs: number): boolean {
  return (
    nowMs >= Date.parse(booking.startsAt) - JOIN_OPENS_MINUTES * 60_000 &&
    nowMs < Date.parse(booking.endsAt)
  );
}

export type BookingGroups = {
  requested: Booking[];
  upcoming: Booking[];
  past: Booking[];
  cancelled: Booking[];
};

const endedStatuses: ReadonlySet<BookingStatus> = new Set([
  'rejected',
  'declined',
  'withdrawn',
  'expired',
  'cancelled',
]);

const byStart = (a: Booking, b: Booking) => a.startsAt.localeCompare(b.startsAt);

/**
 * Bookings in the Sessions tab's groups: pending ones are Requested; an
 * approved one is Upcoming until it ends, then Past with completed and
 * no-shows; whatever never took place is Cancelled. Past and Cancelled
 * list the latest first.
 */
export function groupBookings(bookings: Booking[], nowMs: number): BookingGroups {
  const groups: BookingGroups = { requested: [], upcoming: [], past: [], cancelled: [] };
  for (const booking of [...bookings].sort(byStart)) {
    if (booking.status === 'pending') groups.requested.push(booking);
    else if (endedStatuses.has(booking.status)) groups.cancelled.push(booking);
    else if (booking.status === 'approved' && Date.parse(booking.endsAt) > nowMs) {
      groups.upcoming.push(booking);
    } else groups.past.push(booking);
  }
  groups.past.reverse();
  groups.cancelled.reverse();
  return groups;
}
