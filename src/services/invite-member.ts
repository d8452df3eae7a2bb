import { notFound } from '../core/errors.ts';
import type { OrgRole, ProgramRole } from '../core/roles.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import {
  insertInvitation,
  listInvitationsInOrg,
  revokeInvitation,
} from '../db/queries/invitations.ts';
import { getProgramInOrg } from '../db/queries/programs.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const INVITATION_DAYS = 14;

export type InvitationInput = {
  email: string;
  role: OrgRole;
  programId?: string | undefined;
  programRole?: ProgramRole | undefined;
};

/**
 * Creates an invitation and returns its secret token once; the link is shown
 * to the admin (and, once email exists, mailed to the invitee).
 */
export async function inviteMember(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: InvitationInput,
) {
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    if (input.programId && !(await getProgramInOrg(tx, orgId, input.programId))) {
      throw notFound('Program');
    }
    const token = newSecret('inv_');
    const now = ctx.now();
    const invitation = await insertInvitation(tx, {
      orgId,
      email: input.email,
      role: input.role,
      programId: input.programId ?? null,
      programRole: input.programId ? (input.programRole ?? 'mentee') : null,
      tokenHash: hashSecret(token),
      invitedBy: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: invitation.id,
      details: {
        email: input.email,
        role: input.role,
        programId: invitation.programId,
        programRole: invitation.programRole,
      },
    });
    const { tokenHash: _omit, ...visible } = invitation;
    return { invitation: visible, token };
  });
}

export async function listInvitations(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  return listInvitationsInOrg(ctx.db, orgId);
}

export async function cancelInvitation(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
) {
  await ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    if (!(await revokeInvitation(tx, orgId, id, ctx.now()))) throw notFound('Pending invitation');
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: id,
    });
  });
}
