import type { OutboxTopic } from './topics.ts';

/**
 * What a browser may have loaded, by name, so that a change can say which
 * of it is stale. Live events carry these names, never data: the browser
 * refetches what it shows through the API and its checks. The web maps each
 * of its GET paths to the resources it reads (src/web/live-queries.ts).
 */
export const liveResources = [
  /** bookings: my lists, pending requests and their count, a booking's card and history */
  'bookings',
  /** published sessions: mine and the organisation's */
  'sessions',
  /** a mentor's free times, and their "next free" in the directory */
  'slots',
  'mentorship-requests',
  'message-requests',
  'matches',
  'connections',
  /** thread lists, a thread's messages and the unread counts */
  'threads',
  'notifications',
  /** an admin's members imports and their progress */
  'imports',
] as const;
export type LiveResource = (typeof liveResources)[number];

/** The names of server-sent events; every one carries a `LiveChange`. */
export const liveEventTypes = ['change', 'message', 'read', 'request', 'notification'] as const;
export type LiveEventType = (typeof liveEventTypes)[number];

/**
 * Which records changed. The ids narrow it: a browser query that reads one
 * thread, booking or mentor (a path parameter of that name) is stale only
 * when the id matches; a query of another organisation is never stale.
 */
export type LiveChange = {
  resources: LiveResource[];
  orgId?: string | undefined;
  threadId?: string | undefined;
  bookingId?: string | undefined;
  mentorId?: string | undefined;
  /** a message event's message */
  messageId?: string | undefined;
};

/**
 * Who hears a change: the users named, and with `orgMembers` every member of
 * that organisation with an open stream (a mentor's free times, which anyone
 * in the organisation may be looking at).
 */
export type LiveAudience = { userIds: string[]; orgMembers?: string | undefined };

/** One announcement, as written to the live channel in the transaction of the change. */
export type LiveEvent = LiveChange & LiveAudience & { type: LiveEventType };

const bookingStep: LiveResource[] = ['bookings', 'slots'];

/**
 * What each outbox event changes for the people it concerns. A record, so a
 * new topic does not compile until it says what it makes stale.
 */
export const topicResources: Record<OutboxTopic, LiveResource[]> = {
  'booking.requested': bookingStep,
  'booking.approve': bookingStep,
  'booking.reject': bookingStep,
  'booking.propose_time': bookingStep,
  'booking.accept_proposal': bookingStep,
  'booking.decline_proposal': bookingStep,
  'booking.withdraw': bookingStep,
  'booking.expire': bookingStep,
  'booking.cancel': bookingStep,
  'booking.complete': bookingStep,
  'booking.report_no_show': bookingStep,
  'booking.propose_move': bookingStep,
  'booking.accept_move': bookingStep,
  'booking.decline_move': bookingStep,
  'booking.withdraw_move': bookingStep,
  'booking.expire_move': bookingStep,
  'booking.move': bookingStep,
  'booking.reminder': [],
  'booking.session_reminder': [],
  'booking.session_ended': [],
  'booking.meeting_link': ['bookings'],
  'booking.meeting_link_needed': [],
  'booking.rated': ['bookings'],
  'mentorship.offer': ['mentorship-requests'],
  'mentorship.session_request': ['mentorship-requests'],
  'mentorship.suggestion': [],
  'message.request': ['message-requests', 'threads'],
  'message.request_accepted': ['message-requests', 'connections', 'threads'],
  'session.cancelled': ['sessions', 'bookings', 'slots'],
  'session.scheduled': ['sessions'],
  'session.left': ['sessions', 'slots'],
  'session.attendance': ['sessions'],
  'admin.nudge_match': [],
  'admin.nudge_requests': [],
};

/** The resources a change of several kinds touches, each once. */
export function mergeResources(...lists: readonly LiveResource[][]): LiveResource[] {
  return [...new Set(lists.flat())];
}
