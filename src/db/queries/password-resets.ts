import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { passwordResets } from '../schema.ts';

export async function insertPasswordReset(
  q: Queryable,
  values: { userId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.insert(passwordResets).values(values);
}

/** The reset link with this token hash, unused and unexpired at `now`. */
const isLive = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
  );

/**
 * Uses up a live reset link in one statement: of two requests racing with
 * the same token, only one gets its user back. Null: unknown, used or expired.
 */
export async function usePasswordReset(
  q: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string } | null> {
  const rows = await q
    .update(passwordResets)
    .set({ usedAt: now })
    .where(isLive(tokenHash, now))
    .returning({ userId: passwordResets.userId });
  return rows[0] ?? null;
}

/** The account a live (unused, unexpired) reset link is for; null otherwise. */
export async function getLivePasswordReset(
  q: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string } | null> {
  const rows = await q
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(isLive(tokenHash, now));
  return rows[0] ?? null;
}
