import { notFound } from '../core/errors.ts';
import type { OrgRole, ProgramRole } from '../core/roles.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertAccountEmail } from '../db/queries/deliveries.ts';
import {
  insertInvitation,
  listInvitationsInOrg,
  revokeInvitation,
} from '../db/queries/invitations.ts';
import { getOrganisationForMember } from '../db/queries/organisations.ts';
import { getProgramInOrg } from '../db/queries/programs.ts';
import { renderInvitationEmail } from '../emails/account-email.tsx';
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

/** The invitation page of a token, under the server's public address. */
export const invitationUrl = (token: string, origin: string) =>
  new URL(`/invite/${token}`, origin).href;

/**
 * Creates an invitation and returns its secret token once: the link is shown
 * to the admin and emailed to the invitee, in the same transaction (an
 * account email, sent and retried like the rest).
 */
export async function inviteMember(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  /** `origin`: the server's address, for the emailed link; without it nothing is emailed (the demo's seed) */
  input: InvitationInput & { origin?: string },
) {
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    const program = input.programId ? await getProgramInOrg(tx, orgId, input.programId) : null;
    if (input.programId && !program) throw notFound('Program');
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
    const [org, inviter] = [
      await getOrganisationForMember(tx, orgId, actor.userId),
      await getUserById(tx, actor.userId),
    ];
    if (ctx.mailer && input.origin && org && inviter) {
      const content = await renderInvitationEmail({
        orgName: org.name,
        inviterName: inviter.name,
        programName: program?.name ?? null,
        url: invitationUrl(token, input.origin),
        validDays: INVITATION_DAYS,
      });
      await insertAccountEmail(tx, input.email, content, now);
    }
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
