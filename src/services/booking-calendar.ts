import type { BookingListing } from '../db/queries/bookings.ts';
import { type CalendarEvent, calendarLinks, icsFile } from '../integrations/calendar.ts';

/** A booking as a calendar event: tentative while pending, cancelled once over. */
export function bookingCalendarEvent(l: BookingListing): CalendarEvent {
  const b = l.booking;
  return {
    uid: `booking-${b.id}@confer`,
    title: `Mentoring: ${l.mentorName} & ${l.menteeName}`,
    description: [l.sessionTypeName, b.message].filter(Boolean).join('\n'),
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    url: b.meetingUrl,
    location: '',
    status:
      b.status === 'approved' ? 'CONFIRMED' : b.status === 'pending' ? 'TENTATIVE' : 'CANCELLED',
  };
}

export const bookingCalendarLinks = (l: BookingListing) => calendarLinks(bookingCalendarEvent(l));
export const bookingIcsFile = (l: BookingListing) => icsFile(bookingCalendarEvent(l));
