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
