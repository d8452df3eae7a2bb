import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../src/services/process-jobs.ts';
import {
  addMember,
  as,
  createOrgWithAdmin,
  emailedLink,
  type Session,
  signIn,
  signUp,
  uniqueEmail,
} from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 "CSV import of members": a dry run that reports every bad row by
 * line and field; an import refused whole while any row is bad; then batches
 * with progress; importing the same file again changes nothing; new accounts
 * emailed a link to choose a password when asked.
 */
const { app, ctx, clock } = await createTestApp({ PUBLIC_URL: 'https://confer.example.org' });

let admin: Session;
let orgId: string;
let member: Session;
const header = ['name', 'email', 'role', 'programs', 'groups', 'time_zone', 'skills'];
const run = `${Date.now().toString(36)}`;

function cohort(n: number, prefix = 'p') {
  return Array.from({ length: n }, (_, i) => [
    `Person ${prefix}${i}`,
    `${prefix}${i}-${run}@cohort.example`,
    i % 10 === 0 ? 'mentor' : 'mentee',
    'Spring Cohort',
    i % 2 === 0 ? 'Evens; Everyone' : 'Everyone',
    'Europe/Berlin',
    'Go, SQL',
  ]);
}
const csvOf = (rows: string[][]) => stringify([header, ...rows]);

async function membersByEmail() {
  const res = await as(app, admin).get(`/api/orgs/${orgId}/members`);
  return new Map((res.json().members as { email: string }[]).map((m) => [m.email, m] as const));
}

/** The worker's part: every due job, as its loop would run them. */
async function finishJobs() {
  while ((await runDueJobs(ctx)) > 0);
}

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Import Org'));
  const created = await as(app, admin).post(`/api/orgs/${orgId}/programs`, {
    name: 'Spring Cohort',
    mode: 'matched',
  });
  expect(created.statusCode, created.body).toBe(201);
  member = await addMember(app, admin, orgId, { name: 'Plain Member' });
});

describe('a members import', () => {
  const good = cohort(50);
  const bad = good.map((r) => [...r]);
  bad[6]![1] = 'not-an-email'; // line 8 (the header is line 1)
  bad[19]![3] = 'Autumn Cohort'; // line 21

  it('dry run: reports each bad row by line and field, and changes nothing', async () => {
    const before = (await membersByEmail()).size;
    const res = await as(app, admin).post(`/api/orgs/${orgId}/member-imports/check`, {
      csv: csvOf(bad),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rows: 50,
      problems: [
        { line: 8, field: 'email', message: '"not-an-email" is not an email address' },
        { line: 21, field: 'programs', message: 'no program is called "Autumn Cohort"' },
      ],
      ignoredColumns: [],
      outcomes: { created: 48, joined: 0, updated: 0, unchanged: 0 },
      newGroups: ['Evens', 'Everyone'],
    });
    expect((await membersByEmail()).size).toBe(before);
  });

  it('refuses a file with bad rows whole, naming each problem', async () => {
    const res = await as(app, admin).post(`/api/orgs/${orgId}/member-imports`, {
      csv: csvOf(bad),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toEqual({
      'line 8 email': '"not-an-email" is not an email address',
      'line 21 programs': 'no program is called "Autumn Cohort"',
    });
    await finishJobs();
    expect((await membersByEmail()).has(good[0]![1]!)).toBe(false);
  });

  it('imports the fixed file: accounts, program roles, groups and zones, each recorded', async () => {
    const res = await as(app, admin).post(`/api/orgs/${orgId}/member-imports`, {
      csv: csvOf(good),
      fileName: 'cohort.csv',
    });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json().import;
    expect(started).toMatchObject({ status: 'running', totalRows: 50, processed: 0 });
    await finishJobs();
    const done = await as(app, admin).get(`/api/orgs/${orgId}/member-imports/${started.id}`);
    expect(done.json().import).toMatchObject({
      status: 'done',
      fileName: 'cohort.csv',
      processed: 50,
      created: 50,
      unchanged: 0,
    });
    const members = await membersByEmail();
    const mentor = members.get(good[0]![1]!) as unknown as {
      name: string;
      timeZone: string;
      programs: { role: string }[];
      groupIds: string[];
    };
    expect(mentor).toMatchObject({ name: 'Person p0', timeZone: 'Europe/Berlin' });
    expect(mentor.programs).toEqual([expect.objectContaining({ role: 'mentor' })]);
    expect(mentor.groupIds).toHaveLength(2);
    const groups = (await as(app, admin).get(`/api/orgs/${orgId}/groups`)).json().groups as {
      name: string;
    }[];
    expect(groups.map((g) => g.name).sort()).toEqual(['Evens', 'Everyone']);
    const audit = (await as(app, admin).get(`/api/orgs/${orgId}/audit`)).json().events as {
      action: string;
    }[];
    expect(audit.filter((e) => e.action === 'member.imported')).toHaveLength(50);
    expect(audit.some((e) => e.action === 'members.import_finished')).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await membersByEmail();
    const res = await as(app, admin).post(`/api/orgs/${orgId}/member-imports`, {
      csv: csvOf(good),
    });
    expect(res.statusCode, res.body).toBe(202);
    await finishJobs();
    const again = await as(app, admin).get(
      `/api/orgs/${orgId}/member-imports/${res.json().import.id}`,
    );
    expect(again.json().import).toMatchObject({ status: 'done', created: 0, unchanged: 50 });
    expect(await membersByEmail()).toEqual(before);
  });

  it('adds an existing account without touching its profile, and never demotes an admin', async () => {
    const outsider = await signUp(app, { name: 'Own Name', timeZone: 'Asia/Tokyo' });
    const res = await as(app, admin).post(`/api/orgs/${orgId}/member-imports`, {
      csv: csvOf([
        ['Imported Name', outsider.email, 'mentee', 'Spring Cohort', '', 'Europe/Paris', ''],
        ['Alex', admin.email, 'member', '', '', '', ''],
        ['Plain', member.email, 'admin', '', '', '', ''],
      ]),
    });
    expect(res.statusCode, res.body).toBe(202);
    await finishJobs();
    const result = await as(app, admin).get(
      `/api/orgs/${orgId}/member-imports/${res.json().import.id}`,
    );
    expect(result.json().import).toMatchObject({ joined: 1, updated: 1, unchanged: 1 });
    const members = await membersByEmail();
    expect(members.get(outsider.email)).toMatchObject({ name: 'Own Name', timeZone: 'Asia/Tokyo' });
    expect(members.get(admin.email)).toMatchObject({ role: 'admin' });
    expect(members.get(member.email)).toMatchObject({ role: 'admin' });
  });
});

describe('a large import', () => {
  it('goes a batch per transaction, its progress readable between them', async () => {
    // The latest first: a minute after the earlier imports (the test clock stands still otherwise).
    clock.advance(60_000);
    const rows = cohort(1_200, 'big');
    const res = await as(app, admin).post(`/api/orgs/${orgId}/member-imports`, {
      csv: csvOf(rows),
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().import.id;
    const progress = async () =>
      (await as(app, admin).get(`/api/orgs/${orgId}/member-imports/${id}`)).json().import;
    expect(await runDueJobs(ctx, 1)).toBe(1);
    expect(await progress()).toMatchObject({ status: 'running', processed: 500, created: 500 });
    expect(await runDueJobs(ctx, 1)).toBe(1);
    expect(await progress()).toMatchObject({ status: 'running', processed: 1_000 });
    await finishJobs();
    expect(await progress()).toMatchObject({ status: 'done', processed: 1_200, created: 1_200 });
    const list = await as(app, admin).get(`/api/orgs/${orgId}/member-imports`);
    expect(list.json().imports[0]).toMatchObject({ id, status: 'done' });
  });
});

describe('emailing new accounts', () => {
  it('sends each a link to choose a password, with which they sign in', async () => {
    const email = uniqueEmail('newcomer');
    const res = await as(app, admin).post(`/api/orgs/${orgId}/member-imports`, {
      csv: csvOf([['New Comer', email, 'mentee', 'Spring Cohort', '', '', '']]),
      sendInvitations: true,
    });
    expect(res.statusCode, res.body).toBe(202);
    await finishJobs();
    const link = await emailedLink(app, email, '/reset-password/');
    expect(link.startsWith('https://confer.example.org/reset-password/')).toBe(true);
    const password = 'lantern-orbit-quietly-47';
    const set = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: link.split('/').pop(), password },
    });
    expect(set.statusCode, set.body).toBeLessThan(300);
    const session = await signIn(app, email, password);
    const orgs = await as(app, session).get('/api/orgs');
    expect(orgs.json().organisations.map((o: { id: string }) => o.id)).toContain(orgId);
  });

  it('cannot be signed in to before a password is chosen', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: `p1-${run}@cohort.example`, password: '' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    const guess = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: `p1-${run}@cohort.example`, password: 'anything-at-all-123' },
    });
    expect(guess.statusCode).toBe(401);
  });
});

describe('who may import', () => {
  it('is admins only', async () => {
    const fresh = await addMember(app, admin, orgId, { name: 'Fresh Member' });
    for (const url of [
      `/api/orgs/${orgId}/member-imports/check`,
      `/api/orgs/${orgId}/member-imports`,
    ]) {
      const res = await as(app, fresh).post(url, { csv: csvOf(cohort(1, 'y')) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    const list = await as(app, fresh).get(`/api/orgs/${orgId}/member-imports`);
    expect(list.statusCode).toBe(403);
  });
});
