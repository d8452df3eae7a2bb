import { and, asc, type Column, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
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

export async function getOrganisationName(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.name ?? null;
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
    .where(
      and(
        eq(organisations.id, orgId),
        eq(orgMembers.userId, userId),
        isNull(orgMembers.deactivatedAt),
      ),
    );
  return row ?? null;
}

export async function listOrganisationsOfUser(q: Queryable, userId: string) {
  return q
    .select({
      id: organisations.id,
      name: organisations.name,
      role: orgMembers.role,
      createdAt: organisations.createdAt,
      // What applies to them there (issue #12): a schedule only for mentors, Matches only in a matched program.
      mentors: sql<boolean>`exists (select 1 from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where p.org_id = ${organisations.id} and pm.user_id = ${userId} and pm.role = 'mentor')`,
      inMatchedProgram: sql<boolean>`exists (select 1 from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where p.org_id = ${organisations.id} and pm.user_id = ${userId} and p.mode = 'matched')`,
    })
    .from(organisations)
    .innerJoin(orgMembers, eq(orgMembers.orgId, organisations.id))
    .where(and(eq(orgMembers.userId, userId), isNull(orgMembers.deactivatedAt)))
    .orderBy(asc(organisations.name));
}

/** A condition for another query: the user is (still) a member of the organisation. */
export const isOrgMember = (orgId: string | Column, userId: string) =>
  sql`exists (select 1 from ${orgMembers} where ${orgMembers.orgId} = ${orgId} and ${orgMembers.userId} = ${userId})`;

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

/** Deactivates the member (at `at`) or, with null, reactivates them. */
export async function setOrgMemberDeactivated(
  q: Queryable,
  orgId: string,
  userId: string,
  at: Date | null,
) {
  await q
    .update(orgMembers)
    .set({ deactivatedAt: at })
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
}

/**
 * True when the user belongs to organisations and every one of them has
 * deactivated them: they may not sign in (a person in no organisation yet,
 * just signed up, may).
 */
export async function isDeactivatedEverywhere(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q
    .select({
      memberships: sql<number>`count(*)::int`,
      active: sql<number>`count(*) filter (where ${orgMembers.deactivatedAt} is null)::int`,
    })
    .from(orgMembers)
    .where(eq(orgMembers.userId, userId));
  return (row?.memberships ?? 0) > 0 && row?.active === 0;
}

/** A condition for another query: the user is not a deactivated member of the organisation. */
export const notDeactivatedIn = (orgId: string | Column | SQL, userId: Column | SQL) =>
  sql`not exists (select 1 from ${orgMembers} d where d.org_id = ${orgId} and d.user_id = ${userId} and d.deactivated_at is not null)`;

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

export type MemberListing = {
  /** only members whose search document matches (`prefixQuery` of mentor-search.ts) */
  tsquery?: SQL | null | undefined;
  /** only members who mentor in one of the organisation's programs */
  mentorsOnly?: boolean | undefined;
  /** only admins, or only the other members */
  role?: OrgRole | undefined;
  /** only members of this program (in this role, when given) */
  programId?: string | undefined;
  programRole?: 'mentor' | 'mentee' | undefined;
  /** only members of this group */
  groupId?: string | undefined;
  /** only this person */
  userId?: string | undefined;
  /** only members who may take part, or only those an admin deactivated */
  status?: 'active' | 'deactivated' | undefined;
  /** at most this many, by name; all when omitted */
  limit?: number | undefined;
  /** after skipping this many (with a limit) */
  offset?: number | undefined;
};

function memberFilters(orgId: string, opts: MemberListing) {
  return and(
    eq(orgMembers.orgId, orgId),
    opts.tsquery ? sql`${users.searchVector} @@ ${opts.tsquery}` : undefined,
    opts.mentorsOnly
      ? sql`exists (select 1 from ${programMembers} pm join ${programs} p on p.id = pm.program_id
          where pm.user_id = ${orgMembers.userId} and p.org_id = ${orgId} and pm.role = 'mentor')`
      : undefined,
    opts.role ? eq(orgMembers.role, opts.role) : undefined,
    opts.userId ? eq(orgMembers.userId, opts.userId) : undefined,
    opts.status === 'active' ? isNull(orgMembers.deactivatedAt) : undefined,
    opts.status === 'deactivated' ? isNotNull(orgMembers.deactivatedAt) : undefined,
    opts.programId
      ? sql`exists (select 1 from ${programMembers} pm join ${programs} p on p.id = pm.program_id
          where pm.user_id = ${orgMembers.userId} and p.org_id = ${orgId} and pm.program_id = ${opts.programId}
          ${opts.programRole ? sql`and pm.role = ${opts.programRole}` : sql``})`
      : undefined,
    opts.groupId
      ? sql`exists (select 1 from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
          where gm.user_id = ${orgMembers.userId} and g.org_id = ${orgId} and gm.group_id = ${opts.groupId})`
      : undefined,
  );
}

/** How many members the filters of a listing find (its limit and offset aside). */
export async function countOrgMembers(q: Queryable, orgId: string, opts: MemberListing = {}) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(orgMembers)
    .innerJoin(users, eq(users.id, orgMembers.userId))
    .where(memberFilters(orgId, opts));
  return row?.n ?? 0;
}

/**
 * Members with their program roles and groups in this organisation, by name.
 * With a limit, the page of ids is chosen first, so programs and groups are
 * read only for the rows returned (an organisation may have 100,000 members).
 */
export async function listOrgMembers(q: Queryable, orgId: string, opts: MemberListing = {}) {
  const fields = {
    userId: users.id,
    name: users.name,
    email: users.email,
    timeZone: users.timeZone,
    location: users.location,
    photoKey: users.photoKey,
    role: orgMembers.role,
    joinedAt: orgMembers.createdAt,
    deactivatedAt: orgMembers.deactivatedAt,
    programs: sql<{ programId: string; role: 'mentor' | 'mentee' }[]>`coalesce((
      select json_agg(json_build_object('programId', pm.program_id, 'role', pm.role) order by pm.program_id)
      from ${programMembers} pm join ${programs} p on p.id = pm.program_id
      where pm.user_id = ${users.id} and p.org_id = ${orgId}), '[]'::json)`,
    groupIds: sql<string[]>`coalesce((
      select json_agg(gm.group_id order by gm.group_id)
      from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
      where gm.user_id = ${users.id} and g.org_id = ${orgId}), '[]'::json)`,
  };
  const filters = memberFilters(orgId, opts);
  if (opts.limit === undefined) {
    return q
      .select(fields)
      .from(orgMembers)
      .innerJoin(users, eq(users.id, orgMembers.userId))
      .where(filters)
      .orderBy(asc(users.name), asc(users.id));
  }
  // A subquery with a LIMIT is never merged into the outer query: the page comes first.
  const page = q.$with('member_page').as(
    q
      .select({ id: sql<string>`${users.id}`.as('member_id') })
      .from(orgMembers)
      .innerJoin(users, eq(users.id, orgMembers.userId))
      .where(filters)
      .orderBy(asc(users.name), asc(users.id))
      .limit(opts.limit)
      .offset(opts.offset ?? 0),
  );
  return q
    .with(page)
    .select(fields)
    .from(page)
    .innerJoin(users, eq(users.id, page.id))
    .innerJoin(orgMembers, and(eq(orgMembers.userId, users.id), eq(orgMembers.orgId, orgId)))
    .orderBy(asc(users.name), asc(users.id));
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
    .where(
      and(
        eq(orgMembers.orgId, orgId),
        eq(orgMembers.userId, userId),
        isNull(orgMembers.deactivatedAt),
      ),
    );
  return row ?? null;
}
