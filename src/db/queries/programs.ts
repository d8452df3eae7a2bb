import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { ProgramMode, ProgramRole } from '../../core/roles.ts';
import type { Queryable } from '../client.ts';
import { programMembers, programs, users } from '../schema.ts';
import { notDeactivatedIn } from './organisations.ts';

export type ProgramRow = typeof programs.$inferSelect;

/** The rules an admin sets per program (issue #13), each optional: the defaults stand. */
export type ProgramSettings = Partial<
  Pick<
    ProgramRow,
    | 'expiryDays'
    | 'lateCancelHours'
    | 'moveNoticeHours'
    | 'maxMoves'
    | 'autoApproveAllowed'
    | 'pricesAllowed'
    | 'startsOn'
    | 'endsOn'
  >
>;

export async function insertProgram(
  q: Queryable,
  values: { orgId: string; name: string; description: string; mode: ProgramMode } & ProgramSettings,
): Promise<ProgramRow> {
  const [row] = await q.insert(programs).values(values).returning();
  return row!;
}

export async function updateProgram(
  q: Queryable,
  id: string,
  values: Partial<{
    name: string;
    description: string;
    mode: ProgramMode;
    archivedAt: Date | null;
  }> &
    ProgramSettings,
): Promise<ProgramRow> {
  const [row] = await q.update(programs).set(values).where(eq(programs.id, id)).returning();
  return row!;
}

export async function getProgramInOrg(q: Queryable, orgId: string, programId: string) {
  const [row] = await q
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.orgId, orgId)));
  return row ?? null;
}

export async function listProgramsInOrg(q: Queryable, orgId: string) {
  return q
    .select({
      ...getTableColumns(programs),
      mentorCount: sql<number>`(select count(*)::int from ${programMembers} pm where pm.program_id = ${programs.id} and pm.role = 'mentor')`,
      menteeCount: sql<number>`(select count(*)::int from ${programMembers} pm where pm.program_id = ${programs.id} and pm.role = 'mentee')`,
    })
    .from(programs)
    .where(eq(programs.orgId, orgId))
    .orderBy(asc(programs.name));
}

export async function getProgramMembership(q: Queryable, programId: string, userId: string) {
  const [row] = await q
    .select()
    .from(programMembers)
    .where(and(eq(programMembers.programId, programId), eq(programMembers.userId, userId)));
  return row ?? null;
}

export async function upsertProgramMember(
  q: Queryable,
  programId: string,
  userId: string,
  role: ProgramRole,
) {
  await q
    .insert(programMembers)
    .values({ programId, userId, role })
    .onConflictDoUpdate({
      target: [programMembers.programId, programMembers.userId],
      set: { role },
    });
}

export async function deleteProgramMember(q: Queryable, programId: string, userId: string) {
  await q
    .delete(programMembers)
    .where(and(eq(programMembers.programId, programId), eq(programMembers.userId, userId)));
}

export async function listProgramMembers(q: Queryable, programId: string) {
  return q
    .select({
      userId: users.id,
      name: users.name,
      role: programMembers.role,
      timeZone: users.timeZone,
    })
    .from(programMembers)
    .innerJoin(users, eq(users.id, programMembers.userId))
    .where(eq(programMembers.programId, programId))
    .orderBy(asc(users.name));
}

/** People who mentor in at least one program of the organisation, with those programs. */
export async function listMentorsInOrg(q: Queryable, orgId: string, onlyIds?: string[]) {
  return q
    .select({
      userId: users.id,
      name: users.name,
      photoKey: users.photoKey,
      timeZone: users.timeZone,
      location: users.location,
      skills: users.skills,
      programs: sql<
        { programId: string; programName: string; mode: ProgramMode; expiryDays: number }[]
      >`json_agg(
        json_build_object('programId', ${programs.id}, 'programName', ${programs.name}, 'mode', ${programs.mode}, 'expiryDays', ${programs.expiryDays})
        order by ${programs.name})`,
    })
    .from(programMembers)
    .innerJoin(programs, eq(programs.id, programMembers.programId))
    .innerJoin(users, eq(users.id, programMembers.userId))
    .where(
      and(
        eq(programs.orgId, orgId),
        eq(programMembers.role, 'mentor'),
        // A deactivated mentor takes no bookings.
        notDeactivatedIn(orgId, users.id),
        onlyIds ? inArray(users.id, onlyIds) : undefined,
      ),
    )
    .groupBy(users.id)
    .orderBy(asc(users.name));
}
