import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { maintainDatabase } from '../services/maintain-database.ts';

const HOUR_MS = 3_600_000;

/**
 * PGlite has no autovacuum daemon, so its planner statistics would stay as
 * they were when the tables were small and full-text index pending lists
 * would never be merged. On the embedded database this runs `VACUUM ANALYZE`
 * shortly after start-up and then every `intervalMs`. PostgreSQL does this
 * by itself; there it does nothing.
 */
export function startEmbeddedMaintenance(database: Database, log: Logger, intervalMs = HOUR_MS) {
  if (database.driver !== 'pglite') return { stop: async () => {} };
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = maintainDatabase(database.db)
      .then(() => log.debug('embedded database vacuumed and analysed'))
      .catch((err: unknown) => log.warn({ err }, 'embedded database maintenance failed'));
  };
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
