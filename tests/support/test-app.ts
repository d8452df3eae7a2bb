import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, openMemoryPglite, openPostgres } from '../../src/db/client.ts';
import { type App, buildApp } from '../../src/http/app.ts';
import { contextFromConfig, type ServiceContext } from '../../src/services/context.ts';
import { withDatabase } from './global-database.ts';
import { generousRateLimits } from './rate-limits.ts';

/** A clock tests can move: `clock.advance(days(8))`. */
export type TestClock = { now: () => Date; set(at: Date): void; advance(ms: number): void };

export function createClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export const days = (n: number) => n * 86_400_000;

/** A fresh copy of the migrated template database for this test file. */
export async function openTestDatabase(): Promise<Database> {
  const template = inject('databaseTemplate');
  if (inject('databaseDriver') === 'pglite') {
    return openMemoryPglite(new Blob([readFileSync(template)]));
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `${template.replace(/_template$/, '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return openPostgres(withDatabase(adminUrl, name));
}

const contexts = new WeakMap<App, ServiceContext>();

/** For a test that builds its app itself: steps run as the worker would use this context. */
export function registerTestContext(app: App, ctx: ServiceContext) {
  contexts.set(app, ctx);
}

/** How a test reads the links a server in another process emailed (its own worker sends them). */
export type EmailedLinkReader = (email: string, prefix: string) => Promise<string>;
const remoteReaders = new WeakMap<App, EmailedLinkReader>();

export function registerRemoteMail(app: App, reader: EmailedLinkReader) {
  remoteReaders.set(app, reader);
}

/** The reader of an app whose server runs elsewhere, if one was registered. */
export const remoteMailOf = (app: App) => remoteReaders.get(app) ?? null;

/** The service context of an app made by createTestApp (for steps a test runs as the worker would). */
export function contextOf(app: App): ServiceContext {
  const ctx = contexts.get(app);
  if (!ctx) throw new Error('not an app from createTestApp');
  return ctx;
}

export type TestApp = {
  app: App;
  database: Database;
  clock: TestClock;
  dataDir: string;
  /** the app's own service context, for running background work in tests */
  ctx: ServiceContext;
};

/**
 * The real app on a real database (PGlite, or PostgreSQL under test:pg),
 * closed after the file's tests.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  /** The outside world; tests pass slow or failing providers. */
  providers: Partial<Pick<ServiceContext, 'video' | 'payments'>> = {},
  /** a built web app to serve at / (none by default) */
  webRoot: string | null = null,
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'confer-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...generousRateLimits,
    ...env,
  });
  const database = await openTestDatabase();
  const clock = createClock();
  const ctx = contextFromConfig(database.db, config, { now: clock.now, ...providers });
  const app = await buildApp({ config, database, ctx, logger: false, webRoot });
  await app.ready();
  contexts.set(app, ctx);
  afterAll(async () => {
    await app.close();
    ctx.mailer?.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, database, clock, dataDir, ctx };
}
