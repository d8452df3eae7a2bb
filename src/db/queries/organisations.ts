import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OrgRole } from '../../core/roles.ts';
import type { Queryable } from '../client.ts';
import {
  groupMembers,
  groups,
  matches,
  organisations,
  orgMembers,
  programMembers,
  programs,
  users,
} from '../schema.ts';

export async function insertOrganisation(q: Queryable, name: string) {
  const [row] = await q.insert(organisations).values({ name }).returning();
  return row!;
}

export async function updateOrganisation(q: Queryable, id: string, name: string) {
  const [row] = await q
    .update(organisations)
    .set({ name })
    .where(eq(organisations.id, id))
    .returning();
  return row ?? null;
}

/** The organisation with the user's role in it, or null when the user is not a member. */
export async function getOrganisationForMember(q: Queryable, orgId: string, userId: string) {
  const [row] = await q
    .select({
      id: organisations.id,
      name: organisations.name,
      role: orgMembers.role,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .innerJoin(orgMembers, eq(orgMembers.orgId, organisations.id))
    .where(and(eq(organisations.id, orgId), eq(orgMembers.userId, userId)));
  return row ?? null;
}

export async function listOrganisationsOfUser(q: Queryable, userId: string) {
  return q
    .select({
      id: organisations.id,
      name: organisations.name,
      role: orgMembers.role,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .innerJoin(orgMembers, eq(orgMembers.orgId, organisations.id))
    .where(eq(orgMembers.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function getOrgMembership(q: Queryable, orgId: string, userId: string) {
  const [row] = await q
    .select()
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
  return row ?? null;
}

export async function insertOrgMember(q: Queryable, orgId: string, userId: string, role: OrgRole) {
  const [row] = await q
    .insert(orgMembers)
    .values({ orgId, userId, role })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function setOrgMemberRole(q: Queryable, orgId: string, userId: string, role: OrgRole) {
  await q
    .update(orgMembers)
    .set({ role })
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
}

/** Locks the organisation's admin rows so two demotions cannot both pass the last-admin rule. */
export async function countAdminsForUpdate(q: Queryable, orgId: string): Promise<number> {
  const rows = await q
    .select({ userId: orgMembers.userId })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.role, 'admin')))
    .for('update');
  return rows.length;
}

/** Removes the user from the organisation and from its programs and groups. */
export async function deleteOrgMember(q: Queryable, orgId: string, userId: string) {
  await q
    .delete(programMembers)
    .where(
      and(
        eq(programMembers.userId, userId),
        sql`${programMembers.programId} in (select id from ${programs} where ${programs.orgId} = ${orgId})`,
      ),
    );
  await q
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.userId, userId),
        sql`${groupMembers.groupId} in (select id from ${groups} where ${groups.orgId} = ${orgId})`,
      ),
    );
  await q.delete(orgMembers).where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
}

/** Members with their program roles and groups in this organisation. */
export async function listOrgMembers(q: Queryable, orgId: string) {
  return q
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      location: users.location,
      photoKey: users.photoKey,
      role: orgMembers.role,
      joinedAt: orgMembers.createdAt,
      programs: sql<{ programId: string; role: 'mentor' | 'mentee' }[]>`coalesce((
        select json_agg(json_build_object('programId', pm.program_id, 'role', pm.role) order by pm.program_id)
        from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where pm.user_id = ${users.id} and p.org_id = ${orgId}), '[]'::json)`,
      groupIds: sql<string[]>`coalesce((
        select json_agg(gm.group_id order by gm.group_id)
        from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
        where gm.user_id = ${users.id} and g.org_id = ${orgId}), '[]'::json)`,
    })
    .from(orgMembers)
    .innerJoin(users, eq(users.id, orgMembers.userId))
    .where(eq(orgMembers.orgId, orgId))
    .orderBy(asc(users.name));
}

/** True when the two users share at least one organisation. */
export async function shareAnOrganisation(q: Queryable, a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const other = alias(orgMembers, 'other');
  const rows = await q
    .select({ orgId: orgMembers.orgId })
    .from(orgMembers)
    .innerJoin(other, eq(other.orgId, orgMembers.orgId))
    .where(and(eq(orgMembers.userId, a), eq(other.userId, b)))
    .limit(1);
  return rows.length > 0;
}

/**
 * The user's role, programs, groups and active matches in one organisation
 * (null: not a member), in one round trip: every request that checks access
 * runs this.
 */
export async function getMemberContext(q: Queryable, orgId: string, userId: string) {
  const [row] = await q
    .select({
      role: orgMembers.role,
      programs: sql<{ programId: string; role: 'mentor' | 'mentee' }[]>`coalesce((
        select json_agg(json_build_object('programId', pm.program_id, 'role', pm.role))
        from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where pm.user_id = ${userId} and p.org_id = ${orgId}), '[]'::json)`,
      groupIds: sql<string[]>`coalesce((
        select json_agg(gm.group_id)
        from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
        where gm.user_id = ${userId} and g.org_id = ${orgId}), '[]'::json)`,
      matches: sql<{ programId: string; mentorId: string }[]>`coalesce((
        select json_agg(json_build_object('programId', m.program_id, 'mentorId', m.mentor_id))
        from ${matches} m join ${programs} p on p.id = m.program_id
        where m.mentee_id = ${userId} and p.org_id = ${orgId} and m.ended_at is null), '[]'::json)`,
    })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
  return row ?? null;
}
