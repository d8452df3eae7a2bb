import { and, eq, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { idempotencyKeys } from '../schema.ts';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
export type IdempotencyScope = { userId: string; key: string };

const ofScope = (s: IdempotencyScope) =>
  and(eq(idempotencyKeys.userId, s.userId), eq(idempotencyKeys.key, s.key));

/**
 * Claims a key in one statement: a new key, one whose stored answer has
 * expired, or one whose claimant's lease ran out (its process died) is ours;
 * any other row is left alone. True when this attempt now holds the claim.
 */
export async function claimIdempotencyKey(
  q: Queryable,
  values: Omit<IdempotencyRow, 'state' | 'responseStatus' | 'responseType' | 'responseBody'>,
): Promise<boolean> {
  const fresh = { ...values, state: 'in_progress' as const };
  const rows = await q
    .insert(idempotencyKeys)
    .values(fresh)
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { ...fresh, responseStatus: null, responseType: null, responseBody: null },
      setWhere: sql`${idempotencyKeys.expiresAt} <= ${values.createdAt} or (${idempotencyKeys.state} = 'in_progress' and ${idempotencyKeys.lockedUntil} <= ${values.createdAt})`,
    })
    .returning({ token: idempotencyKeys.token });
  return rows[0]?.token === values.token;
}

export async function getIdempotencyKey(q: Queryable, scope: IdempotencyScope) {
  const [row] = await q.select().from(idempotencyKeys).where(ofScope(scope));
  return row ?? null;
}

/** Stores the claimant's answer; false if the claim is no longer this attempt's. */
export async function storeIdempotentAnswer(
  q: Queryable,
  scope: IdempotencyScope & { token: string },
  answer: { status: number; type: string; body: string },
): Promise<boolean> {
  const rows = await q
    .update(idempotencyKeys)
    .set({
      state: 'done',
      responseStatus: answer.status,
      responseType: answer.type,
      responseBody: answer.body,
    })
    .where(and(ofScope(scope), eq(idempotencyKeys.token, scope.token)))
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/** Lets go of an unfinished claim (the request failed on our side): the next retry runs afresh. */
export async function releaseIdempotencyKey(
  q: Queryable,
  scope: IdempotencyScope & { token: string },
) {
  await q
    .delete(idempotencyKeys)
    .where(
      and(
        ofScope(scope),
        eq(idempotencyKeys.token, scope.token),
        eq(idempotencyKeys.state, 'in_progress'),
      ),
    );
}

/** Drops keys whose answers are no longer replayed and whose claims have lapsed. */
export async function deleteExpiredIdempotencyKeys(q: Queryable, now: Date): Promise<number> {
  const rows = await q
    .delete(idempotencyKeys)
    .where(
      and(
        lte(idempotencyKeys.expiresAt, now),
        or(eq(idempotencyKeys.state, 'done'), lte(idempotencyKeys.lockedUntil, now)),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
