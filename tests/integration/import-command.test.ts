import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { getUserByEmail } from '../../src/db/queries/accounts.ts';
import { setDatabaseKind } from '../../src/db/queries/meta.ts';
import { contextFromConfig } from '../../src/services/context.ts';
import { makeAdmin } from '../../src/services/make-admin.ts';
import { listMembers } from '../../src/services/manage-members.ts';
import { createProgram } from '../../src/services/manage-programs.ts';
import { openSharedDatabase, runCli } from '../support/cli.ts';

/** Issue #13: `confer import members.csv [--dry-run]`, with line-by-line problems and a progress bar. */
const shared = await openSharedDatabase();
afterAll(() => shared.remove());

const dir = tmpdir();
function csvFile(name: string, rows: string[][]) {
  const file = path.join(dir, `${Date.now()}-${name}`);
  writeFileSync(file, stringify([['name', 'email', 'role', 'programs', 'time_zone'], ...rows]));
  return file;
}
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    `Cli Person ${i}`,
    `cli${i}@import.example`,
    'mentee',
    'Pilot',
    'America/New_York',
  ]);

describe('confer import', () => {
  it('reports bad rows by line, then imports the fixed file with a progress bar', {
    timeout: 180_000,
  }, async () => {
    const database = await shared.open();
    let orgId: string;
    let adminId: string;
    try {
      await database.migrate();
      await setDatabaseKind(database.db, 'test');
      const ctx = contextFromConfig(
        database.db,
        loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...shared.env }),
      );
      const made = await makeAdmin(ctx, {
        email: 'cli-admin@import.example',
        name: 'Cli Admin',
        password: 'lantern-orbit-quietly-47',
        orgName: 'Cli Org',
      });
      orgId = made.orgId;
      adminId = (await getUserByEmail(database.db, 'cli-admin@import.example'))?.id ?? '';
      await createProgram(ctx, { userId: adminId }, orgId, {
        name: 'Pilot',
        mode: 'a_la_carte',
        description: '',
      });
    } finally {
      await database.close();
    }

    const bad = people(2_000);
    bad[41]![1] = 'cli41-at-import.example';
    bad[1_499]![4] = 'Moon/Base';
    const checked = await runCli(
      ['import', csvFile('bad.csv', bad), '--org', orgId, '--dry-run'],
      shared.env,
    );
    expect(checked.code, checked.output).toBe(1);
    expect(checked.output).toContain(
      'line 43, email: "cli41-at-import.example" is not an email address',
    );
    expect(checked.output).toContain('line 1501, time_zone: "Moon/Base" is not a time zone');
    expect(checked.output).toContain('2 problem(s) in 2000 row(s); nothing imported');

    const good = csvFile('good.csv', people(2_000));
    const imported = await runCli(['import', good, '--org', orgId], shared.env);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toMatch(/importing \[.*\] 100% \| 2000\/2000 rows/);
    expect(imported.output).toContain('imported 2000 row(s): 2000 new account(s)');

    const after = await shared.open();
    try {
      const ctx = contextFromConfig(
        after.db,
        loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...shared.env }),
      );
      const members = await listMembers(ctx, { userId: adminId }, orgId);
      expect(members).toHaveLength(2_001);
      expect(members.find((m) => m.email === 'cli7@import.example')).toMatchObject({
        name: 'Cli Person 7',
        timeZone: 'America/New_York',
        programs: [expect.objectContaining({ role: 'mentee' })],
      });
    } finally {
      await after.close();
    }
  });
});
