import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../client.ts';
import { matches, users } from '../schema.ts';

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

export async function listActiveMatches(q: Queryable, programId: string) {
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
    .where(and(eq(matches.programId, programId), isNull(matches.endedAt)))
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
