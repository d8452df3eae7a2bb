import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { emailChanges } from '../schema.ts';

export async function insertEmailChange(
  q: Queryable,
  values: typeof emailChanges.$inferInsert,
): Promise<void> {
  await q.insert(emailChanges).values(values);
}

/** Uses up a live email change by its token's hash in one statement; null when unknown, used or expired. */
export async function spendEmailChange(q: Queryable, tokenHash: string, now: Date) {
  const rows = await q
    .update(emailChanges)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailChanges.tokenHash, tokenHash),
        isNull(emailChanges.usedAt),
        gt(emailChanges.expiresAt, now),
      ),
    )
    .returning({ userId: emailChanges.userId, newEmail: emailChanges.newEmail });
  return rows[0] ?? null;
}

export async function deleteSpentEmailChanges(q: Queryable, before: Date): Promise<number> {
  const rows = await q
    .delete(emailChanges)
    .where(or(lt(emailChanges.expiresAt, before), lt(emailChanges.usedAt, before)))
    .returning({ id: emailChanges.id });
  return rows.length;
}
