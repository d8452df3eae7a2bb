import type { Session } from '../../api/types.ts';

/** The session's title, or "Session with Kim Park" when it has none. */
export function sessionTitle(session: Session): string {
  return session.title.trim() || `Session with ${session.mentor.name}`;
}

/** A mentee added to a published session has a confirmed place. */
export function isConfirmedFor(session: Session, userId: string): boolean {
  return (
    session.status === 'published' && session.enrolled.some((person) => person.userId === userId)
  );
}

export type SessionAction = 'edit' | 'publish' | 'cancel' | 'duplicate';

/** What the server allows per status; buttons for anything else are not shown. */
const allowed: Record<Session['status'], readonly SessionAction[]> = {
  draft: ['edit', 'publish', 'cancel', 'duplicate'],
  published: ['edit', 'cancel', 'duplicate'],
  cancelled: ['duplicate'],
};

export function canActOn(session: Session, action: SessionAction): boolean {
  return allowed[session.status].includes(action);
}

export type SessionGroups = {
  upcoming: Session[];
  drafts: Session[];
  past: Session[];
  cancelled: Session[];
};

const byStart = (a: Session, b: Session) => a.startsAt.localeCompare(b.startsAt);

/** Sessions sorted into the Sessions tab's groups; a session still running is upcoming. */
export function groupSessions(sessions: Session[], nowMs: number): SessionGroups {
  const groups: SessionGroups = { upcoming: [], drafts: [], past: [], cancelled: [] };
  for (const session of [...sessions].sort(byStart)) {
    if (session.status === 'cancelled') groups.cancelled.push(session);
    else if (session.status === 'draft') groups.drafts.push(session);
    else if (Date.parse(session.endsAt) > nowMs) groups.upcoming.push(session);
    else groups.past.push(session);
  }
  // Most recent first for the past.
  groups.past.reverse();
  return groups;
}

/** Coming sessions (drafts included) by start, then past ones latest first, then cancelled. */
export function sortForManaging(sessions: Session[], nowMs: number): Session[] {
  const { upcoming, drafts, past, cancelled } = groupSessions(sessions, nowMs);
  return [...[...upcoming, ...drafts].sort(byStart), ...past, ...cancelled];
}
