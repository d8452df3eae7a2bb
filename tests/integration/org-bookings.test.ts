import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, type Session } from '../factories.ts';
import { createBookingScenario, createPaidSessionType } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13: Admin → Bookings (the organisation's bookings filtered by
 * status, program, person and days, paged) and the CSV exports of bookings,
 * matches and ratings, read back with a real CSV parser.
 */
const { app, clock } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

let orgId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let other: Session;
const ids: Record<string, string> = {};

const bookFor = async (who: Session, startsAt: string, extra: Record<string, unknown> = {}) => {
  const res = await as(app, who).post(`/api/orgs/${orgId}/bookings`, {
    mentorId: mentor.userId,
    startsAt,
    lengthMinutes: 60,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const act = async (who: Session, id: string, action: string, body = {}) => {
  const res = await as(app, who).post(`/api/orgs/${orgId}/bookings/${id}/${action}`, body);
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  let programId: string;
  ({ admin, orgId, programId, mentor, mentee } = await createBookingScenario(app, 'Ledger Org'));
  other = await addMember(app, admin, orgId, {
    name: 'Olga Other',
    programId,
    programRole: 'mentee',
  });
  const paid = await createPaidSessionType(app, mentor);
  ids.held = await bookFor(mentee, '2027-03-02T09:00:00Z', {
    sessionTypeId: paid,
    lengthMinutes: undefined,
  });
  await act(mentor, ids.held, 'approve');
  ids.pending = await bookFor(mentee, '2027-03-10T09:00:00Z');
  ids.rejected = await bookFor(other, '2027-03-11T09:00:00Z');
  await act(mentor, ids.rejected, 'reject', { reason: 'Away that week' });
  clock.set(new Date('2027-03-02T11:00:00Z'));
  await act(mentor, ids.held, 'complete');
  const rated = await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${ids.held}/rating`, {
    stars: 5,
    feedback: 'Clear next steps',
  });
  expect(rated.statusCode, rated.body).toBe(200);
  const matched = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Circle', mode: 'matched' })
  ).json().id as string;
  for (const [userId, role] of [
    [mentor.userId, 'mentor'],
    [other.userId, 'mentee'],
  ] as const) {
    await as(app, admin).put(`/api/orgs/${orgId}/programs/${matched}/members/${userId}`, { role });
  }
  const m = await as(app, admin).post(`/api/orgs/${orgId}/programs/${matched}/matches`, {
    mentorId: mentor.userId,
    menteeId: other.userId,
  });
  expect(m.statusCode, m.body).toBe(201);
});

const list = (query: string) => as(app, admin).get(`/api/orgs/${orgId}/bookings?${query}`);

describe('the organisation’s bookings', () => {
  it('lists every booking latest first, and filters by status, person and days on the server', async () => {
    const all = (await list('limit=2')).json();
    expect(all.total).toBe(3);
    expect(all.bookings.map((b: { id: string }) => b.id)).toEqual([ids.rejected, ids.pending]);
    const page2 = (await list('limit=2&offset=2')).json();
    expect(page2.bookings).toMatchObject([
      {
        id: ids.held,
        status: 'completed',
        mentorName: 'Mara Mentor',
        menteeName: 'Milo Mentee',
        priceMinor: 4500,
        currency: 'EUR',
        menteeStars: 5,
      },
    ]);
    const rejected = (await list('status=rejected')).json();
    expect(rejected).toMatchObject({
      total: 1,
      bookings: [{ id: ids.rejected, menteeName: 'Olga Other', reason: 'Away that week' }],
    });
    expect((await list('q=olg')).json().total).toBe(1);
    expect((await list('q=mara')).json().total).toBe(3);
    const days = (await list('from=2027-03-10&to=2027-03-10&timeZone=Europe/Lisbon')).json();
    expect(days.bookings.map((b: { id: string }) => b.id)).toEqual([ids.pending]);
    expect((await list(`menteeId=${mentee.userId}`)).json().total).toBe(2);
  });

  it('refuses bad filters by field and anyone but an admin', async () => {
    const bad = await list('status=lost&from=2027-13-01');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['query.from', 'query.status']);
    const backwards = await list('from=2027-03-10&to=2027-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(Object.keys(backwards.json().error.fields)).toEqual(['query.to']);
    expect((await as(app, mentor).get(`/api/orgs/${orgId}/bookings`)).statusCode).toBe(403);
    expect((await as(app, mentee).get(`/api/orgs/${orgId}/exports/ratings.csv`)).statusCode).toBe(
      403,
    );
  });
});

describe('CSV exports', () => {
  const csv = async (file: string) => {
    const res = await as(app, admin).get(`/api/orgs/${orgId}/exports/${file}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(file.split('?')[0]);
    return parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
  };

  it('exports the filtered bookings, every match and every rating', async () => {
    const bookings = await csv('bookings.csv?status=completed');
    expect(bookings).toEqual([
      {
        starts_at: '2027-03-02T09:00:00.000Z',
        ends_at: '2027-03-02T10:00:00.000Z',
        status: 'completed',
        program: 'Open',
        mentor: 'Mara Mentor',
        mentee: 'Milo Mentee',
        requested_at: '2027-03-01T00:00:00.000Z',
        late_cancellation: 'no',
        price: '45.00 EUR',
        mentee_stars: '5',
        reason: '',
      },
    ]);
    expect(await csv('bookings.csv')).toHaveLength(3);
    const matches = await csv('matches.csv');
    expect(matches).toMatchObject([
      { program: 'Circle', mentor: 'Mara Mentor', mentee: 'Olga Other', ended_at: '' },
    ]);
    expect(matches[0]!.sessions_held).toBe('0');
    expect(await csv('ratings.csv')).toEqual([
      {
        session_at: '2027-03-02T09:00:00.000Z',
        program: 'Open',
        mentor: 'Mara Mentor',
        mentee: 'Milo Mentee',
        rated_by: 'mentee',
        stars: '5',
        feedback: 'Clear next steps',
        rated_at: '2027-03-02T11:00:00.000Z',
      },
    ]);
  });
});
