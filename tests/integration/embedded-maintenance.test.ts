import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startEmbeddedMaintenance } from '../../src/jobs/embedded-maintenance.ts';
import { openTestDatabase } from '../support/test-app.ts';

describe('maintenance of the embedded database', () => {
  it('vacuums and analyses PGlite on a timer (PostgreSQL does this itself)', async () => {
    const database = await openTestDatabase();
    try {
      const lastAnalyze = async () => {
        const result = await database.db.execute(
          sql`select last_analyze from pg_stat_user_tables where relname = 'users'`,
        );
        return (result as unknown as { rows: { last_analyze: unknown }[] }).rows[0]?.last_analyze;
      };
      const before = await lastAnalyze();
      const maintenance = startEmbeddedMaintenance(database, pino({ level: 'silent' }), 50);
      if (database.driver === 'pglite') {
        await expect.poll(lastAnalyze, { timeout: 5_000 }).not.toBe(before ?? null);
        expect(await lastAnalyze()).not.toBeNull();
      }
      await maintenance.stop();
      if (database.driver === 'postgres') expect(await lastAnalyze()).toBe(before);
    } finally {
      await database.close();
    }
  });
});
