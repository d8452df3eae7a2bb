import { and, asc, eq, inArray, isNull, lte, notInArray, sql } from 'drizzle-orm';
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
export async function claimDueJob(
  q: Queryable,
  now: Date,
  exceptKinds: string[] = [],
  onlyKinds?: string[],
): Promise<JobRow | null> {
  const [row] = await q
    .select()
    .from(jobs)
    .where(
      and(
        isNull(jobs.doneAt),
        lte(jobs.runAt, now),
        exceptKinds.length ? notInArray(jobs.kind, exceptKinds) : undefined,
        onlyKinds ? inArray(jobs.kind, onlyKinds) : undefined,
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

/**
 * Takes due jobs of these kinds (of one booking, if given) until `until`, in
 * one statement and without holding a transaction: their run time moves to
 * the lease's end, so no other worker takes them meanwhile, and a worker that
 * dies leaves them to run again once the lease is over.
 */
export async function leaseDueJobs(
  q: Queryable,
  f: { kinds: string[]; now: Date; until: Date; bookingId?: string | undefined; limit: number },
): Promise<JobRow[]> {
  const due = q
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        isNull(jobs.doneAt),
        lte(jobs.runAt, f.now),
        inArray(jobs.kind, f.kinds),
        f.bookingId ? sql`${jobs.payload}->>'bookingId' = ${f.bookingId}` : undefined,
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(f.limit)
    .for('update', { skipLocked: true });
  return q.update(jobs).set({ runAt: f.until }).where(inArray(jobs.id, due)).returning();
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

/** Marks every job due by `now` as done without running it (the demo's past reminders and follow-ups). */
export async function skipDueJobs(q: Queryable, now: Date, note: string) {
  await q
    .update(jobs)
    .set({ doneAt: now, lastError: note })
    .where(and(isNull(jobs.doneAt), lte(jobs.runAt, now)));
}

export async function insertJob(q: Queryable, job: NewJob): Promise<void> {
  await q.insert(jobs).values(job).onConflictDoNothing();
}

/** Whether a job of this kind for this payload (all its fields matching) is still to run. */
export async function hasPendingJob(
  q: Queryable,
  kind: string,
  payload: Record<string, string>,
): Promise<boolean> {
  const [row] = await q
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        isNull(jobs.doneAt),
        sql`${jobs.payload} @> ${JSON.stringify(payload)}::jsonb`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
