import type { ReadyMadeNotification } from '../core/topics.ts';
import type { Tx } from '../db/client.ts';
import { insertOutbox } from '../db/queries/bookings.ts';
import { listSessions, updateSession } from '../db/queries/sessions.ts';

/*
 * Mentees added directly to a published session (seed 002) get what a
 * booking's mentee gets (issue #11): an email with a calendar invitation when
 * they are added or the session is published, an updated one when it
 * changes, and a cancellation when it is called off (manage-sessions.ts
 * writes that one with the session's cancellation).
 */

/**
 * In the transaction of the change: tells the session's directly added
 * mentees (or only `menteeIds`), once it is published. A change raises the
 * invitation's SEQUENCE, so calendars update their one event.
 */
export async function tellMenteesOfSession(
  tx: Tx,
  sessionId: string,
  change: 'added' | 'changed',
  menteeIds?: string[],
) {
  const [listing] = await listSessions(tx, { ids: [sessionId] });
  if (listing?.session.status !== 'published') return;
  const told = listing.enrolled.filter((e) => !menteeIds || menteeIds.includes(e.userId));
  if (told.length === 0) return;
  const { session } = listing;
  if (change === 'changed') {
    await updateSession(tx, sessionId, { calendarSequence: session.calendarSequence + 1 });
  }
  const title = session.title || `Session with ${listing.mentorName}`;
  await insertOutbox(
    tx,
    'session.scheduled',
    {
      sessionId,
      startsAt: session.startsAt.toISOString(),
      notify: told.map(
        (e): ReadyMadeNotification => ({
          userId: e.userId,
          title:
            change === 'added'
              ? `${listing.mentorName} added you to “${title}”`
              : `“${title}” with ${listing.mentorName} changed`,
          body: session.description.slice(0, 300),
          link: `/o/${session.orgId}/sessions`,
        }),
      ),
    },
    { orgId: session.orgId, userIds: [session.mentorId, ...told.map((e) => e.userId)] },
  );
}
