import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { countUsers, getDatabaseKind, setDatabaseKind } from './db/queries/meta.ts';
import { type App, buildApp } from './http/app.ts';
import { smtpMailer } from './integrations/email.ts';
import { startEmbeddedMaintenance } from './jobs/embedded-maintenance.ts';
import { startJobWorker } from './jobs/worker.ts';
import { createServiceContext } from './services/context.ts';
import { type DemoSummary, seedDemo } from './services/seed-demo.ts';

export type RunningServer = { app: App; database: Database; url: string; stop(): Promise<void> };

/**
 * On an empty database: the demo organisation when DEMO_SEED is on, otherwise
 * the database is marked production so the seed will never touch it. Under
 * the start-up lock: servers starting together on one empty database migrate
 * and decide to seed one after the other, so only the first seeds.
 */
function prepareDatabase(config: Config, database: Database, log: Logger) {
  return database.withStartupLock(() => migrateAndSeed(config, database, log));
}

async function migrateAndSeed(config: Config, database: Database, log: Logger) {
  await database.migrate();
  const ctx = createServiceContext(database.db, { sessionDays: config.sessionDays });
  const kind = await getDatabaseKind(database.db);
  if (kind !== null || (await countUsers(database.db)) > 0) return null;
  if (!config.demoSeed) {
    await setDatabaseKind(database.db, 'production');
    return null;
  }
  log.info('empty database: seeding the demo organisation');
  return seedDemo(ctx);
}

function printWelcome(url: string, demo: DemoSummary | null) {
  const lines = [`\n  Confer is running at ${url}\n`];
  if (demo) {
    lines.push(
      '  Demo organisation "Northwind Mentoring" — every account uses the password',
      `  ${demo.password}`,
      `    admin:   ${demo.admin}`,
      `    mentors: ${demo.mentors.join(', ')}`,
      `    mentees: ${demo.mentees.join(', ')}`,
      '',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function startServer(config: Config): Promise<RunningServer> {
  const log = pino({ level: config.logLevel });
  const database = await openDatabase(config);
  let app: App | undefined;
  try {
    const demo = await prepareDatabase(config, database, log);
    // A clock tests can move; the real one unless TEST_CLOCK is on.
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);
    app = await buildApp({
      config,
      database,
      now,
      logger: { level: config.logLevel },
      ...(config.testClock ? { advanceClock: (ms: number) => (offsetMs += ms) } : {}),
    });
    const address = await app.listen({ host: config.host, port: config.port });
    const url = address.replace('[::1]', 'localhost');
    if (config.logLevel !== 'silent') printWelcome(config.publicUrl ?? url, demo);
    const worker =
      config.jobsPollSeconds > 0
        ? startJobWorker(
            createServiceContext(database.db, {
              sessionDays: config.sessionDays,
              providerTimeoutMs: config.providerTimeoutMs,
              now,
              mailer: config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null,
              publicUrl: config.publicUrl ?? url,
            }),
            config.jobsPollSeconds * 1000,
            log,
          )
        : null;
    const maintenance = startEmbeddedMaintenance(database, log);
    const running = app;
    let stopping: Promise<void> | undefined;
    return {
      app: running,
      database,
      url,
      // Stop accepting, let in-flight requests and jobs finish, then close the
      // database so PGlite flushes its files and releases the DATA_DIR lock.
      stop: () => {
        stopping ??= Promise.all([running.close(), worker?.stop(), maintenance.stop()])
          .finally(() => database.close())
          .then(() => {});
        return stopping;
      },
    };
  } catch (err) {
    await app?.close();
    await database.close();
    throw err;
  }
}

/** SIGTERM / SIGINT → graceful stop; a second signal forces exit. */
export function stopOnSignals(server: RunningServer, log: Logger) {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    log.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
