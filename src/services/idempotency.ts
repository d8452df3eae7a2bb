import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../core/errors.ts';
import type { Queryable } from '../db/client.ts';
import {
  claimIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  getIdempotencyKey,
  type IdempotencyScope,
  releaseIdempotencyKey,
  storeIdempotentAnswer,
} from '../db/queries/idempotency.ts';
import type { ServiceContext } from './context.ts';

/*
 * Idempotency-Key for any write (as Stripe does it): the first request with a
 * key claims it; requests with the same key meanwhile wait for its answer;
 * afterwards every retry gets that answer again, status and body, for a day.
 * The claim is a row, so this holds across server instances.
 */

/** How long a stored answer is replayed; after that the key may be used afresh. */
const ANSWER_KEPT_MS = 24 * 3_600_000;
/** A claim older than this belongs to a request whose process died: another may take it over. */
const LEASE_MS = 60_000;
/** Waiting for the first request's answer: short polls, backing off, for at most ~20 s. */
const POLL_START_MS = 20;
const POLL_MAX_MS = 500;
const WAIT_MS = 20_000;

export type IdempotentRequest = IdempotencyScope & {
  method: string;
  path: string;
  /** a digest of method, path and body: the same key must come with the same request */
  fingerprint: string;
};
export type Claim = IdempotencyScope & { token: string };
export type StoredAnswer = { status: number; type: string; body: string };

const mismatch = () =>
  new AppError(
    'conflict',
    'This Idempotency-Key was already used for a different request; use a new key',
    {
      reason: 'idempotency_mismatch',
      fields: { 'headers.idempotency-key': 'was used with another method, path or body' },
    },
  );

/**
 * Claims the key for this request (`{ claim }`: go ahead, then store the
 * answer or release), or returns the first request's stored answer
 * (`{ replay }`), waiting for it while that request is still running.
 */
export async function beginIdempotent(
  ctx: ServiceContext,
  req: IdempotentRequest,
): Promise<{ claim: Claim } | { replay: StoredAnswer }> {
  let pause = POLL_START_MS;
  for (let waited = 0; ; waited += pause, pause = Math.min(pause * 2, POLL_MAX_MS)) {
    const now = ctx.now();
    const token = randomUUID();
    const claimed = await claimIdempotencyKey(ctx.db, {
      ...req,
      token,
      createdAt: now,
      lockedUntil: new Date(now.getTime() + LEASE_MS),
      expiresAt: new Date(now.getTime() + ANSWER_KEPT_MS),
    });
    if (claimed) return { claim: { userId: req.userId, key: req.key, token } };
    const row = await getIdempotencyKey(ctx.db, req);
    // Gone meanwhile (the first request failed and let go): claim it on the next round.
    if (row && row.fingerprint !== req.fingerprint) throw mismatch();
    if (row?.state === 'done' && row.responseStatus !== null) {
      return {
        replay: {
          status: row.responseStatus,
          type: row.responseType ?? 'application/json; charset=utf-8',
          body: row.responseBody ?? '',
        },
      };
    }
    if (waited >= WAIT_MS) {
      throw new AppError(
        'conflict',
        'A request with this Idempotency-Key is still being processed; retry shortly',
        { reason: 'idempotency_in_progress' },
      );
    }
    await sleep(pause);
  }
}

/** Stores the claimed request's answer for its retries. */
export async function finishIdempotent(q: Queryable, claim: Claim, answer: StoredAnswer) {
  await storeIdempotentAnswer(q, claim, answer);
}

/** The request failed on our side (5xx): the key is free for the retry to run afresh. */
export async function abandonIdempotent(ctx: ServiceContext, claim: Claim) {
  await releaseIdempotencyKey(ctx.db, claim);
}

/** Forgets keys past their replay day; the worker calls this now and then. */
export function purgeExpiredIdempotencyKeys(ctx: ServiceContext) {
  return deleteExpiredIdempotencyKeys(ctx.db, ctx.now());
}
