import type { BookingAction } from './booking-machine.ts';
import type { RequestKind } from './mentorship-requests.ts';

/**
 * Every event that reaches people, as written to the outbox in the
 * transaction of the change. One list: writers can only name a topic listed
 * here, and the notification deliverer words each one — the single path
 * outbox → notifications (the bell, live) → email.
 */
export const outboxTopics = [
  'booking.requested',
  'booking.approve',
  'booking.reject',
  'booking.propose_time',
  'booking.accept_proposal',
  'booking.decline_proposal',
  'booking.withdraw',
  'booking.expire',
  'booking.cancel',
  'booking.complete',
  'booking.report_no_show',
  'booking.propose_move',
  'booking.accept_move',
  'booking.decline_move',
  'booking.withdraw_move',
  'booking.expire_move',
  'booking.move',
  'booking.reminder',
  'booking.session_reminder',
  'booking.session_ended',
  'booking.meeting_link',
  'booking.meeting_link_needed',
  'booking.rated',
  'mentorship.offer',
  'mentorship.session_request',
  'mentorship.suggestion',
  'message.request',
  'message.request_accepted',
  'session.cancelled',
  'session.scheduled',
  'session.left',
  'session.attendance',
  /** an admin's nudge to a match that has not met lately (issue #13 reports) */
  'admin.nudge_match',
  /** an admin's nudge to a mentor whose requests wait for an answer */
  'admin.nudge_requests',
] as const;
export type OutboxTopic = (typeof outboxTopics)[number];

/** The topic of a booking step; the compiler checks every action has one. */
export function bookingStepTopic(action: BookingAction): OutboxTopic {
  return `booking.${action}`;
}

/** The topic of a sent mentorship request; the compiler checks every kind has one. */
export function mentorshipRequestTopic(kind: RequestKind): OutboxTopic {
  return `mentorship.${kind}`;
}

/**
 * A notification worded by the writer of the event and carried in its
 * outbox payload (`notify`): for events outside bookings, whose wording needs
 * what only the writer has at hand.
 */
export type ReadyMadeNotification = { userId: string; title: string; body?: string; link?: string };
