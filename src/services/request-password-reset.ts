import { randomUUID } from 'node:crypto';
import type { RateLimit } from '../config.ts';
import type { Tx } from '../db/client.ts';
import { getUserByEmail } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertAccountEmail } from '../db/queries/deliveries.ts';
import { insertJob } from '../db/queries/jobs.ts';
import { insertPasswordReset } from '../db/queries/password-resets.ts';
import { renderPasswordResetEmail } from '../emails/password-reset-email.tsx';
import type { ServiceContext } from './context.ts';
import { hitRateLimit } from './rate-limits.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long a reset link works. */
export const RESET_VALID_MINUTES = 60;

export const PASSWORD_RESET_JOB = 'account.password_reset';

/**
 * Asks for a reset link for this address. The request only counts and queues
 * a job, the same one whether or not the address has an account, so neither
 * the answer nor its timing tells which: looking the account up, making the
 * token and writing the email happen in the worker (sendPasswordReset).
 * Counted per address asked about, whether or not it exists.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  input: { email: string; origin: string },
  limit: RateLimit,
): Promise<void> {
  await hitRateLimit(
    ctx,
    { ...limit, name: 'password-reset-email', what: 'password-reset requests for this email' },
    input.email.toLowerCase(),
  );
  await insertJob(ctx.db, {
    kind: PASSWORD_RESET_JOB,
    runAt: ctx.now(),
    payload: { email: input.email, origin: input.origin },
    dedupeKey: `${PASSWORD_RESET_JOB}:${randomUUID()}`,
  });
}

/**
 * A single-use link to choose a password, valid `validMs`: its token is
 * stored only as its hash. Shared by "Forgot password" and the emails of
 * accounts an import made.
 */
export async function issuePasswordLink(
  tx: Tx,
  userId: string,
  now: Date,
  validMs: number,
  origin: string,
): Promise<string> {
  const token = newSecret('cfp_');
  await insertPasswordReset(tx, {
    userId,
    tokenHash: hashSecret(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + validMs),
  });
  return new URL(`/reset-password/${token}`, origin).href;
}

/**
 * The job: if the address has an account, a single-use token (stored only as
 * its hash) and the email with its link, queued as an account email — no
 * in-app notification, so it never shows in the bell — and sent and retried
 * like every other email. Runs in the job's transaction: done once.
 */
export async function sendPasswordReset(
  tx: Tx,
  ctx: ServiceContext,
  payload: Record<string, string>,
): Promise<void> {
  const user = await getUserByEmail(tx, payload.email ?? '');
  if (!user || !ctx.mailer) return;
  const now = ctx.now();
  const resetUrl = await issuePasswordLink(
    tx,
    user.id,
    now,
    RESET_VALID_MINUTES * 60_000,
    payload.origin ?? '',
  );
  const content = await renderPasswordResetEmail({
    name: user.name,
    resetUrl,
    validMinutes: RESET_VALID_MINUTES,
  });
  await insertAccountEmail(tx, `${user.name} <${user.email}>`, content, now);
  await insertAuditEvent(tx, {
    orgId: null,
    actorId: null,
    action: 'user.password_reset_requested',
    subjectType: 'user',
    subjectId: user.id,
  });
}
