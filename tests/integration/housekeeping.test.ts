import { eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { idempotencyKeys, rateLimits } from '../../src/db/schema.ts';
import { runBackgroundOnce } from '../../src/jobs/worker.ts';
import { beginIdempotent, finishIdempotent } from '../../src/services/idempotency.ts';
import { countRateLimitHit } from '../../src/services/rate-limits.ts';
import { signUp } from '../factories.ts';
import { createTestApp, days } from '../support/test-app.ts';

const { app, clock, ctx, database } = await createTestApp();
const log = pino({ level: 'silent' });

const keysOf = async (userId: string) =>
  (
    await database.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.userId, userId))
  )
    .map((r) => r.key)
    .sort();

describe('background housekeeping', () => {
  it('forgets Idempotency-Keys a day after their answer, keeping newer ones', async () => {
    const me = await signUp(app);
    const request = { userId: me.userId, method: 'POST', path: '/x', fingerprint: 'f' };
    const old = await beginIdempotent(ctx, { ...request, key: 'old-key' });
    if (!('claim' in old)) throw new Error('expected a claim');
    await finishIdempotent(ctx.db, old.claim, {
      status: 201,
      type: 'application/json',
      body: '{}',
    });
    clock.advance(days(1) - 60_000);
    const fresh = await beginIdempotent(ctx, { ...request, key: 'new-key' });
    if (!('claim' in fresh)) throw new Error('expected a claim');
    await finishIdempotent(ctx.db, fresh.claim, {
      status: 201,
      type: 'application/json',
      body: '{}',
    });
    clock.advance(120_000);
    const { failed } = await runBackgroundOnce(ctx, log);
    expect(failed).toEqual([]);
    expect(await keysOf(me.userId)).toEqual(['new-key']);
  });

  it('drops rate-limit windows that have ended', async () => {
    const rule = { name: 'housekeeping', what: 'tests', max: 5, windowSeconds: 60 };
    await countRateLimitHit(ctx, rule, 'someone');
    const count = async () =>
      (await database.db.select().from(rateLimits)).filter((r) => r.key.includes('housekeeping'))
        .length;
    expect(await count()).toBe(1);
    clock.advance(days(2));
    await runBackgroundOnce(ctx, log);
    expect(await count()).toBe(0);
  });
});
