import type { Logger } from 'pino';
import { purgeSpentEmailChanges } from '../services/change-email.ts';
import type { ServiceContext } from '../services/context.ts';
import { deliverNotifications } from '../services/deliver-notifications.ts';
import { emailNotifications } from '../services/email-notifications.ts';
import { purgeExpiredIdempotencyKeys } from '../services/idempotency.ts';
import { runDueJobs } from '../services/process-jobs.ts';
import { purgeExpiredRateLimits } from '../services/rate-limits.ts';
import { refreshReputations } from '../services/reputation.ts';
import { purgeSpentSignUps } from '../services/sign-up.ts';

/** How often mentors' stored responsiveness (the directory's ranking) is recomputed, and expired rate-limit windows and idempotency keys dropped. */
const REPUTATION_REFRESH_MS = 10 * 60_000;

/** One kind of background work; returns how much it did. */
type Stage = { name: string; run(ctx: ServiceContext): Promise<number> };

/** Runs a batch step until it finds nothing more to do. */
const drain =
  (step: (ctx: ServiceContext) => Promise<number>) =>
  async (ctx: ServiceContext): Promise<number> => {
    let total = 0;
    for (let n = await step(ctx); n > 0; n = await step(ctx)) total += n;
    return total;
  };

const dueJobs: Stage = { name: 'jobs', run: drain((ctx) => runDueJobs(ctx)) };
// Jobs and requests write outbox rows; this turns them into notifications (and live bells).
const notifications: Stage = { name: 'notifications', run: drain(deliverNotifications) };
const email: Stage = { name: 'email', run: drain(emailNotifications) };
const reputations: Stage = { name: 'reputations', run: refreshReputations };
/** Ended rate-limit windows, Idempotency-Keys past their replay day, spent sign-ups and email changes. */
const housekeeping: Stage = {
  name: 'housekeeping',
  run: async (ctx) =>
    (await purgeExpiredRateLimits(ctx)) +
    (await purgeExpiredIdempotencyKeys(ctx)) +
    (await purgeSpentSignUps(ctx)) +
    (await purgeSpentEmailChanges(ctx)),
};

/** Everything background work consists of, in the order one round does it. */
const backgroundStages: Stage[] = [dueJobs, notifications, email, reputations, housekeeping];

/**
 * Runs a stage, logging a failure instead of passing it on (null): one stage
 * never stops another.
 */
async function runIsolated(stage: Stage, ctx: ServiceContext, log: Logger) {
  try {
    return await stage.run(ctx);
  } catch (err) {
    log.error({ err, stage: stage.name }, `background stage ${stage.name} failed`);
    return null;
  }
}

/** One round of every stage (what `confer jobs` does): how much each did, and which failed. */
export async function runBackgroundOnce(ctx: ServiceContext, log: Logger) {
  const done: Record<string, number> = {};
  const failed: string[] = [];
  for (const stage of backgroundStages) {
    const n = await runIsolated(stage, ctx, log);
    if (n === null) failed.push(stage.name);
    done[stage.name] = n ?? 0;
  }
  return { done, failed };
}

/**
 * Polls every `intervalMs`. Stages run in lanes that never wait for each
 * other: a slow or unreachable SMTP server holds up email only, not due jobs,
 * in-app notifications or the reputation refresh. Within the first lane jobs
 * go first so the outbox rows they write become notifications in the same round.
 * Several server instances may run a worker each: claiming with SKIP LOCKED
 * (or leases, for email) keeps every item to one of them.
 */
export function startJobWorker(ctx: ServiceContext, intervalMs: number, log: Logger) {
  const lanes = [
    { stages: [dueJobs, notifications], everyMs: 0 },
    { stages: [email], everyMs: 0 },
    { stages: [reputations, housekeeping], everyMs: REPUTATION_REFRESH_MS },
  ].map((lane) => ({
    ...lane,
    busy: false,
    lastAt: Number.NEGATIVE_INFINITY,
    running: Promise.resolve(),
  }));
  let stopped = false;
  const tick = () => {
    for (const lane of lanes) {
      // A lane still working through a backlog, or not due yet, is left alone.
      // Confer's clock, not the wall's: tests that move time see the refresh come round.
      const at = ctx.now().getTime();
      if (lane.busy || at - lane.lastAt < lane.everyMs) continue;
      lane.busy = true;
      lane.lastAt = at;
      lane.running = (async () => {
        for (const stage of lane.stages) {
          const n = await runIsolated(stage, ctx, log);
          if (n) log.info({ stage: stage.name, n }, `background stage ${stage.name} ran`);
        }
      })().finally(() => {
        lane.busy = false;
      });
    }
  };
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, intervalMs);
  timer.unref();
  return {
    /** Stops polling and waits for the work in hand. */
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await Promise.all(lanes.map((l) => l.running));
    },
  };
}
