import { AppError, notFound } from '../core/errors.ts';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import {
  deleteGroup,
  deleteGroupMember,
  getGroupInOrg,
  insertGroup,
  insertGroupMember,
  listGroupMembers,
  listGroupsInOrg,
  updateGroup,
} from '../db/queries/groups.ts';
import { getOrgMembership } from '../db/queries/organisations.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin, requireOrgMember } from './org-access.ts';

export type GroupInput = { name: string; description: string };

const nameTaken = () =>
  new AppError('conflict', 'A group with this name already exists', {
    fields: { 'body.name': 'is already used by another group' },
    reason: 'group_name_taken',
  });

function translateNameClash(err: unknown): never {
  throw isUniqueViolation(err, 'groups_org_name_key') ? nameTaken() : err;
}

async function requireGroupInOrg(tx: Tx, orgId: string, groupId: string) {
  const group = await getGroupInOrg(tx, orgId, groupId);
  if (!group) throw notFound('Group');
  return group;
}

export async function createGroup(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: GroupInput,
) {
  return ctx.db
    .transaction(async (tx) => {
      await requireOrgAdmin(tx, actor, orgId);
      const group = await insertGroup(tx, { orgId, ...input });
      await insertAuditEvent(tx, {
        orgId,
        actorId: actor.userId,
        action: 'group.created',
        subjectType: 'group',
        subjectId: group.id,
        details: { ...input },
      });
      return group;
    })
    .catch(translateNameClash);
}

export async function editGroup(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  groupId: string,
  changes: Partial<GroupInput>,
) {
  return ctx.db
    .transaction(async (tx) => {
      await requireOrgAdmin(tx, actor, orgId);
      await requireGroupInOrg(tx, orgId, groupId);
      const group = await updateGroup(tx, groupId, changes);
      await insertAuditEvent(tx, {
        orgId,
        actorId: actor.userId,
        action: 'group.updated',
        subjectType: 'group',
        subjectId: groupId,
        details: { changes },
      });
      return group;
    })
    .catch(translateNameClash);
}

export async function removeGroup(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  groupId: string,
) {
  await ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    const group = await requireGroupInOrg(tx, orgId, groupId);
    await deleteGroup(tx, groupId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'group.deleted',
      subjectType: 'group',
      subjectId: groupId,
      details: { name: group.name },
    });
  });
}

export async function listGroups(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  return listGroupsInOrg(ctx.db, orgId);
}

export async function requireGroup(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  groupId: string,
) {
  await requireOrgMember(ctx.db, actor, orgId);
  const group = await getGroupInOrg(ctx.db, orgId, groupId);
  if (!group) throw notFound('Group');
  return { ...group, members: await listGroupMembers(ctx.db, groupId) };
}

export async function setGroupMembership(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  groupId: string,
  userId: string,
  member: boolean,
) {
  await ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    await requireGroupInOrg(tx, orgId, groupId);
    if (!(await getOrgMembership(tx, orgId, userId))) throw notFound('Member');
    const changed = member
      ? await insertGroupMember(tx, groupId, userId)
      : await deleteGroupMember(tx, groupId, userId);
    if (!changed) return;
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: member ? 'group_member.added' : 'group_member.removed',
      subjectType: 'user',
      subjectId: userId,
      details: { groupId },
    });
  });
}
