import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openMemoryPglite, openPostgres } from '../../src/db/client.ts';
import { setDatabaseKind } from '../../src/db/queries/meta.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseDriver: 'pglite' | 'postgres';
    /** pglite: a tarball of a migrated data directory; postgres: the template database's name */
    databaseTemplate: string;
    postgresAdminUrl: string;
  }
}

/**
 * Migrates one template database per run; every test file then gets its own
 * copy, so files never see each other's data and nobody migrates twice.
 */
export default async function setup(project: TestProject) {
  const driver = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  project.provide('databaseDriver', driver);
  project.provide('postgresAdminUrl', adminUrl);

  if (driver === 'pglite') {
    const database = await openMemoryPglite();
    await database.migrate();
    await setDatabaseKind(database.db, 'test');
    const dump = await database.client.dumpDataDir('none');
    await database.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'confer-test-'));
    const file = path.join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('databaseTemplate', file);
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const runId = randomBytes(4).toString('hex');
  const template = `confer_test_${runId}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = openPostgres(withDatabase(adminUrl, template), 1);
  await database.migrate();
  await setDatabaseKind(database.db, 'test');
  await database.close();
  project.provide('databaseTemplate', template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`confer_test_${runId}_%`],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}
