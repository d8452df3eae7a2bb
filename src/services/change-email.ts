import { randomUUID } from 'node:crypto';
import type { RateLimit } from '../config.ts';
import { AppError, invalidField, notFound } from '../core/errors.ts';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { getUserByEmail, getUserById, updateUser } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertAccountEmail } from '../db/queries/deliveries.ts';
import {
  deleteSpentEmailChanges,
  insertEmailChange,
  spendEmailChange,
} from '../db/queries/email-changes.ts';
import { insertJob } from '../db/queries/jobs.ts';
import {
  renderAlreadyRegisteredEmail,
  renderConfirmEmailChangeEmail,
  renderEmailChangedEmail,
} from '../emails/account-email.tsx';
import type { Actor, ServiceContext } from './context.ts';
import { verifyPassword } from './password-hashing.ts';
import { hitRateLimit } from './rate-limits.ts';
import { hashSecret, newSecret } from './secrets.ts';

/*
 * Changing one's email (issue #11): the new address confirms by its emailed
 * link before anything changes; the old address is then told. Whether the new
 * address already has an account is said only to that address.
 */

export const EMAIL_CHANGE_JOB = 'account.email_change';
export const EMAIL_CHANGE_VALID_HOURS = 24;

/** Asks to move the account to `newEmail`, proven by the current password; the link goes out from a job. */
export async function requestEmailChange(
  ctx: ServiceContext,
  actor: Actor,
  input: { newEmail: string; password: string; origin: string },
  limit: RateLimit,
): Promise<void> {
  const user = await getUserById(ctx.db, actor.userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('validation_failed', 'The password is incorrect', {
      fields: { 'body.password': 'is incorrect' },
    });
  }
  if (input.newEmail.toLowerCase() === user.email.toLowerCase()) {
    throw invalidField('body.email', 'is already your address');
  }
  await hitRateLimit(
    ctx,
    { ...limit, name: 'email-change', what: 'email changes for this account' },
    user.id,
  );
  await ctx.db.transaction(async (tx) => {
    await insertJob(tx, {
      kind: EMAIL_CHANGE_JOB,
      runAt: ctx.now(),
      payload: { userId: user.id, newEmail: input.newEmail, origin: input.origin },
      dedupeKey: `${EMAIL_CHANGE_JOB}:${randomUUID()}`,
    });
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: user.id,
      action: 'user.email_change_requested',
      subjectType: 'user',
      subjectId: user.id,
      details: { newEmail: input.newEmail },
    });
  });
}

/** The job: the confirmation link to the new address, or there a note that it has an account already. */
export async function sendEmailChange(
  tx: Tx,
  ctx: ServiceContext,
  payload: Record<string, string>,
) {
  const user = await getUserById(tx, payload.userId ?? '');
  const newEmail = payload.newEmail ?? '';
  if (!user || !ctx.mailer || !newEmail) return;
  const origin = payload.origin ?? ctx.publicUrl ?? '';
  const now = ctx.now();
  const holder = await getUserByEmail(tx, newEmail);
  const content = holder
    ? await renderAlreadyRegisteredEmail({
        name: holder.name,
        signInUrl: new URL('/sign-in', origin).href,
        resetUrl: new URL('/forgot-password', origin).href,
      })
    : await (async () => {
        const token = newSecret('cfe_');
        await insertEmailChange(tx, {
          userId: user.id,
          newEmail,
          tokenHash: hashSecret(token),
          createdAt: now,
          expiresAt: new Date(now.getTime() + EMAIL_CHANGE_VALID_HOURS * 3_600_000),
        });
        return renderConfirmEmailChangeEmail({
          name: user.name,
          newEmail,
          url: new URL(`/confirm-email/${token}`, origin).href,
          validHours: EMAIL_CHANGE_VALID_HOURS,
        });
      })();
  await insertAccountEmail(tx, `${user.name} <${newEmail}>`, content, now);
}

/** The new address's link used: the account takes it, and the old address is told. */
export async function confirmEmailChange(ctx: ServiceContext, token: string) {
  const gone = () => invalidField('body.token', 'has been used or has expired');
  return ctx.db
    .transaction(async (tx) => {
      const now = ctx.now();
      const change = await spendEmailChange(tx, hashSecret(token), now);
      if (!change) throw gone();
      const user = await getUserById(tx, change.userId);
      if (!user) throw gone();
      if (await getUserByEmail(tx, change.newEmail)) {
        throw new AppError('conflict', 'That address has an account of its own now', {
          fields: { 'body.token': 'is for an address that has an account meanwhile' },
          reason: 'email_taken',
        });
      }
      const updated = await updateUser(tx, user.id, { email: change.newEmail }, now);
      await insertAuditEvent(tx, {
        orgId: null,
        actorId: user.id,
        action: 'user.email_changed',
        subjectType: 'user',
        subjectId: user.id,
        details: { from: user.email, to: change.newEmail },
      });
      const told = await renderEmailChangedEmail({ name: user.name, newEmail: change.newEmail });
      await insertAccountEmail(tx, `${user.name} <${user.email}>`, told, now);
      return { email: updated.email };
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, 'users_email_lower_key')) {
        throw new AppError('conflict', 'That address has an account of its own now', {
          reason: 'email_taken',
        });
      }
      throw err;
    });
}

/** Email changes confirmed or lapsed a day ago. */
export function purgeSpentEmailChanges(ctx: ServiceContext) {
  return deleteSpentEmailChanges(ctx.db, new Date(ctx.now().getTime() - 86_400_000));
}
