import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { jobs } from '../schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export type NewJob = {
  kind: string;
  runAt: Date;
  payload: Record<string, string>;
  dedupeKey: string;
};

/**
 * Claims the next due job for this transaction. SKIP LOCKED: another worker
 * holding a job makes us take the next one instead of waiting or repeating it.
 */
export async function claimDueJob(q: Queryable, now: Date): Promise<JobRow | null> {
  const [row] = await q
    .select()
    .from(jobs)
    .where(and(isNull(jobs.doneAt), lte(jobs.runAt, now)))
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

export async function markJobDone(q: Queryable, id: number, now: Date) {
  await q
    .update(jobs)
    .set({ doneAt: now, attempts: sql`${jobs.attempts} + 1` })
    .where(eq(jobs.id, id));
}

/** A failed attempt: try again later, up to a point. */
export async function markJobFailed(
  q: Queryable,
  id: number,
  error: string,
  retryAt: Date,
  giveUp: boolean,
) {
  await q
    .update(jobs)
    .set({
      attempts: sql`${jobs.attempts} + 1`,
      lastError: error.slice(0, 2000),
      runAt: retryAt,
      ...(giveUp ? { doneAt: retryAt } : {}),
    })
    .where(eq(jobs.id, id));
}
