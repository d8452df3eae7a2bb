import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { groupMembers, groups, users } from '../schema.ts';

export async function insertGroup(
  q: Queryable,
  values: { orgId: string; name: string; description: string },
) {
  const [row] = await q.insert(groups).values(values).returning();
  return row!;
}

export async function updateGroup(
  q: Queryable,
  id: string,
  values: Partial<{ name: string; description: string }>,
) {
  const [row] = await q.update(groups).set(values).where(eq(groups.id, id)).returning();
  return row!;
}

export async function deleteGroup(q: Queryable, id: string) {
  await q.delete(groups).where(eq(groups.id, id));
}

export async function getGroupInOrg(q: Queryable, orgId: string, groupId: string) {
  const [row] = await q
    .select()
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.orgId, orgId)));
  return row ?? null;
}

export async function listGroupsInOrg(q: Queryable, orgId: string) {
  return q
    .select({
      id: groups.id,
      orgId: groups.orgId,
      name: groups.name,
      description: groups.description,
      createdAt: groups.createdAt,
      memberCount: sql<number>`(select count(*)::int from ${groupMembers} gm where gm.group_id = ${groups.id})`,
    })
    .from(groups)
    .where(eq(groups.orgId, orgId))
    .orderBy(asc(groups.name));
}

export async function listGroupMembers(q: Queryable, groupId: string) {
  return q
    .select({ userId: users.id, name: users.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(asc(users.name));
}

/** Returns true when the member was added, false when already in the group. */
export async function insertGroupMember(q: Queryable, groupId: string, userId: string) {
  const rows = await q
    .insert(groupMembers)
    .values({ groupId, userId })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function deleteGroupMember(q: Queryable, groupId: string, userId: string) {
  const rows = await q
    .delete(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .returning();
  return rows.length > 0;
}
