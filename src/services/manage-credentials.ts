import { AppError, invalidField, notFound } from '../core/errors.ts';
import { checkPasswordStrength } from '../core/passwords.ts';
import {
  getUserById,
  insertApiToken,
  listLiveApiTokens,
  listLiveAuthSessions,
  revokeAllApiTokens,
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
 * Changes the password after checking the current one, signs out every
 * other browser session and revokes every API token: whoever had the old
 * password may have minted one, and a stolen cookie or token stops working.
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
  const weakness = checkPasswordStrength(input.newPassword, user.email, [user.name]);
  if (weakness) throw invalidField('body.newPassword', weakness);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    await updateUser(tx, user.id, { passwordHash }, now);
    await revokeOtherAuthSessions(tx, user.id, actor.sessionId, now);
    const tokensRevoked = await revokeAllApiTokens(tx, user.id, now);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: user.id,
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      details: { tokensRevoked },
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

export type NewApiToken = { name: string; scope: 'full' | 'read'; expiresInDays: number };

/**
 * Returns the token once; only its hash is kept. Only a browser session may
 * mint one: a leaked token must not be able to make itself a successor.
 */
export async function createApiToken(
  ctx: ServiceContext,
  actor: Actor & { sessionId: string | null },
  input: NewApiToken,
) {
  if (!actor.sessionId) {
    throw new AppError('forbidden', 'API tokens are created from a signed-in browser session', {
      reason: 'session_required',
    });
  }
  const token = newSecret('cfr_');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertApiToken(tx, {
      userId: actor.userId,
      name: input.name,
      tokenHash: hashSecret(token),
      scope: input.scope,
      createdAt: now,
      expiresAt,
    });
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: created.id,
      details: { scope: input.scope, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { ...row, token };
}

export function listApiTokens(ctx: ServiceContext, actor: Actor) {
  return listLiveApiTokens(ctx.db, actor.userId, ctx.now());
}

export async function revokeApiTokenOf(ctx: ServiceContext, actor: Actor, tokenId: string) {
  if (!(await revokeApiToken(ctx.db, actor.userId, tokenId, ctx.now()))) {
    throw notFound('API token');
  }
}
