import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 "CSV exports": an admin downloads the members as CSV that a
 * spreadsheet (and a real CSV parser) reads back exactly.
 */
const { app } = await createTestApp();

let admin: Session;
let orgId: string;
let mentee: Session;
beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Export Org'));
  const programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
  ).json().id as string;
  await addMember(app, admin, orgId, { name: 'Marta Fernández', programId, programRole: 'mentor' });
  // A name a spreadsheet would run as a formula once the profile changes it.
  mentee = await addMember(app, admin, orgId, {
    name: 'Eve =HYPERLINK("http://evil.example")',
    programId,
    programRole: 'mentee',
  });
  const renamed = await as(app, mentee).patch('/api/me/profile', {
    name: '=HYPERLINK("http://evil.example")',
  });
  expect(renamed.statusCode, renamed.body).toBe(200);
});

describe('exporting members', () => {
  it('gives an admin every member as CSV, read back exactly, formulas defused', async () => {
    const res = await as(app, admin).get(`/api/orgs/${orgId}/exports/members.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('members.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'name',
      'email',
      'role',
      'programs',
      'groups',
      'time_zone',
      'location',
      'joined_at',
    ]);
    expect(rows).toHaveLength(3);
    const marta = rows.find((r) => r.name === 'Marta Fernández');
    expect(marta).toMatchObject({ role: 'member', programs: 'Open (mentor)' });
    expect(Date.parse(marta?.joined_at ?? '')).not.toBeNaN();
    // The formula-looking name is kept but cannot run.
    const evil = rows.find((r) => r.email === mentee.email);
    expect(evil?.name?.startsWith('=')).toBe(false);
    expect(evil?.name).toContain('HYPERLINK');
  });

  it('is for admins only', async () => {
    const res = await as(app, mentee).get(`/api/orgs/${orgId}/exports/members.csv`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});
