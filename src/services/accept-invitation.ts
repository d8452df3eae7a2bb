import { AppError, notFound } from '../core/errors.ts';
import type { Tx } from '../db/client.ts';
import { getUserById, type UserRow } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { getInvitationByTokenHash, markInvitationAccepted } from '../db/queries/invitations.ts';
import { insertOrgMember } from '../db/queries/organisations.ts';
import { getProgramMembership, upsertProgramMember } from '../db/queries/programs.ts';
import type { Actor, ServiceContext } from './context.ts';
import { hashSecret } from './secrets.ts';

/** What the invitation page shows before the invitee signs up or in. */
export async function previewInvitation(ctx: ServiceContext, token: string) {
  const row = await getInvitationByTokenHash(ctx.db, hashSecret(token));
  if (!row) throw notFound('Invitation');
  const { invitation } = row;
  return {
    orgId: invitation.orgId,
    orgName: row.orgName,
    email: invitation.email,
    role: invitation.role,
    programName: row.programName,
    programRole: invitation.programRole,
    status: invitationStatus(invitation, ctx.now()),
    expiresAt: invitation.expiresAt,
  };
}

type InvitationState = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

function invitationStatus(inv: InvitationState, now: Date) {
  if (inv.acceptedAt) return 'accepted' as const;
  if (inv.revokedAt) return 'revoked' as const;
  if (inv.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}

export async function acceptInvitation(ctx: ServiceContext, actor: Actor, token: string) {
  return ctx.db.transaction(async (tx) => {
    const user = await getUserById(tx, actor.userId);
    if (!user) throw notFound('User');
    return acceptInvitationInTx(tx, ctx.now(), user, token);
  });
}

/**
 * Joins the invited organisation (and program). The invitation row is locked,
 * so a link used twice at once still makes one membership.
 */
export async function acceptInvitationInTx(tx: Tx, now: Date, user: UserRow, token: string) {
  const row = await getInvitationByTokenHash(tx, hashSecret(token), true);
  if (!row) throw notFound('Invitation');
  const { invitation } = row;
  const status = invitationStatus(invitation, now);
  if (status !== 'pending') {
    throw new AppError('conflict', `This invitation is ${status}`, {
      reason: `invitation_${status}`,
    });
  }
  if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError(
      'forbidden',
      `This invitation was sent to ${invitation.email}; sign in with that address to accept it`,
    );
  }
  await markInvitationAccepted(tx, invitation.id, user.id, now);
  const joined = await insertOrgMember(tx, invitation.orgId, user.id, invitation.role);
  const audit = {
    orgId: invitation.orgId,
    actorId: user.id,
    subjectType: 'user',
    subjectId: user.id,
  };
  await insertAuditEvent(tx, {
    ...audit,
    action: joined ? 'member.joined' : 'member.invitation_reused',
    details: { invitationId: invitation.id, role: invitation.role },
  });
  if (invitation.programId && invitation.programRole) {
    const existing = await getProgramMembership(tx, invitation.programId, user.id);
    if (!existing) {
      await upsertProgramMember(tx, invitation.programId, user.id, invitation.programRole);
      await insertAuditEvent(tx, {
        ...audit,
        action: 'program_member.added',
        details: { programId: invitation.programId, role: invitation.programRole },
      });
    }
  }
  return { orgId: invitation.orgId, orgName: row.orgName };
}
