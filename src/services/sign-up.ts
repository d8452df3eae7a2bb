import { randomUUID } from 'node:crypto';
import type { RateLimit } from '../config.ts';
import { AppError, invalidField } from '../core/errors.ts';
import { checkPasswordStrength } from '../core/passwords.ts';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { getUserByEmail, insertUser, type UserRow } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertAccountEmail } from '../db/queries/deliveries.ts';
import { insertJob } from '../db/queries/jobs.ts';
import {
  deleteSpentSignUps,
  getPendingSignUp,
  insertPendingSignUp,
  setPendingSignUpToken,
  spendPendingSignUp,
} from '../db/queries/pending-sign-ups.ts';
import {
  renderAlreadyRegisteredEmail,
  renderConfirmSignUpEmail,
} from '../emails/account-email.tsx';
import { acceptInvitationInTx } from './accept-invitation.ts';
import type { ServiceContext } from './context.ts';
import { hashPassword } from './password-hashing.ts';
import { hitRateLimit } from './rate-limits.ts';
import { hashSecret, newSecret } from './secrets.ts';

export type SignUpInput = {
  email: string;
  password: string;
  name: string;
  timeZone: string;
  invitationToken?: string | undefined;
};

/** How long the link that confirms a sign-up works. */
export const SIGN_UP_VALID_HOURS = 24;
export const SIGN_UP_JOB = 'account.sign_up';

const emailTaken = () =>
  new AppError('conflict', 'An account with this email already exists; sign in instead', {
    fields: { 'body.email': 'is already registered' },
    reason: 'email_taken',
  });

/** The account, made now in the caller's transaction; with an invitation it joins the inviting organisation too. */
async function createAccountInTx(
  tx: Tx,
  ctx: ServiceContext,
  input: Omit<SignUpInput, 'password'> & { passwordHash: string },
): Promise<UserRow> {
  if (await getUserByEmail(tx, input.email)) throw emailTaken();
  const user = await insertUser(tx, {
    email: input.email,
    passwordHash: input.passwordHash,
    name: input.name,
    timeZone: input.timeZone,
  });
  await insertAuditEvent(tx, {
    orgId: null,
    actorId: user.id,
    action: 'user.signed_up',
    subjectType: 'user',
    subjectId: user.id,
  });
  if (input.invitationToken) {
    await acceptInvitationInTx(tx, ctx.now(), user, input.invitationToken);
  }
  return user;
}

/**
 * Creates an account at once: for the demo, the CLI, and a sign-up with an
 * invitation — whose emailed link already proved the address (the
 * invitation must be for this very address, or nothing happens).
 */
export async function createAccount(ctx: ServiceContext, input: SignUpInput): Promise<UserRow> {
  if (await getUserByEmail(ctx.db, input.email)) throw emailTaken();
  const weakness = checkPasswordStrength(input.password, input.email, [input.name]);
  if (weakness) throw invalidField('body.password', weakness);
  const passwordHash = await hashPassword(input.password);
  return ctx.db
    .transaction((tx) => createAccountInTx(tx, ctx, { ...input, passwordHash }))
    .catch((err: unknown) => {
      // Two sign-ups racing for one address: the unique index decides.
      throw isUniqueViolation(err, 'users_email_lower_key') ? emailTaken() : err;
    });
}

export type SignUpOutcome = { kind: 'signed_up'; user: UserRow } | { kind: 'check_email' };

/**
 * A sign-up from the web or the API. With an invitation for this address the
 * account is made at once. Otherwise the answer is "check your email",
 * whether or not the address already has an account: the request only checks
 * the password, hashes it, keeps the sign-up pending and queues a job; the
 * worker then emails either the link that confirms it or, to an address
 * already registered, a note saying so (sendSignUpEmail). Limited per address
 * asked about, so nobody is flooded with confirmation emails.
 */
export async function requestSignUp(
  ctx: ServiceContext,
  input: SignUpInput & { origin: string },
  emailLimit: RateLimit,
): Promise<SignUpOutcome> {
  if (input.invitationToken) return { kind: 'signed_up', user: await createAccount(ctx, input) };
  const weakness = checkPasswordStrength(input.password, input.email, [input.name]);
  if (weakness) throw invalidField('body.password', weakness);
  await hitRateLimit(
    ctx,
    { ...emailLimit, name: 'sign-up-email', what: 'sign-ups with this email' },
    input.email.toLowerCase(),
  );
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const pending = await insertPendingSignUp(tx, {
      email: input.email,
      name: input.name,
      timeZone: input.timeZone,
      passwordHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_UP_VALID_HOURS * 3_600_000),
    });
    await insertJob(tx, {
      kind: SIGN_UP_JOB,
      runAt: now,
      payload: { pendingId: pending.id, origin: input.origin },
      dedupeKey: `${SIGN_UP_JOB}:${randomUUID()}`,
    });
  });
  return { kind: 'check_email' };
}

/**
 * The job: the confirmation link (a single-use token stored as its hash), or
 * for an address that has an account meanwhile, a note to sign in instead
 * (the pending sign-up is then used up). Account emails, sent and retried
 * like the rest, never in a bell.
 */
export async function sendSignUpEmail(
  tx: Tx,
  ctx: ServiceContext,
  payload: Record<string, string>,
): Promise<void> {
  const pending = await getPendingSignUp(tx, payload.pendingId ?? '');
  if (!pending || pending.usedAt || pending.tokenHash || !ctx.mailer) return;
  const now = ctx.now();
  const origin = payload.origin ?? ctx.publicUrl ?? '';
  const to = `${pending.name} <${pending.email}>`;
  const existing = await getUserByEmail(tx, pending.email);
  if (existing) {
    await spendPendingSignUp(tx, { id: pending.id }, now);
    const content = await renderAlreadyRegisteredEmail({
      name: existing.name,
      signInUrl: new URL('/sign-in', origin).href,
      resetUrl: new URL('/forgot-password', origin).href,
    });
    await insertAccountEmail(tx, `${existing.name} <${existing.email}>`, content, now);
    return;
  }
  const token = newSecret('cfv_');
  await setPendingSignUpToken(tx, pending.id, hashSecret(token));
  const content = await renderConfirmSignUpEmail({
    name: pending.name,
    url: new URL(`/confirm-sign-up/${token}`, origin).href,
    validHours: SIGN_UP_VALID_HOURS,
  });
  await insertAccountEmail(tx, to, content, now);
}

/**
 * The emailed link used: the account is made (once: the pending sign-up is
 * used up in the same transaction) and the caller signs it in.
 */
export async function confirmSignUp(ctx: ServiceContext, token: string): Promise<UserRow> {
  return ctx.db
    .transaction(async (tx) => {
      const pending = await spendPendingSignUp(tx, { tokenHash: hashSecret(token) }, ctx.now());
      if (!pending) throw invalidField('body.token', 'has been used or has expired');
      return createAccountInTx(tx, ctx, pending);
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err, 'users_email_lower_key') ? emailTaken() : err;
    });
}

/** Sign-ups confirmed or lapsed a day ago: their rows (and password hashes) go. */
export function purgeSpentSignUps(ctx: ServiceContext) {
  return deleteSpentSignUps(ctx.db, new Date(ctx.now().getTime() - 86_400_000));
}
