import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { AppError } from './core/errors.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { runBackgroundOnce } from './jobs/worker.ts';
import { startServer, stopOnSignals } from './server.ts';
import { contextFromConfig, type ServiceContext } from './services/context.ts';
import {
  checkMemberImport,
  runMemberImport,
  startMemberImport,
} from './services/import-members.ts';
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
  confer import FILE.csv --org ID [--dry-run] [--send-invitations]
                                import members from CSV (name, email, role, programs, groups,
                                time_zone, skills, location): every bad row is reported by line
                                and field and nothing is imported until there are none;
                                --send-invitations emails new accounts a link (needs PUBLIC_URL)

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

async function importMembers(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'send-invitations': { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (!file || !values.org) throw new Error('usage: confer import FILE.csv --org ID [--dry-run]');
  const orgId = values.org;
  const csv = await readFile(file, 'utf8');
  await withDatabase(async (ctx, config) => {
    const report = await checkMemberImport(ctx, null, orgId, csv);
    for (const p of report.problems) console.error(`line ${p.line}, ${p.field}: ${p.message}`);
    if (report.ignoredColumns.length > 0) {
      console.log(`columns not read: ${report.ignoredColumns.join(', ')}`);
    }
    const { created, joined, updated, unchanged } = report.outcomes;
    const would = `${created} new account(s), ${joined} joining, ${updated} updated, ${unchanged} unchanged`;
    if (report.problems.length > 0) {
      console.error(
        `${report.problems.length} problem(s) in ${report.rows} row(s); nothing imported`,
      );
      process.exitCode = 1;
      return;
    }
    if (values['dry-run']) {
      console.log(`dry run: ${report.rows} row(s) fine; importing would make ${would}`);
      return;
    }
    if (values['send-invitations'] && !config.publicUrl) {
      throw new Error('--send-invitations needs PUBLIC_URL, the address the emailed links open');
    }
    const started = await startMemberImport(ctx, null, orgId, {
      csv,
      fileName: path.basename(file),
      sendInvitations: values['send-invitations'],
      origin: config.publicUrl ?? null,
      inBackground: false,
    });
    const bar = new SingleBar({
      format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    });
    bar.start(started.totalRows, 0);
    const done = await runMemberImport(ctx, started.id, (record) => bar.update(record.processed));
    bar.stop();
    console.log(
      `imported ${done?.processed ?? 0} row(s): ${done?.created ?? 0} new account(s), ` +
        `${done?.joined ?? 0} joined, ${done?.updated ?? 0} updated, ${done?.unchanged ?? 0} unchanged`,
    );
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
    case 'import':
      await importMembers(rest);
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
