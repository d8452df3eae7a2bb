import type { OutboxTopic } from './topics.ts';

/** The iTIP method (RFC 5546) of an invitation an email carries. */
export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** Events whose emails change what people's calendars hold: the session confirmed, moved, relinked or called off. */
const calendarTopics: ReadonlySet<OutboxTopic> = new Set([
  'booking.approve',
  'booking.accept_proposal',
  'booking.meeting_link',
  'booking.cancel',
  'booking.accept_move',
  'booking.move',
]);

/**
 * The invitation of a published session's email to a mentee added directly:
 * a REQUEST when they are added or it changes, a CANCEL when it is called off
 * or they leave it.
 */
export function sessionInvitationMethod(topic: string, status: string): InvitationMethod | null {
  if (topic === 'session.scheduled' && status === 'published') return 'REQUEST';
  if (topic === 'session.cancelled' && status === 'cancelled') return 'CANCEL';
  // The one who left takes it out of their calendar; the session goes on.
  if (topic === 'session.left') return 'CANCEL';
  return null;
}

/**
 * Which invitation, if any, the email of an event about a booking carries.
 * Only approved bookings are in calendars: an approved one gets a REQUEST
 * (new or updated), one cancelled after approval a CANCEL of that same
 * event; a pending, rejected or withdrawn booking never gets an invitation.
 * `status` is the booking's state when the email is written (it may have
 * moved on since the event: the invitation then says what holds now).
 */
export function invitationMethod(
  topic: string,
  status: string,
  wasApproved: boolean,
): InvitationMethod | null {
  if (!calendarTopics.has(topic as OutboxTopic)) return null;
  if (status === 'approved') return 'REQUEST';
  if (status === 'cancelled' && wasApproved) return 'CANCEL';
  return null;
}

/** What a session's calendar event holds: a change to any of it is worth an updated invitation. */
type SessionEventFields = {
  startsAt: Date;
  endsAt: Date;
  title: string;
  location: string;
  meetingUrl: string | null;
  enrollment: string;
};

export function sessionCalendarChanged(a: SessionEventFields, b: SessionEventFields): boolean {
  return (
    a.startsAt.getTime() !== b.startsAt.getTime() ||
    a.endsAt.getTime() !== b.endsAt.getTime() ||
    a.title !== b.title ||
    a.location !== b.location ||
    a.meetingUrl !== b.meetingUrl ||
    a.enrollment !== b.enrollment
  );
}
