import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { type Database, openMemoryPglite } from '../src/db/client.ts';
import { getUserByEmail } from '../src/db/queries/accounts.ts';
import { contextFromConfig } from '../src/services/context.ts';
import {
  checkMemberImport,
  runMemberImport,
  startMemberImport,
} from '../src/services/import-members.ts';
import { makeAdmin } from '../src/services/make-admin.ts';
import { createProgram } from '../src/services/manage-programs.ts';
import { withScratchPostgres } from './postgres.ts';

/**
 * Issue #13 "10,000 rows in under a minute": a members file of 10,000 rows
 * (program, two groups, zone, skills) checked (the dry run), imported (20
 * batches, a transaction each), and imported again (nothing changes), on
 * PGlite and PostgreSQL. Baseline in the same run: one INSERT … SELECT of
 * 10,000 bare users, the least any import can cost.
 */
const ROWS = 10_000;

function membersCsv(prefix: string) {
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `Imported Person ${i}`,
    `${prefix}${i}@import.bench`,
    i % 20 === 0 ? 'mentor' : 'mentee',
    'Cohort',
    i % 2 === 0 ? 'Evens; Everyone' : 'Everyone',
    'Europe/Berlin',
    'python; data',
  ]);
  return stringify([
    ['name', 'email', 'role', 'programs', 'groups', 'time_zone', 'skills'],
    ...rows,
  ]);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, (performance.now() - start) / 1000];
}

async function measure(label: string, database: Database) {
  await database.migrate();
  const ctx = contextFromConfig(database.db, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  const made = await makeAdmin(ctx, {
    email: `admin-${label}@import.bench`,
    name: 'Bench Admin',
    password: 'lantern-orbit-quietly-47',
    orgName: 'Import Bench',
  });
  const admin = await getUserByEmail(database.db, `admin-${label}@import.bench`);
  await createProgram(ctx, { userId: admin!.id }, made.orgId, {
    name: 'Cohort',
    mode: 'matched',
    description: '',
  });
  const csv = membersCsv(label);
  const [, baseline] = await timed(() =>
    database.db.execute(sql`insert into users (email, password_hash, name)
      select 'baseline-' || i || '@import.bench', '', 'Baseline ' || i from generate_series(1, ${ROWS}) i`),
  );
  const [report, check] = await timed(() => checkMemberImport(ctx, null, made.orgId, csv));
  const importOnce = async () => {
    const started = await startMemberImport(ctx, null, made.orgId, {
      csv,
      fileName: 'bench.csv',
      sendInvitations: false,
      origin: null,
      inBackground: false,
    });
    return runMemberImport(ctx, started.id, () => {});
  };
  const [first, imported] = await timed(importOnce);
  const [second, again] = await timed(importOnce);
  if (report.problems.length > 0 || first?.created !== ROWS || second?.unchanged !== ROWS) {
    throw new Error(
      `import bench: unexpected outcome ${JSON.stringify({ report, first, second })}`,
    );
  }
  const s = (n: number) => `${n.toFixed(2)} s`;
  console.log(
    `${label.padEnd(9)} ${ROWS} rows: dry run ${s(check)}, import ${s(imported)} (${Math.round(ROWS / imported)} rows/s), ` +
      `again ${s(again)}; baseline bare INSERT … SELECT ${s(baseline)} (import = ${(imported / baseline).toFixed(0)}× baseline)`,
  );
}

export async function run() {
  console.log('\n# members import (issue #13: 10,000 rows in under a minute)');
  const pglite = await openMemoryPglite();
  try {
    await measure('pglite', pglite);
  } finally {
    await pglite.close();
  }
  await withScratchPostgres((database) =>
    measure('postgres', database).finally(() => database.close()),
  );
}
