import { insertAuditEvent } from '../db/queries/audit.ts';
import {
  insertOrganisation,
  insertOrgMember,
  listOrganisationsOfUser,
  updateOrganisation,
} from '../db/queries/organisations.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin, requireOrgMember } from './org-access.ts';

/** Anyone signed in may start an organisation; they become its first admin. */
export async function createOrganisation(ctx: ServiceContext, actor: Actor, name: string) {
  return ctx.db.transaction(async (tx) => {
    const org = await insertOrganisation(tx, name);
    await insertOrgMember(tx, org.id, actor.userId, 'admin');
    await insertAuditEvent(tx, {
      orgId: org.id,
      actorId: actor.userId,
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { name },
    });
    await insertAuditEvent(tx, {
      orgId: org.id,
      actorId: actor.userId,
      action: 'member.joined',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { role: 'admin' },
    });
    return { ...org, role: 'admin' as const };
  });
}

export function listMyOrganisations(ctx: ServiceContext, actor: Actor) {
  return listOrganisationsOfUser(ctx.db, actor.userId);
}

export function requireOrganisation(ctx: ServiceContext, actor: Actor, orgId: string) {
  return requireOrgMember(ctx.db, actor, orgId);
}

export async function renameOrganisation(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  name: string,
) {
  return ctx.db.transaction(async (tx) => {
    const before = await requireOrgAdmin(tx, actor, orgId);
    await updateOrganisation(tx, orgId, name);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'organisation.renamed',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { from: before.name, to: name },
    });
    return { ...before, name };
  });
}
