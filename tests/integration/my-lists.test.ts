import { beforeAll, describe, expect, it } from 'vitest';
import { as, type Session } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

let north: BookingScenario;
let south: BookingScenario;
/** A mentee of both organisations' programs. */
let both: Session;

/** Invites `who` (already an account) into the scenario's program, and they accept. */
async function join(scenario: BookingScenario, who: Session) {
  const invite = await as(app, scenario.admin).post(`/api/orgs/${scenario.orgId}/invitations`, {
    email: who.email,
    role: 'member',
    programId: scenario.programId,
    programRole: 'mentee',
  });
  expect(invite.statusCode, invite.body).toBe(201);
  const token = new URL(invite.json().url).pathname.split('/').pop();
  const accepted = await as(app, who).post(`/api/invitations/${token}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
}

beforeAll(async () => {
  north = await createBookingScenario(app, 'North Org');
  south = await createBookingScenario(app, 'South Org');
  both = north.mentee;
  await join(south, both);
  await north.book(both, '2027-03-02T10:00:00Z');
  await south.book(both, '2027-03-03T10:00:00Z');
});

const listOf = async (who: Session, path: string) => {
  const res = await as(app, who).get(path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('my lists, one organisation at a time', () => {
  it('gives my bookings of one organisation with ?orgId=, and of all without', async () => {
    const all = await listOf(both, '/api/me/bookings');
    expect(all.bookings.map((b: { orgId: string }) => b.orgId).sort()).toEqual(
      [north.orgId, south.orgId].sort(),
    );
    const inSouth = await listOf(both, `/api/me/bookings?orgId=${south.orgId}`);
    expect(inSouth.bookings).toHaveLength(1);
    expect(inSouth.bookings[0]).toMatchObject({ orgId: south.orgId });
  });

  it("gives a mentor's pending requests of one organisation", async () => {
    const pending = await listOf(south.mentor, `/api/me/pending-bookings?orgId=${south.orgId}`);
    expect(pending.bookings).toHaveLength(1);
    const elsewhere = await listOf(south.mentor, `/api/me/pending-bookings?orgId=${north.orgId}`);
    expect(elsewhere.bookings).toEqual([]);
  });

  it('gives my sessions of one organisation', async () => {
    const created = await as(app, north.mentor).post(`/api/orgs/${north.orgId}/sessions`, {
      programId: north.programId,
      mentorId: north.mentor.userId,
      title: 'Office hours',
      date: '2027-03-04',
      startTime: '10:00',
      durationMinutes: 60,
      enrollment: 'online',
      meetingUrl: 'https://meet.example/office',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await listOf(north.mentor, `/api/me/sessions?orgId=${north.orgId}`)).sessions,
    ).toHaveLength(1);
    expect((await listOf(north.mentor, `/api/me/sessions?orgId=${south.orgId}`)).sessions).toEqual(
      [],
    );
  });

  it('names a bad orgId as query.orgId', async () => {
    const res = await as(app, both).get('/api/me/bookings?orgId=nope');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('query.orgId');
  });
});
