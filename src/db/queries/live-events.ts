import { sql } from 'drizzle-orm';
import type { LiveEvent, LiveResource } from '../../core/live-changes.ts';
import type { Queryable } from '../client.ts';
import { orgMembers } from '../schema.ts';

/** The NOTIFY channel of live events (services/live-events.ts listens on it). */
export const LIVE_CHANNEL = 'confer_live';

/** The two people of a booking, as the audience of a change to it. */
export function bookingAudience(b: {
  id: string;
  orgId: string;
  mentorId: string;
  menteeId: string;
}) {
  return { orgId: b.orgId, bookingId: b.id, userIds: [b.mentorId, b.menteeId] };
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a user id takes about 39. */
const USERS_PER_NOTIFY = 100;

/**
 * Tells every server instance, when the transaction commits (LISTEN/NOTIFY),
 * that these users' views of these resources are stale; a rolled-back change
 * announces nothing. An event with no resources is not sent; one for many
 * people (a session with hundreds of mentees) goes out in several parts.
 */
export async function announceChange(q: Queryable, event: LiveEvent) {
  if (event.resources.length === 0) return;
  const { userIds, ...rest } = event;
  for (let i = 0; i === 0 || i < userIds.length; i += USERS_PER_NOTIFY) {
    const part = { ...rest, userIds: userIds.slice(i, i + USERS_PER_NOTIFY) };
    if (i > 0) part.orgMembers = undefined;
    await q.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(part)})`);
  }
}

/**
 * Tells everyone in each organisation of this mentor that the mentor's
 * free times may have changed (their hours, session types or sessions), in
 * one statement.
 */
export async function announceMentorTimes(
  q: Queryable,
  mentorId: string,
  resources: LiveResource[] = ['slots'],
) {
  await q.execute(sql`
    select pg_notify(${LIVE_CHANNEL}, json_build_object(
      'type', 'change', 'resources', ${JSON.stringify(resources)}::json,
      'orgId', ${orgMembers.orgId}, 'orgMembers', ${orgMembers.orgId},
      'mentorId', ${mentorId}::text, 'userIds', json_build_array())::text)
    from ${orgMembers} where ${orgMembers.userId} = ${mentorId}`);
}
