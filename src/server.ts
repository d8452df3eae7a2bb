import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { countUsers, getDatabaseKind, setDatabaseKind } from './db/queries/meta.ts';
import { type App, buildApp } from './http/app.ts';
import { startEmbeddedMaintenance } from './jobs/embedded-maintenance.ts';
import { startJobWorker } from './jobs/worker.ts';
import { contextFromConfig, type ServiceContext } from './services/context.ts';
import { type DemoSummary, seedDemo } from './services/seed-demo.ts';

export type RunningServer = { app: App; database: Database; url: string; stop(): Promise<void> };

/**
 * On an empty database: the demo organisation when DEMO_SEED is on, otherwise
 * the database is marked production so the seed will never touch it. Under
 * the start-up lock: servers starting together on one empty database migrate
 * and decide to seed one after the other, so only the first seeds.
 */
function prepareDatabase(config: Config, database: Database, ctx: ServiceContext, log: Logger) {
  return database.withStartupLock(() => migrateAndSeed(config, database, ctx, log));
}

async function migrateAndSeed(
  config: Config,
  database: Database,
  ctx: ServiceContext,
  log: Logger,
) {
  await database.migrate();
  const kind = await getDatabaseKind(database.db);
  if (kind !== null || (await countUsers(database.db)) > 0) return null;
  if (!config.demoSeed) {
    await setDatabaseKind(database.db, 'production');
    return null;
  }
  log.info('empty database: seeding the demo organisation');
  return seedDemo(ctx);
}

function printWelcome(url: string, demo: DemoSummary | null, mailDir: string | null) {
  const lines = [`\n  Confer is running at ${url}\n`];
  if (mailDir) {
    lines.push(
      `  No SMTP_URL: emails (sign-up and password links too) are written to ${mailDir}`,
      '  as .eml files, and admins read them in Admin → Mailbox.',
      '',
    );
  }
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
  // A clock tests can move; the real one unless TEST_CLOCK is on.
  let offsetMs = 0;
  const ctx = contextFromConfig(database.db, config, {
    now: () => new Date(Date.now() + offsetMs),
  });
  try {
    const demo = await prepareDatabase(config, database, ctx, log);
    app = await buildApp({
      config,
      database,
      ctx,
      logger: { level: config.logLevel },
      ...(config.testClock ? { advanceClock: (ms: number) => (offsetMs += ms) } : {}),
    });
    const address = await app.listen({ host: config.host, port: config.port });
    const url = address.replace('[::1]', 'localhost');
    // Without PUBLIC_URL, links in emails point here; known only once listening.
    ctx.publicUrl ??= url;
    if (config.logLevel !== 'silent')
      printWelcome(
        config.publicUrl ?? url,
        demo,
        config.smtpUrl ? null : path.join(config.dataDir, 'mail'),
      );
    const worker =
      config.jobsPollSeconds > 0 ? startJobWorker(ctx, config.jobsPollSeconds * 1000, log) : null;
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
          .finally(() => {
            ctx.mailer?.close();
            return database.close();
          })
          .then(() => {});
        return stopping;
      },
    };
  } catch (err) {
    await app?.close();
    ctx.mailer?.close();
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
