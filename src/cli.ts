import { parseArgs } from 'node:util';
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { AppError } from './core/errors.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { runBackgroundOnce } from './jobs/worker.ts';
import { startServer, stopOnSignals } from './server.ts';
import { contextFromConfig, type ServiceContext } from './services/context.ts';
import { makeAdmin } from './services/make-admin.ts';
import { seedDemo } from './services/seed-demo.ts';

const usage = `confer — the Confer mentoring platform

Usage:
  confer serve                  start the server (default)
  confer migrate                apply database migrations
  confer seed                   seed the demo organisation (demo/test databases only)
  confer jobs                   run background work once: due jobs (expiry, reminders), notifications,
                                email, mentors' stored stats
  confer create-admin --email E --password P --name N [--org "Organisation"] [--org-id ID]
                                create an account (or use an existing one) and make it
                                admin of a new organisation, or of --org-id

Configuration comes from the environment (see README): DATABASE_URL, DATA_DIR, PORT, HOST, …`;

async function withDatabase<T>(
  fn: (ctx: ServiceContext, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  let ctx: ServiceContext | undefined;
  try {
    // Locked like a server's start-up, so `confer migrate` or `seed` can run beside one.
    return await database.withStartupLock(async () => {
      await database.migrate();
      ctx = contextFromConfig(database.db, config);
      return fn(ctx, config);
    });
  } finally {
    ctx?.mailer?.close();
    await database.close();
  }
}

async function createAdmin(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string', default: 'My Organisation' },
      'org-id': { type: 'string' },
    },
  });
  if (!values.email || !values.name) throw new Error('--email and --name are required');
  const { email, name } = values;
  await withDatabase(async (ctx) => {
    const made = await makeAdmin(ctx, {
      email,
      name,
      orgName: values.org,
      ...(values.password ? { password: values.password } : {}),
      ...(values['org-id'] ? { orgId: values['org-id'] } : {}),
    });
    if (made.created) {
      console.log(`${email} is admin of the new organisation "${made.orgName}" (${made.orgId})`);
    } else {
      console.log(`${email} is now an admin of organisation ${made.orgId}`);
    }
  });
}

async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve': {
      const config = loadConfig();
      const server = await startServer(config);
      stopOnSignals(server, pino({ level: config.logLevel }));
      return;
    }
    case 'migrate':
      await withDatabase(async () => {});
      console.log('migrations applied');
      return;
    case 'seed': {
      const summary = await withDatabase(seedDemo);
      console.log(`demo organisation seeded; sign in as ${summary.admin} / ${summary.password}`);
      return;
    }
    case 'jobs': {
      const { done, failed } = await withDatabase((ctx, config) =>
        runBackgroundOnce(ctx, pino({ level: config.logLevel })),
      );
      console.log(
        `${done.jobs} due job(s) run, ${done.notifications} notification event(s) delivered, ` +
          `${done.email} email(s) handled, ${done.reputations} mentor(s) refreshed`,
      );
      // A failed stage was logged and the others still ran; the operator's cron should hear of it.
      if (failed.length > 0) {
        console.error(`failed: ${failed.join(', ')}`);
        process.exitCode = 1;
      }
      return;
    }
    case 'create-admin':
      await createAdmin(rest);
      return;
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return;
    default:
      console.error(`unknown command: ${command}\n\n${usage}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof AppError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
