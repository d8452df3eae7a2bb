import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../client.ts';
import { matches, mentorStats, programMembers, programs, users } from '../schema.ts';
import { notDeactivatedIn } from './organisations.ts';
import { outer } from './outer-column.ts';

export async function insertMatch(
  q: Queryable,
  values: { programId: string; mentorId: string; menteeId: string; createdBy: string },
) {
  const [row] = await q.insert(matches).values(values).returning();
  return row!;
}

export async function endMatch(q: Queryable, programId: string, id: string, now: Date) {
  const rows = await q
    .update(matches)
    .set({ endedAt: now })
    .where(and(eq(matches.id, id), eq(matches.programId, programId), isNull(matches.endedAt)))
    .returning();
  return rows[0] ?? null;
}

/** An active match of one of the organisation's programs, with both names, locked (null: none). */
export async function getActiveMatchInOrgForUpdate(q: Queryable, orgId: string, id: string) {
  const mentor = alias(users, 'mentor');
  const mentee = alias(users, 'mentee');
  const [row] = await q
    .select({
      id: matches.id,
      programId: matches.programId,
      programName: programs.name,
      mentorId: matches.mentorId,
      mentorName: mentor.name,
      menteeId: matches.menteeId,
      menteeName: mentee.name,
    })
    .from(matches)
    .innerJoin(programs, eq(programs.id, matches.programId))
    .innerJoin(mentor, eq(mentor.id, matches.mentorId))
    .innerJoin(mentee, eq(mentee.id, matches.menteeId))
    .where(and(eq(matches.id, id), eq(programs.orgId, orgId), isNull(matches.endedAt)))
    .for('update', { of: matches });
  return row ?? null;
}

/** A program's active matches; with `involving`, only those that person is in. */
export async function listActiveMatches(q: Queryable, programId: string, involving?: string) {
  const mentor = alias(users, 'mentor');
  const mentee = alias(users, 'mentee');
  return q
    .select({
      id: matches.id,
      programId: matches.programId,
      mentorId: matches.mentorId,
      mentorName: mentor.name,
      menteeId: matches.menteeId,
      menteeName: mentee.name,
      createdAt: matches.createdAt,
    })
    .from(matches)
    .innerJoin(mentor, eq(mentor.id, matches.mentorId))
    .innerJoin(mentee, eq(mentee.id, matches.menteeId))
    .where(
      and(
        eq(matches.programId, programId),
        isNull(matches.endedAt),
        involving
          ? or(eq(matches.mentorId, involving), eq(matches.menteeId, involving))
          : undefined,
      ),
    )
    .orderBy(asc(mentor.name), asc(mentee.name));
}

/** Ends every active match of a user in a program (they left it or changed role). */
export async function endMatchesOfMember(
  q: Queryable,
  programId: string,
  userId: string,
  now: Date,
) {
  return q
    .update(matches)
    .set({ endedAt: now })
    .where(
      and(
        eq(matches.programId, programId),
        isNull(matches.endedAt),
        or(eq(matches.mentorId, userId), eq(matches.menteeId, userId)),
      ),
    )
    .returning({ id: matches.id });
}

/**
 * A mentor's membership locked for the transaction, so matches to them are
 * made one at a time, then their active matches counted. Two statements: a
 * count in the locking statement would be read before the lock was granted.
 */
export async function lockMentorCapacity(q: Queryable, programId: string, mentorId: string) {
  const [member] = await q
    .select({ role: programMembers.role, matchCapacity: programMembers.matchCapacity })
    .from(programMembers)
    .where(and(eq(programMembers.programId, programId), eq(programMembers.userId, mentorId)))
    .for('update');
  if (!member) return null;
  const [count] = await q
    .select({ active: sql<number>`count(*)::int` })
    .from(matches)
    .where(
      and(
        eq(matches.programId, programId),
        eq(matches.mentorId, mentorId),
        isNull(matches.endedAt),
      ),
    );
  return { ...member, active: count?.active ?? 0 };
}

export async function setMatchCapacity(
  q: Queryable,
  programId: string,
  mentorId: string,
  capacity: number | null,
) {
  const [row] = await q
    .update(programMembers)
    .set({ matchCapacity: capacity })
    .where(
      and(
        eq(programMembers.programId, programId),
        eq(programMembers.userId, mentorId),
        eq(programMembers.role, 'mentor'),
      ),
    )
    .returning();
  return row ?? null;
}

/** Each mentor of a program with their capacity and how many active matches they have. */
export async function listMentorCapacities(q: Queryable, programId: string) {
  return q
    .select({
      userId: programMembers.userId,
      name: users.name,
      matchCapacity: programMembers.matchCapacity,
      activeMatches: sql<number>`(select count(*)::int from ${matches} m
        where m.program_id = ${programId} and m.mentor_id = ${outer('program_members', 'user_id')} and m.ended_at is null)`,
    })
    .from(programMembers)
    .innerJoin(users, eq(users.id, programMembers.userId))
    .where(and(eq(programMembers.programId, programId), eq(programMembers.role, 'mentor')))
    .orderBy(asc(users.name));
}

/** A user's active matches in the organisation, in either role. */
export async function listMatchesOfUser(q: Queryable, orgId: string, userId: string) {
  const mentor = alias(users, 'mentor');
  const mentee = alias(users, 'mentee');
  return q
    .select({
      id: matches.id,
      programId: matches.programId,
      programName: programs.name,
      mentorId: matches.mentorId,
      mentorName: mentor.name,
      mentorPhotoKey: mentor.photoKey,
      mentorTimeZone: mentor.timeZone,
      menteeId: matches.menteeId,
      menteeName: mentee.name,
      menteePhotoKey: mentee.photoKey,
      menteeTimeZone: mentee.timeZone,
      createdAt: matches.createdAt,
    })
    .from(matches)
    .innerJoin(programs, eq(programs.id, matches.programId))
    .innerJoin(mentor, eq(mentor.id, matches.mentorId))
    .innerJoin(mentee, eq(mentee.id, matches.menteeId))
    .where(
      and(
        eq(programs.orgId, orgId),
        isNull(matches.endedAt),
        or(eq(matches.mentorId, userId), eq(matches.menteeId, userId)),
      ),
    )
    .orderBy(asc(programs.name), asc(matches.createdAt));
}

/** Active matches between two people, either way round, as `program:mentor:mentee`. */
export async function listMatchesBetween(q: Queryable, a: string, b: string) {
  return q
    .select({
      programId: matches.programId,
      mentorId: matches.mentorId,
      menteeId: matches.menteeId,
    })
    .from(matches)
    .where(
      and(
        sql`${matches.endedAt} is null`,
        or(
          and(eq(matches.mentorId, a), eq(matches.menteeId, b)),
          and(eq(matches.mentorId, b), eq(matches.menteeId, a)),
        ),
      ),
    );
}

/**
 * The people of a program as suggested matches need them: skills and goals,
 * a mentor's capacity and active matches, and whether a mentee is matched.
 */
export async function listMatchingCandidates(q: Queryable, programId: string) {
  const member = outer('program_members', 'user_id');
  return q
    .select({
      userId: programMembers.userId,
      role: programMembers.role,
      name: users.name,
      skills: users.skills,
      goals: sql<string>`${users.shortTermGoals} || ' ' || ${users.longTermGoals}`,
      capacity: programMembers.matchCapacity,
      activeMatches: sql<number>`(select count(*)::int from ${matches} m
        where m.program_id = ${programId} and m.ended_at is null
          and (m.mentor_id = ${member} or m.mentee_id = ${member}))`,
      // The stored figures the worker refreshes (the directory's ranking reads the same).
      approvalRate: mentorStats.approvalRate,
      medianResponseMinutes: mentorStats.medianResponseMinutes,
    })
    .from(programMembers)
    .innerJoin(users, eq(users.id, programMembers.userId))
    .leftJoin(mentorStats, eq(mentorStats.userId, programMembers.userId))
    .where(
      and(
        eq(programMembers.programId, programId),
        // Deactivated members are neither suggested nor suggested to.
        notDeactivatedIn(
          sql`(select p.org_id from ${programs} p where p.id = ${programId})`,
          member,
        ),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}
