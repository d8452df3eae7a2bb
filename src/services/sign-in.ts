import { AppError } from '../core/errors.ts';
import {
  getUserByEmail,
  insertAuthSession,
  revokeAuthSession,
  type UserRow,
} from '../db/queries/accounts.ts';
import type { ServiceContext } from './context.ts';
import { burnPasswordCheck, verifyPassword } from './password-hashing.ts';
import { hashSecret, newSecret } from './secrets.ts';

export type NewAuthSession = { token: string; csrfToken: string; expiresAt: Date; user: UserRow };

/** Checks the password and opens a server-side session; the token goes in a cookie. */
export async function signIn(
  ctx: ServiceContext,
  input: { email: string; password: string; userAgent: string },
): Promise<NewAuthSession> {
  const user = await getUserByEmail(ctx.db, input.email);
  if (!user) {
    await burnPasswordCheck(input.password);
    throw wrongCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw wrongCredentials();
  return openAuthSession(ctx, user, input.userAgent);
}

export async function openAuthSession(
  ctx: ServiceContext,
  user: UserRow,
  userAgent: string,
): Promise<NewAuthSession> {
  const token = newSecret('cfs_');
  const csrfToken = newSecret('', 24);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.sessionDays * 86_400_000);
  await insertAuthSession(ctx.db, {
    tokenHash: hashSecret(token),
    userId: user.id,
    csrfToken,
    userAgent: userAgent.slice(0, 300),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt, user };
}

export async function signOut(ctx: ServiceContext, userId: string, sessionId: string) {
  await revokeAuthSession(ctx.db, userId, sessionId, ctx.now());
}

function wrongCredentials() {
  return new AppError('unauthenticated', 'Email or password is incorrect', {
    reason: 'invalid_credentials',
  });
}
