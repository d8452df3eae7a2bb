import type { RateLimit } from '../config.ts';
import { getUserByEmail } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertAccountEmail } from '../db/queries/deliveries.ts';
import { insertPasswordReset } from '../db/queries/password-resets.ts';
import { renderPasswordResetEmail } from '../emails/password-reset-email.tsx';
import type { ServiceContext } from './context.ts';
import { hitRateLimit } from './rate-limits.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long a reset link works. */
export const RESET_VALID_MINUTES = 60;

/**
 * Emails a single-use reset link to the account with this address, if there
 * is one. The caller answers the same either way, and the work is the same
 * either way — a token made and hashed, the email rendered, one transaction —
 * so neither the answer nor its timing tells whether the address has an
 * account; the email goes later, through the deliveries queue (with its
 * retries), never while the request waits. Counted per address asked about,
 * whether or not it exists.
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
  const token = newSecret('cfp_');
  const tokenHash = hashSecret(token);
  const user = await getUserByEmail(ctx.db, input.email);
  const content = await renderPasswordResetEmail({
    name: user?.name ?? input.email,
    resetUrl: new URL(`/reset-password/${token}`, input.origin).href,
    validMinutes: RESET_VALID_MINUTES,
  });
  await ctx.db.transaction(async (tx) => {
    if (!user || !ctx.mailer) return;
    const now = ctx.now();
    await insertPasswordReset(tx, {
      userId: user.id,
      tokenHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000),
    });
    await insertAccountEmail(
      tx,
      {
        to: `${user.name} <${user.email}>`,
        subject: content.subject,
        bodyText: content.text,
        bodyHtml: content.html,
      },
      now,
    );
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: null,
      action: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}
