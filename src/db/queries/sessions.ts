import { and, asc, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { AttendanceOutcome } from '../../core/session-attendance.ts';
import type { Queryable } from '../client.ts';
import {
  mentoringSessions,
  programs,
  sessionEnrollments,
  sessionGroups,
  users,
} from '../schema.ts';

export type SessionRow = typeof mentoringSessions.$inferSelect;
export type NewSession = typeof mentoringSessions.$inferInsert;

export async function insertSession(q: Queryable, values: NewSession): Promise<SessionRow> {
  const [row] = await q.insert(mentoringSessions).values(values).returning();
  return row!;
}

export async function updateSession(
  q: Queryable,
  id: string,
  values: Partial<NewSession>,
): Promise<SessionRow> {
  const [row] = await q
    .update(mentoringSessions)
    .set(values)
    .where(eq(mentoringSessions.id, id))
    .returning();
  return row!;
}

/** Locked for the rest of the transaction, so concurrent edits of one session queue up. */
export async function getSessionForUpdate(q: Queryable, orgId: string, id: string) {
  const [row] = await q
    .select()
    .from(mentoringSessions)
    .where(and(eq(mentoringSessions.id, id), eq(mentoringSessions.orgId, orgId)))
    .for('update');
  return row ?? null;
}

export async function setSessionGroups(q: Queryable, sessionId: string, groupIds: string[]) {
  await q.delete(sessionGroups).where(eq(sessionGroups.sessionId, sessionId));
  if (groupIds.length > 0) {
    await q.insert(sessionGroups).values(groupIds.map((groupId) => ({ sessionId, groupId })));
  }
}

export async function enrollMentee(
  q: Queryable,
  sessionId: string,
  menteeId: string,
  addedBy: string,
) {
  await q.insert(sessionEnrollments).values({ sessionId, menteeId, addedBy }).onConflictDoNothing();
}

export type EnrolledMentee = {
  userId: string;
  name: string;
  outcome: AttendanceOutcome | null;
  stars: number | null;
  feedback: string;
};

/** One mentee's place in a session, with the session, both locked for the transaction. */
export async function getEnrolmentForUpdate(
  q: Queryable,
  orgId: string,
  sessionId: string,
  menteeId: string,
) {
  const [row] = await q
    .select({ session: mentoringSessions, enrolment: sessionEnrollments })
    .from(sessionEnrollments)
    .innerJoin(mentoringSessions, eq(mentoringSessions.id, sessionEnrollments.sessionId))
    .where(
      and(
        eq(sessionEnrollments.sessionId, sessionId),
        eq(sessionEnrollments.menteeId, menteeId),
        eq(mentoringSessions.orgId, orgId),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function removeEnrolment(q: Queryable, sessionId: string, menteeId: string) {
  await q
    .delete(sessionEnrollments)
    .where(
      and(eq(sessionEnrollments.sessionId, sessionId), eq(sessionEnrollments.menteeId, menteeId)),
    );
}

/**
 * Writes to one mentee's place in a session. Callers hold its row lock
 * (getEnrolmentForUpdate) and have asked core/session-attendance.ts first,
 * so "once" is decided there.
 */
async function updateEnrolment(
  q: Queryable,
  sessionId: string,
  menteeId: string,
  values: Partial<typeof sessionEnrollments.$inferInsert>,
) {
  await q
    .update(sessionEnrollments)
    .set(values)
    .where(
      and(eq(sessionEnrollments.sessionId, sessionId), eq(sessionEnrollments.menteeId, menteeId)),
    );
}

export const setEnrolmentOutcome = (
  q: Queryable,
  sessionId: string,
  menteeId: string,
  outcome: AttendanceOutcome,
  by: string,
  at: Date,
) => updateEnrolment(q, sessionId, menteeId, { outcome, outcomeBy: by, outcomeAt: at });

export const rateEnrolment = (
  q: Queryable,
  sessionId: string,
  menteeId: string,
  rating: { stars: number; feedback: string },
  at: Date,
) => updateEnrolment(q, sessionId, menteeId, { ...rating, ratedAt: at });

/** A live session of the mentor overlapping [start, end), other than `exceptId`. */
export async function findClashingSession(
  q: Queryable,
  mentorId: string,
  startsAt: Date,
  endsAt: Date,
  exceptId?: string,
) {
  const [row] = await q
    .select()
    .from(mentoringSessions)
    .where(
      and(
        eq(mentoringSessions.mentorId, mentorId),
        ne(mentoringSessions.status, 'cancelled'),
        lt(mentoringSessions.startsAt, endsAt),
        gt(mentoringSessions.endsAt, startsAt),
        exceptId ? ne(mentoringSessions.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(mentoringSessions.startsAt))
    .limit(1);
  return row ?? null;
}

export type SessionFilter = {
  orgId?: string;
  ids?: string[];
  mentorIds?: string[];
  programId?: string;
  /** sessions where this user is the mentor or enrolled */
  participantId?: string;
  from?: Date;
  to?: Date;
  statuses?: SessionRow['status'][];
};

/** Sessions with their program name, mentor, groups and enrolled mentees, by start time. */
export async function listSessions(q: Queryable, f: SessionFilter) {
  const s = mentoringSessions;
  return q
    .select({
      session: s,
      programName: programs.name,
      programMode: programs.mode,
      mentorName: users.name,
      mentorTimeZone: users.timeZone,
      groupIds: sql<
        string[]
      >`coalesce((select json_agg(sg.group_id order by sg.group_id) from ${sessionGroups} sg where sg.session_id = ${s.id}), '[]'::json)`,
      enrolled: sql<EnrolledMentee[]>`coalesce((
        select json_agg(json_build_object('userId', u.id, 'name', u.name, 'outcome', se.outcome,
          'stars', se.stars, 'feedback', se.feedback) order by u.name)
        from ${sessionEnrollments} se join ${users} u on u.id = se.mentee_id
        where se.session_id = ${s.id}), '[]'::json)`,
    })
    .from(s)
    .innerJoin(programs, eq(programs.id, s.programId))
    .innerJoin(users, eq(users.id, s.mentorId))
    .where(
      and(
        f.orgId ? eq(s.orgId, f.orgId) : undefined,
        f.ids ? inArray(s.id, f.ids) : undefined,
        f.mentorIds ? inArray(s.mentorId, f.mentorIds) : undefined,
        f.programId ? eq(s.programId, f.programId) : undefined,
        f.participantId
          ? or(
              eq(s.mentorId, f.participantId),
              sql`exists (select 1 from ${sessionEnrollments} se where se.session_id = ${s.id} and se.mentee_id = ${f.participantId})`,
            )
          : undefined,
        f.from ? gt(s.endsAt, f.from) : undefined,
        f.to ? lt(s.startsAt, f.to) : undefined,
        f.statuses ? inArray(s.status, f.statuses) : undefined,
      ),
    )
    .orderBy(asc(s.startsAt));
}

export type SessionListing = Awaited<ReturnType<typeof listSessions>>[number];
