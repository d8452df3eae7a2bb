import type { OutboxTopic } from './topics.ts';

/*
 * What each person receives, per kind of event and per channel (issue #11
 * "Preferences"). Pure: the deliverer asks `routeOf` for every notification
 * it makes, and the API validates choices with `preferenceProblem`.
 */

/** The kinds people choose for, in the order the Account page lists them. */
export const notificationKinds = [
  'booking_requests',
  'session_changes',
  'reminders',
  'follow_ups',
  'mentorship_requests',
  'messages',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How email comes: at once, gathered in one email a day, or not at all. */
export const emailModes = ['immediate', 'daily', 'off'] as const;
export type EmailMode = (typeof emailModes)[number];

export type Preference = { inApp: boolean; email: EmailMode };

export const kindInfo: Record<
  NotificationKind,
  {
    label: string;
    description: string;
    digest: boolean;
    /** how an unsubscribe link names its emails: "Unsubscribe from …" */
    emailWords: string;
    alwaysSent?: string;
  }
> = {
  booking_requests: {
    label: 'Booking requests and answers',
    description: 'Requests, approvals, rejections, suggested times, expiries',
    digest: true,
    emailWords: 'booking request emails',
  },
  session_changes: {
    label: 'Changes to sessions',
    description: 'Moves, meeting links and cancellations',
    digest: false,
    emailWords: 'session change emails',
    alwaysSent: 'A cancelled session is always shown and emailed',
  },
  reminders: {
    label: 'Session reminders',
    description: 'Before each approved session',
    digest: false,
    emailWords: 'reminder emails',
  },
  follow_ups: {
    label: 'After a session',
    description: 'Completion, no-shows and ratings',
    digest: false,
    emailWords: 'after-session emails',
  },
  mentorship_requests: {
    label: 'Mentorship requests',
    description: 'Offers, session requests and suggestions',
    digest: true,
    emailWords: 'mentorship request emails',
  },
  messages: {
    label: 'Messages',
    description: 'New messages (one email per conversation at a time) and message requests',
    digest: true,
    emailWords: 'message emails',
  },
};

/** The kind every topic belongs to; the compiler checks that none is left out. */
const kindOfTopic: Record<OutboxTopic, NotificationKind> = {
  'booking.requested': 'booking_requests',
  'booking.approve': 'booking_requests',
  'booking.reject': 'booking_requests',
  'booking.propose_time': 'booking_requests',
  'booking.accept_proposal': 'booking_requests',
  'booking.decline_proposal': 'booking_requests',
  'booking.withdraw': 'booking_requests',
  'booking.expire': 'booking_requests',
  'booking.reminder': 'booking_requests',
  'booking.cancel': 'session_changes',
  'booking.meeting_link': 'session_changes',
  'booking.propose_move': 'session_changes',
  'booking.accept_move': 'session_changes',
  'booking.decline_move': 'session_changes',
  'booking.withdraw_move': 'session_changes',
  'booking.expire_move': 'session_changes',
  'booking.move': 'session_changes',
  'booking.meeting_link_needed': 'session_changes',
  'session.cancelled': 'session_changes',
  'session.scheduled': 'session_changes',
  'session.left': 'session_changes',
  'session.attendance': 'follow_ups',
  'booking.session_reminder': 'reminders',
  'booking.session_ended': 'follow_ups',
  'booking.complete': 'follow_ups',
  'booking.report_no_show': 'follow_ups',
  'booking.rated': 'follow_ups',
  'mentorship.offer': 'mentorship_requests',
  'mentorship.session_request': 'mentorship_requests',
  'mentorship.suggestion': 'mentorship_requests',
  'message.request': 'messages',
  'message.request_accepted': 'messages',
  'admin.nudge_match': 'follow_ups',
  'admin.nudge_requests': 'booking_requests',
};

export function kindOf(topic: OutboxTopic): NotificationKind {
  return kindOfTopic[topic];
}

/**
 * Safety notices reach people whatever they chose: an approved session was
 * cancelled (PRODUCT: "cancellation of an approved session cannot be switched
 * off"). Account emails (password reset) are no notifications and always go.
 */
const safetyTopics: ReadonlySet<OutboxTopic> = new Set(['booking.cancel', 'session.cancelled']);

export function isSafety(topic: OutboxTopic): boolean {
  return safetyTopics.has(topic);
}

export const DEFAULT_PREFERENCE: Preference = { inApp: true, email: 'immediate' };

/** Where one notification goes: the bell or not, and email now, in the digest, or none. */
export type Route = { inApp: boolean; email: EmailMode };

/** The route of a notification on `topic` for someone whose choice for its kind is `chosen`. */
export function routeOf(topic: OutboxTopic, chosen: Preference | undefined): Route {
  if (isSafety(topic)) return { inApp: true, email: 'immediate' };
  const p = chosen ?? DEFAULT_PREFERENCE;
  // A digest is only offered for kinds that can wait a day.
  const email = p.email === 'daily' && !kindInfo[kindOf(topic)].digest ? 'immediate' : p.email;
  return { inApp: p.inApp, email };
}

/** Why a choice cannot be saved, or null. */
export function preferenceProblem(kind: NotificationKind, p: Preference): string | null {
  if (p.email === 'daily' && !kindInfo[kind].digest) {
    return `${kindInfo[kind].label} cannot wait for a daily digest`;
  }
  return null;
}

/** Every kind with the person's choice, defaults filled in. */
export function withDefaults(
  chosen: ReadonlyMap<NotificationKind, Preference>,
): (Preference & { kind: NotificationKind })[] {
  return notificationKinds.map((kind) => ({ kind, ...(chosen.get(kind) ?? DEFAULT_PREFERENCE) }));
}
