import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { pendingSignUps } from '../schema.ts';

export async function insertPendingSignUp(
  q: Queryable,
  values: typeof pendingSignUps.$inferInsert,
): Promise<{ id: string }> {
  const [row] = await q.insert(pendingSignUps).values(values).returning({ id: pendingSignUps.id });
  return row!;
}

export async function getPendingSignUp(q: Queryable, id: string) {
  const [row] = await q
    .select()
    .from(pendingSignUps)
    .where(eq(pendingSignUps.id, id))
    .for('update');
  return row ?? null;
}

export async function setPendingSignUpToken(q: Queryable, id: string, tokenHash: string) {
  await q.update(pendingSignUps).set({ tokenHash }).where(eq(pendingSignUps.id, id));
}

/**
 * Uses up a live pending sign-up (by id, or by its token's hash) in one
 * statement: of two uses racing, one gets it. Null: unknown, used or expired.
 */
export async function spendPendingSignUp(
  q: Queryable,
  by: { id: string } | { tokenHash: string },
  now: Date,
) {
  const rows = await q
    .update(pendingSignUps)
    .set({ usedAt: now })
    .where(
      and(
        'id' in by ? eq(pendingSignUps.id, by.id) : eq(pendingSignUps.tokenHash, by.tokenHash),
        isNull(pendingSignUps.usedAt),
        gt(pendingSignUps.expiresAt, now),
      ),
    )
    .returning({
      email: pendingSignUps.email,
      name: pendingSignUps.name,
      timeZone: pendingSignUps.timeZone,
      passwordHash: pendingSignUps.passwordHash,
    });
  return rows[0] ?? null;
}

/** Pending sign-ups used or expired before `before`: nothing left to keep (housekeeping). */
export async function deleteSpentSignUps(q: Queryable, before: Date): Promise<number> {
  const rows = await q
    .delete(pendingSignUps)
    .where(or(lt(pendingSignUps.expiresAt, before), lt(pendingSignUps.usedAt, before)))
    .returning({ id: pendingSignUps.id });
  return rows.length;
}
