import type { Logger } from 'pino';
import type { ServiceContext } from '../services/context.ts';
import { deliverNotifications } from '../services/deliver-notifications.ts';
import { emailNotifications } from '../services/email-notifications.ts';
import { runDueJobs } from '../services/process-jobs.ts';
import { purgeExpiredRateLimits } from '../services/rate-limits.ts';
import { refreshReputations } from '../services/reputation.ts';

/** How often mentors' stored responsiveness (the directory's ranking) is recomputed, and ended rate-limit windows dropped. */
const REPUTATION_REFRESH_MS = 10 * 60_000;

/**
 * Polls for due jobs every `intervalMs`. Several server instances may run a
 * worker each: claiming with SKIP LOCKED keeps every job to one of them.
 */
export function startJobWorker(ctx: ServiceContext, intervalMs: number, log: Logger) {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  let reputationsAt = Number.NEGATIVE_INFINITY;
  const tick = () => {
    if (busy) return; // the previous round is still working through a backlog
    busy = true;
    running = runDueJobs(ctx)
      .then(async (n) => {
        if (n > 0) log.info({ jobs: n }, 'ran due jobs');
        // Jobs and requests write outbox rows; turn them into notifications.
        while ((await deliverNotifications(ctx)) > 0) {}
        while ((await emailNotifications(ctx)) > 0) {}
        if (Date.now() - reputationsAt >= REPUTATION_REFRESH_MS) {
          reputationsAt = Date.now();
          await refreshReputations(ctx);
          await purgeExpiredRateLimits(ctx);
        }
      })
      .catch((err: unknown) => log.error({ err }, 'job worker failed'))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, intervalMs);
  timer.unref();
  return {
    /** Stops polling and waits for the jobs in hand. */
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
