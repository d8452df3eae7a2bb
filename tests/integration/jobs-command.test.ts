import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { setDatabaseKind } from '../../src/db/queries/meta.ts';
import { mentorStats } from '../../src/db/schema.ts';
import { buildApp } from '../../src/http/app.ts';
import { contextFromConfig } from '../../src/services/context.ts';
import { createBookingScenario } from '../support/booking-scenario.ts';
import { openSharedDatabase, runCli } from '../support/cli.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { registerTestContext } from '../support/test-app.ts';

const shared = await openSharedDatabase();
const smtp = await startSmtpServer();
afterAll(async () => {
  await smtp.close();
  await shared.remove();
});

describe('confer jobs (JOBS_POLL_SECONDS=0 installations)', () => {
  it('does what the worker does once: notifications by email and mentors’ stored stats', {
    timeout: 180_000,
  }, async () => {
    let database: Database = await shared.open();
    try {
      await database.migrate();
      await setDatabaseKind(database.db, 'test');
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...shared.env });
      const ctx = contextFromConfig(database.db, config);
      const app = await buildApp({ config, database, ctx, logger: false, webRoot: null });
      registerTestContext(app, ctx);
      const s = await createBookingScenario(app, 'Jobs Org');
      const id = await s.book(s.mentee, '2027-03-01T10:00:00Z'); // a Monday
      await s.act(s.mentor, id, 'approve');
      await app.close();
    } finally {
      await database.close();
    }

    const run = await runCli(['jobs'], {
      ...shared.env,
      SMTP_URL: smtp.url,
      JOBS_POLL_SECONDS: '0',
    });
    expect(run.code, run.output).toBe(0);
    // The mentor hears of the request and the confirmation, the mentee of the approval.
    const recipients = smtp.received.flatMap((m) => m.to).sort();
    expect(recipients).toHaveLength(3);
    expect(smtp.received.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1])).toContainEqual(
      expect.stringContaining('Mara Mentor approved your session'),
    );

    database = await shared.open();
    try {
      const stats = await database.db.select().from(mentorStats);
      expect(stats).toEqual([expect.objectContaining({ approvalRate: 1, decided: 1 })]);
    } finally {
      await database.close();
    }
  });
});
