import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 "Audit log": paged newest first, filtered by action family,
 * subject and time, with the subject's name, and the same as CSV.
 */
const { app } = await createTestApp();

let admin: Session;
let member: Session;
let orgId: string;
const programIds: Record<string, string> = {};

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Audit Org'));
  for (const name of ['Alpha', 'Beta', 'Gamma']) {
    const res = await as(app, admin).post(`/api/orgs/${orgId}/programs`, {
      name,
      mode: 'a_la_carte',
    });
    expect(res.statusCode, res.body).toBe(201);
    programIds[name] = res.json().id;
  }
  member = await addMember(app, admin, orgId, { name: 'Mo Member' });
  const promoted = await as(app, admin).patch(`/api/orgs/${orgId}/members/${member.userId}`, {
    role: 'admin',
    reason: 'Runs the spring cohort',
  });
  expect(promoted.statusCode, promoted.body).toBe(200);
});

const audit = (query: string, who = admin) => as(app, who).get(`/api/orgs/${orgId}/audit?${query}`);

describe('the audit log', () => {
  it('filters by action family and names the subject', async () => {
    const res = await audit('action=program');
    expect(res.statusCode, res.body).toBe(200);
    const { events } = res.json();
    expect(events.map((e: { subjectName: string }) => e.subjectName)).toEqual([
      'Gamma',
      'Beta',
      'Alpha',
    ]);
    expect(new Set(events.map((e: { action: string }) => e.action))).toEqual(
      new Set(['program.created']),
    );
    const roles = (await audit('action=member.role_changed')).json().events;
    expect(roles).toEqual([
      expect.objectContaining({
        subjectType: 'user',
        subjectId: member.userId,
        subjectName: 'Mo Member',
        actorName: 'Alex Admin',
        details: { from: 'member', to: 'admin', reason: 'Runs the spring cohort' },
      }),
    ]);
  });

  it('pages newest first: each page continues where the last stopped', async () => {
    const all = (await audit('limit=500')).json().events.map((e: { id: number }) => e.id);
    const first = (await audit('limit=2')).json();
    expect(first.events.map((e: { id: number }) => e.id)).toEqual(all.slice(0, 2));
    const second = (await audit(`limit=2&before=${first.nextBefore}`)).json();
    expect(second.events.map((e: { id: number }) => e.id)).toEqual(all.slice(2, 4));
    const last = (await audit(`limit=500&before=${all.at(-1)}`)).json();
    expect(last).toEqual({ events: [], names: {}, nextBefore: null });
  });

  it('names the people and programs its details mention, from the server', async () => {
    const joined = await as(app, admin).put(
      `/api/orgs/${orgId}/programs/${programIds.Beta}/members/${member.userId}`,
      { role: 'mentor' },
    );
    expect(joined.statusCode, joined.body).toBe(200);
    const page = (await audit(`subjectType=user&subjectId=${member.userId}`)).json();
    const mentioning = page.events.find((e: { details: object }) =>
      JSON.stringify(e.details).includes(programIds.Beta!),
    );
    expect(mentioning).toBeDefined();
    expect(page.names[programIds.Beta!]).toBe('Beta');
  });

  it('filters by subject and by time', async () => {
    const mine = (await audit(`subjectType=user&subjectId=${member.userId}`)).json().events;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: { subjectId: string }) => e.subjectId === member.userId)).toBe(true);
    const future = (await audit(`from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).json();
    expect(future.events).toEqual([]);
    const bad = await audit('from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty(['query.from']);
  });

  it('downloads as CSV with the same filters, for admins only', async () => {
    const res = await as(app, admin).get(`/api/orgs/${orgId}/exports/audit.csv?action=program`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.subject)).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(rows[0]).toMatchObject({ actor: 'Alex Admin', action: 'program.created' });
    const outsider = await addMember(app, admin, orgId, { name: 'Plain Member' });
    expect((await as(app, outsider).get(`/api/orgs/${orgId}/exports/audit.csv`)).statusCode).toBe(
      403,
    );
    expect((await audit('', outsider)).statusCode).toBe(403);
  });
});
