import { addDays } from './local-time.ts';
import type { ProgramMode } from './roles.ts';

/** Published sessions (seed 002): drafted, published, cancelled. */
export const sessionStatuses = ['draft', 'published', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const enrollmentMethods = ['online', 'in_person', 'both'] as const;
export type EnrollmentMethod = (typeof enrollmentMethods)[number];

export const MAX_SESSION_MINUTES = 24 * 60;
export const MAX_BULK_COPIES = 200;

export type SessionAction = 'edit' | 'publish' | 'cancel' | 'duplicate';

/** Every allowed action per status; anything else is refused naming the status. */
const allowed: Record<SessionStatus, readonly SessionAction[]> = {
  draft: ['edit', 'publish', 'cancel', 'duplicate'],
  published: ['edit', 'cancel', 'duplicate'],
  cancelled: ['duplicate'],
};

export function canActOnSession(status: SessionStatus, action: SessionAction): boolean {
  return allowed[status].includes(action);
}

/** Online and "both" sessions need somewhere to meet. */
export function needsMeetingUrl(enrollment: EnrollmentMethod): boolean {
  return enrollment !== 'in_person';
}

/**
 * The zone whose clock a session's date and start time are on, when typed,
 * duplicated, repeated or moved: a session held at a place (in person, or
 * both) happens on that location's clock, so a New York mentor's 10:00 London
 * session stays 10:00 London across London's clock change; an online one is on
 * its mentor's clock. A session with no location zone falls back to the mentor's.
 */
export function sessionWallTimeZone(
  session: { enrollment: EnrollmentMethod; locationTimeZone: string | null },
  mentorTimeZone: string,
): string {
  return session.enrollment !== 'online' && session.locationTimeZone
    ? session.locationTimeZone
    : mentorTimeZone;
}

export type BulkPlan = { interval: number; unit: 'days' | 'weeks'; until?: string; count?: number };

/**
 * The dates of a bulk duplicate: every `interval` days or weeks after
 * `firstDate`, until `until` (inclusive) or `count` times. Dates, not instants:
 * each copy keeps the original's wall-clock time in its zone, so a weekly
 * 10:00 stays 10:00 across a DST change. Returns null when the plan asks for
 * more than MAX_BULK_COPIES copies.
 */
export function bulkDuplicateDates(firstDate: string, plan: BulkPlan): string[] | null {
  const step = plan.interval * (plan.unit === 'weeks' ? 7 : 1);
  const dates: string[] = [];
  for (let k = 1; ; k++) {
    if (plan.count !== undefined && k > plan.count) break;
    const date = addDays(firstDate, k * step);
    if (plan.until !== undefined && date > plan.until) break;
    if (dates.length === MAX_BULK_COPIES) return null;
    dates.push(date);
  }
  return dates;
}

/** Who is looking: their standing in the session's organisation. */
export type SessionViewer = {
  userId: string;
  isOrgAdmin: boolean;
  programIds: ReadonlySet<string>;
  /** the programs in which the viewer has the mentee role */
  menteeProgramIds: ReadonlySet<string>;
  groupIds: ReadonlySet<string>;
  /** active matches of the viewer as mentee, as `programId:mentorId` */
  matchedMentors: ReadonlySet<string>;
};

export const matchKey = (programId: string, mentorId: string) => `${programId}:${mentorId}`;

export type VisibleSessionFacts = {
  mentorId: string;
  status: SessionStatus;
  programId: string;
  programMode: ProgramMode;
  groupIds: readonly string[];
  enrolledIds: readonly string[];
};

/**
 * The mentor, admins and enrolled mentees always see a session. Others see it
 * only once published, only in a program they belong to — in a matched
 * program only when matched with its mentor (seed 000) — and, when it is
 * restricted to groups, only as a member of one of those groups (seed 002).
 */
export function canSeeSession(viewer: SessionViewer, s: VisibleSessionFacts): boolean {
  if (viewer.isOrgAdmin || s.mentorId === viewer.userId || s.enrolledIds.includes(viewer.userId)) {
    return true;
  }
  if (s.status !== 'published' || !viewer.programIds.has(s.programId)) return false;
  if (
    s.programMode === 'matched' &&
    !viewer.matchedMentors.has(matchKey(s.programId, s.mentorId))
  ) {
    return false;
  }
  return s.groupIds.length === 0 || s.groupIds.some((g) => viewer.groupIds.has(g));
}

/**
 * A mentor's weekly hours are bookable by people who share an à-la-carte
 * program with them, or who are matched with them in a matched program.
 */
export function canSeeWeeklySlots(
  viewer: SessionViewer,
  mentorId: string,
  mentorPrograms: readonly { programId: string; mode: ProgramMode }[],
): boolean {
  if (viewer.isOrgAdmin || viewer.userId === mentorId) return true;
  return mentorPrograms.some(
    (p) =>
      viewer.programIds.has(p.programId) &&
      (p.mode === 'a_la_carte' || viewer.matchedMentors.has(matchKey(p.programId, mentorId))),
  );
}

/**
 * Booking takes the mentee role in the program the booking is in: a mentor of
 * an à-la-carte program sees the other mentors' hours there but cannot book
 * them, and an admin who is no mentee there cannot either.
 */
export function canBookInProgram(viewer: SessionViewer, programId: string): boolean {
  return viewer.menteeProgramIds.has(programId);
}
