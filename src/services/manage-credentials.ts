import { AppError, invalidField, notFound } from '../core/errors.ts';
import { checkPasswordStrength } from '../core/passwords.ts';
import {
  getUserById,
  insertApiToken,
  listLiveApiTokens,
  listLiveAuthSessions,
  revokeApiToken,
  revokeAuthSession,
  revokeOtherAuthSessions,
  updateUser,
} from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { hashPassword, verifyPassword } from './password-hashing.ts';
import { hashSecret, newSecret } from './secrets.ts';

/**
 * Changes the password after checking the current one, and signs out every
 * other browser session (a stolen cookie stops working).
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor & { sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await getUserById(ctx.db, actor.userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is incorrect', {
      fields: { 'body.currentPassword': 'is incorrect' },
    });
  }
  const weakness = checkPasswordStrength(input.newPassword, user.email);
  if (weakness) throw invalidField('body.newPassword', weakness);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    await updateUser(tx, user.id, { passwordHash }, now);
    await revokeOtherAuthSessions(tx, user.id, actor.sessionId, now);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: user.id,
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}

export function listSessions(ctx: ServiceContext, actor: Actor) {
  return listLiveAuthSessions(ctx.db, actor.userId, ctx.now());
}

export async function revokeSession(ctx: ServiceContext, actor: Actor, sessionId: string) {
  if (!(await revokeAuthSession(ctx.db, actor.userId, sessionId, ctx.now()))) {
    throw notFound('Session');
  }
}

/** Returns the token once; only its hash is kept. */
export async function createApiToken(ctx: ServiceContext, actor: Actor, name: string) {
  const token = newSecret('cfr_');
  const row = await insertApiToken(ctx.db, {
    userId: actor.userId,
    name,
    tokenHash: hashSecret(token),
  });
  return { ...row, token };
}

export function listApiTokens(ctx: ServiceContext, actor: Actor) {
  return listLiveApiTokens(ctx.db, actor.userId);
}

export async function revokeApiTokenOf(ctx: ServiceContext, actor: Actor, tokenId: string) {
  if (!(await revokeApiToken(ctx.db, actor.userId, tokenId, ctx.now()))) {
    throw notFound('API token');
  }
}
