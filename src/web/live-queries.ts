import type { LiveChange, LiveResource } from '../core/live-changes.ts';
import type { GetPath } from './api/types.ts';

/**
 * What each GET of the API reads, in the live-change vocabulary the server
 * announces (src/core/live-changes.ts). A record over every GET path: a new
 * route does not compile until it says which changes make it stale. An empty
 * list means no live event concerns it (it is refetched on reconnection and
 * after the user's own writes).
 */
export const pathResources: Record<GetPath, readonly LiveResource[]> = {
  '/health': [],
  '/ready': [],
  '/api/auth/session': [],
  '/api/auth/sessions': [],
  '/api/auth/tokens': [],
  '/api/me/profile': [],
  '/api/users/{userId}/photo': [],
  '/api/orgs': [],
  '/api/orgs/{orgId}': [],
  '/api/orgs/{orgId}/members': [],
  '/api/orgs/{orgId}/members/{userId}': [],
  '/api/orgs/{orgId}/audit': [],
  '/api/orgs/{orgId}/video': [],
  '/api/orgs/{orgId}/programs': [],
  '/api/orgs/{orgId}/programs/{programId}': [],
  '/api/orgs/{orgId}/programs/{programId}/matches': ['matches'],
  '/api/orgs/{orgId}/programs/{programId}/match-suggestions': ['matches'],
  '/api/orgs/{orgId}/me/matches': ['matches'],
  '/api/orgs/{orgId}/groups': [],
  '/api/orgs/{orgId}/groups/{groupId}': [],
  '/api/orgs/{orgId}/invitations': [],
  '/api/invitations/{token}': [],
  '/api/me/availability': ['slots'],
  '/api/me/sessions': ['sessions', 'bookings'],
  '/api/orgs/{orgId}/sessions': ['sessions'],
  '/api/orgs/{orgId}/sessions/{sessionId}': ['sessions'],
  '/api/orgs/{orgId}/mentors': ['slots'],
  '/api/orgs/{orgId}/mentors/{mentorId}/slots': ['slots'],
  '/api/me/bookings': ['bookings'],
  '/api/me/pending-bookings': ['bookings'],
  '/api/orgs/{orgId}/bookings/{bookingId}': ['bookings'],
  '/api/orgs/{orgId}/bookings/{bookingId}/calendar.ics': [],
  '/api/orgs/{orgId}/sessions/{sessionId}/calendar.ics': [],
  '/api/orgs/{orgId}/exports/members.csv': [],
  '/api/orgs/{orgId}/exports/audit.csv': [],
  '/api/orgs/{orgId}/exports/bookings.csv': [],
  '/api/orgs/{orgId}/exports/matches.csv': [],
  '/api/orgs/{orgId}/exports/ratings.csv': [],
  '/api/orgs/{orgId}/bookings': ['bookings'],
  '/api/me/calendars': ['slots'],
  '/api/me/calendars/busy': ['slots'],
  '/api/orgs/{orgId}/reports': [],
  '/api/orgs/{orgId}/reports/{file}': [],
  '/api/orgs/{orgId}/member-imports': ['imports'],
  '/api/orgs/{orgId}/member-imports/{importId}': ['imports'],
  '/api/me/session-types': ['slots'],
  '/api/orgs/{orgId}/mentors/{mentorId}/session-types': ['slots'],
  '/api/calendar/{file}': [],
  '/api/me/notifications': ['notifications'],
  '/api/me/notification-preferences': [],
  '/api/auth/demo': [],
  '/api/auth/sso/providers': [],
  '/api/auth/sso/{orgId}/start': [],
  '/api/auth/sso/callback': [],
  '/api/orgs/{orgId}/sso': [],
  '/api/email/unsubscribe/{token}': [],
  '/api/orgs/{orgId}/deliveries': [],
  '/api/orgs/{orgId}/deliveries/{deliveryId}': [],
  '/api/orgs/{orgId}/deliveries/{deliveryId}/html': [],
  '/api/orgs/{orgId}/deliveries/{deliveryId}/invite.ics': [],
  '/api/orgs/{orgId}/mentorship-requests': ['mentorship-requests'],
  '/api/me/events': [],
  '/api/orgs/{orgId}/threads': ['threads'],
  '/api/orgs/{orgId}/threads/unread': ['threads'],
  '/api/orgs/{orgId}/threads/{threadId}': ['threads'],
  '/api/orgs/{orgId}/bookings/{bookingId}/thread': ['threads'],
  '/api/orgs/{orgId}/attachments/{attachmentId}': [],
  '/api/orgs/{orgId}/message-requests': ['message-requests'],
  '/api/orgs/{orgId}/connections': ['connections'],
};

/** A query's key: the GET path and its parameters, as openapi-fetch takes them. */
export type ApiQueryKey = readonly [
  GetPath,
  { path?: Record<string, unknown>; query?: Record<string, unknown> },
];

/** The ids a change may name; a query reading one of them by path parameter must match it. */
const narrowingIds = ['orgId', 'threadId', 'bookingId', 'mentorId'] as const;

/**
 * Whether a change makes a query stale: the query reads one of the changed
 * resources, and no id the change names (its organisation, thread, booking
 * or mentor) contradicts the query's own parameters.
 */
export function isStaleAfter(key: ApiQueryKey, change: LiveChange): boolean {
  const [path, params] = key;
  const reads = pathResources[path] ?? [];
  if (!reads.some((resource) => change.resources.includes(resource))) return false;
  const own = { ...params.query, ...params.path };
  return narrowingIds.every((id) => {
    const named = change[id];
    const mine = own[id];
    return named === undefined || mine === undefined || mine === named;
  });
}

/** What the cache knows of a query's last answer (TanStack Query's `QueryState`). */
export type AnswerState = { status: 'pending' | 'success' | 'error'; dataUpdatedAt: number };

/**
 * Whether a query must be fetched again when the stream (re)opens at
 * `openedAt`: its data predates the stream, so it may miss an event the
 * stream did not hear; or its last fetch failed (during the outage that
 * closed the stream) and nothing would retry it while the stream is live.
 * A query never answered and still pending is left to its own first fetch.
 */
export function isMissedBefore(state: AnswerState, openedAt: number): boolean {
  if (state.status === 'error') return true;
  return state.dataUpdatedAt > 0 && state.dataUpdatedAt < openedAt;
}
