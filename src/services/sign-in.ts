import type { RateLimit } from '../config.ts';
import { AppError } from '../core/errors.ts';
import { emailDomain } from '../core/single-sign-on.ts';
import {
  getUserByEmail,
  insertAuthSession,
  revokeAuthSession,
  type UserRow,
} from '../db/queries/accounts.ts';
import { isDeactivatedEverywhere } from '../db/queries/organisations.ts';
import { getSsoOnlyProviderForDomain } from '../db/queries/single-sign-on.ts';
import type { ServiceContext } from './context.ts';
import { burnPasswordCheck, verifyPassword } from './password-hashing.ts';
import {
  countRateLimitHit,
  type RateRule,
  rateLimitedError,
  requireUnderRateLimit,
} from './rate-limits.ts';
import { hashSecret, newSecret } from './secrets.ts';

export type NewAuthSession = { token: string; csrfToken: string; expiresAt: Date; user: UserRow };

export type SignInLimits = { account: RateLimit; address: RateLimit };

/**
 * Checks the password and opens a server-side session; the token goes in a cookie.
 *
 * Failures, not attempts, are counted: per account and address, and per
 * address over all accounts. An address over its cap is refused before any
 * password is checked; that cap is what bounds guessing. Over the account
 * limit a wrong password gets 429, but the right one still signs in while
 * the address is under its cap, so someone else's guesses from a shared
 * address do not lock the owner out.
 */
export async function signIn(
  ctx: ServiceContext,
  input: { email: string; password: string; userAgent: string; address: string },
  limits: SignInLimits,
): Promise<NewAuthSession> {
  const addressRule: RateRule = {
    ...limits.address,
    name: 'sign-in-address',
    what: 'failed sign-ins from this address',
  };
  const accountRule: RateRule = {
    ...limits.account,
    name: 'sign-in-account',
    what: 'failed sign-ins for this account',
  };
  await requireUnderRateLimit(ctx, addressRule, input.address);
  await refuseSsoOnlyAddress(ctx, input.email);
  const user = await getUserByEmail(ctx.db, input.email);
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await burnPasswordCheck(input.password).then(() => false);
  if (user && valid) return openAuthSession(ctx, user, input.userAgent);
  const accountFailures = await countRateLimitHit(
    ctx,
    accountRule,
    `${input.address}|${input.email.toLowerCase()}`,
  );
  const addressFailures = await countRateLimitHit(ctx, addressRule, input.address);
  if (addressFailures > addressRule.max) throw rateLimitedError(ctx, addressRule);
  if (accountFailures > accountRule.max) throw rateLimitedError(ctx, accountRule);
  throw wrongCredentials();
}

/**
 * Refuses a password sign-in for an address whose domain an organisation
 * signs in only through its provider (issue #13), naming the provider.
 */
async function refuseSsoOnlyAddress(ctx: ServiceContext, email: string) {
  const domain = emailDomain(email);
  const provider = domain ? await getSsoOnlyProviderForDomain(ctx.db, domain) : null;
  if (provider) {
    throw new AppError('forbidden', `Use “Sign in with ${provider.displayName}” for this address`, {
      reason: 'sso_only',
    });
  }
}

export async function openAuthSession(
  ctx: ServiceContext,
  user: UserRow,
  userAgent: string,
): Promise<NewAuthSession> {
  if (await isDeactivatedEverywhere(ctx.db, user.id)) throw deactivatedAccount();
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

/** Every organisation of the person has deactivated them (issue #13): no session opens. */
export function deactivatedAccount() {
  return new AppError(
    'forbidden',
    'Your organisation has deactivated your account. Ask its admin to reactivate it.',
    { reason: 'deactivated' },
  );
}

function wrongCredentials() {
  return new AppError('unauthenticated', 'Email or password is incorrect', {
    reason: 'invalid_credentials',
  });
}
