import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { invitations, organisations, programs, users } from '../schema.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(q: Queryable, values: typeof invitations.$inferInsert) {
  const [row] = await q.insert(invitations).values(values).returning();
  return row!;
}

export async function listInvitationsInOrg(q: Queryable, orgId: string) {
  return q
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      programId: invitations.programId,
      programRole: invitations.programRole,
      invitedByName: users.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.orgId, orgId))
    .orderBy(desc(invitations.createdAt));
}

/** The invitation with its organisation and program names, locked for acceptance when `forUpdate`. */
export async function getInvitationByTokenHash(q: Queryable, tokenHash: string, forUpdate = false) {
  const query = q
    .select({
      invitation: invitations,
      orgName: organisations.name,
      programName: programs.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .leftJoin(programs, eq(programs.id, invitations.programId))
    .where(eq(invitations.tokenHash, tokenHash));
  const [row] = forUpdate ? await query.for('update', { of: invitations }) : await query;
  return row ?? null;
}

export async function markInvitationAccepted(q: Queryable, id: string, userId: string, now: Date) {
  await q
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(eq(invitations.id, id));
}

export async function revokeInvitation(q: Queryable, orgId: string, id: string, now: Date) {
  const rows = await q
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.orgId, orgId),
        isNull(invitations.revokedAt),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}
