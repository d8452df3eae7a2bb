import type { Db } from '../db/client.ts';
import { vacuumAnalyze } from '../db/queries/meta.ts';

/**
 * Refreshes planner statistics and merges full-text pending lists. Only the
 * embedded database needs it (PostgreSQL has autovacuum); the caller decides.
 */
export function maintainDatabase(db: Db) {
  return vacuumAnalyze(db);
}
