import {
  type InvitationMethod,
  invitationMethod,
  sessionInvitationMethod,
} from '../core/invitations.ts';
import type { BookingListing } from '../db/queries/bookings.ts';
import type { ClaimedDelivery } from '../db/queries/deliveries.ts';
import type { SessionListing } from '../db/queries/sessions.ts';
import {
  type CalendarEvent,
  calendarLinks,
  icsFile,
  icsInvitation,
} from '../integrations/calendar.ts';
import type { Email } from '../integrations/email.ts';

/** One UID per booking, the same in downloads, invitations and updates: calendars match on it. */
const bookingUid = (id: string) => `booking-${id}@confer`;

/** A booking as a calendar event: tentative while pending, cancelled once over. */
export function bookingCalendarEvent(l: BookingListing): CalendarEvent {
  const b = l.booking;
  return {
    uid: bookingUid(b.id),
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

/** A session as its mentees' calendars hold it: the UID of its invitations. */
export function sessionCalendarEvent(l: SessionListing): CalendarEvent {
  const s = l.session;
  return {
    uid: `session-${s.id}@confer`,
    title: s.title || `Mentoring with ${l.mentorName}`,
    description: s.description,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    url: s.meetingUrl,
    location: s.meetingUrl ?? s.location,
    status:
      s.status === 'published' ? 'CONFIRMED' : s.status === 'draft' ? 'TENTATIVE' : 'CANCELLED',
  };
}

export const sessionCalendarLinks = (l: SessionListing) => calendarLinks(sessionCalendarEvent(l));
export const sessionIcsFile = (l: SessionListing) => icsFile(sessionCalendarEvent(l));

/**
 * The iTIP invitation the email of a claimed delivery carries, if its event
 * changed what calendars hold (core/invitations): organised by the mentor,
 * attended by the mentee, the meeting link as LOCATION and URL, SEQUENCE
 * counted from the booking's history (decision 0019).
 */
export function bookingInvitation(
  n: NonNullable<ClaimedDelivery['notification']>,
): Email['icalEvent'] | null {
  const b = n.booking;
  if (!b.id || !b.status || !b.startsAt || !b.endsAt || !b.otherName || !b.otherEmail) return null;
  const method = invitationMethod(n.topic, b.status, b.wasApproved ?? false);
  if (!method) return null;
  const me = { name: n.name, email: n.email };
  const other = { name: b.otherName, email: b.otherEmail };
  const readerIsMentor = b.mentorId === n.userId;
  const [mentor, mentee] = readerIsMentor ? [me, other] : [other, me];
  const content = icsInvitation(
    {
      uid: bookingUid(b.id),
      title: `Mentoring: ${mentor.name} & ${mentee.name}`,
      description: [n.orgName, b.message].filter(Boolean).join('\n'),
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      url: b.meetingUrl,
      location: b.meetingUrl ?? '',
      status: 'CONFIRMED',
    },
    method,
    b.calendarSequence ?? 0,
    { organizer: mentor, attendee: mentee },
  );
  return { method, filename: 'invite.ics', content };
}

/**
 * The invitation of an email to a mentee added directly to a published
 * session: organised by its mentor, attended by the reader, one UID per
 * session, SEQUENCE raised by each change they were told of.
 */
export function sessionInvitation(
  n: NonNullable<ClaimedDelivery['notification']>,
): Email['icalEvent'] | null {
  const s = n.session;
  if (!s?.id || !s.status || !s.startsAt || !s.endsAt || !s.mentorName || !s.mentorEmail)
    return null;
  // The mentor organises the event: their own copy of an email carries none.
  if (s.mentorEmail === n.email) return null;
  const method = sessionInvitationMethod(n.topic, s.status);
  if (!method || (method === 'CANCEL' && !s.wasPublished)) return null;
  const content = icsInvitation(
    {
      uid: `session-${s.id}@confer`,
      title: s.title || `Mentoring: ${s.mentorName} & ${n.name}`,
      description: n.orgName ?? '',
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      url: s.meetingUrl,
      location: s.meetingUrl ?? s.location ?? '',
      status: 'CONFIRMED',
    },
    method,
    s.sequence ?? 0,
    {
      organizer: { name: s.mentorName, email: s.mentorEmail },
      attendee: { name: n.name, email: n.email },
    },
  );
  return { method, filename: 'invite.ics', content };
}

/** The invitation kept with a delivery, as it was first written (its METHOD read back). */
export function storedInvitation(content: string | null): Email['icalEvent'] | null {
  if (!content) return null;
  const method = /^METHOD:(REQUEST|CANCEL)\r?$/m.exec(content)?.[1] as InvitationMethod | undefined;
  return method ? { method, filename: 'invite.ics', content } : null;
}
