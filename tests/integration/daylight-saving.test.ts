import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

/*
 * New York's fall-back night, 5 November 2028: at 02:00 EDT (06:00Z) the
 * clocks go back to 01:00 EST, so 01:00–02:00 is read twice.
 */
const { app, clock } = await createTestApp();
clock.set(new Date('2028-11-01T12:00:00Z'));

let orgId: string;
let mentor: Session;
let mentee: Session;

beforeAll(async () => {
  let admin: Session;
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Clock Org'));
  const programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
  ).json().id;
  mentor = await addMember(app, admin, orgId, {
    name: 'Nia Night',
    programId,
    programRole: 'mentor',
  });
  mentee = await addMember(app, admin, orgId, {
    name: 'Ode Owl',
    programId,
    programRole: 'mentee',
  });
  const saved = await as(app, mentor).put('/api/me/availability', {
    timeZone: 'America/New_York',
    slotLengths: [60],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    horizonDays: 30,
    // Sundays 00:30–03:30 by the New York clock: four real hours on the fall-back night.
    weekly: [{ weekday: 7, start: '00:30', end: '03:30' }],
  });
  expect(saved.statusCode, saved.body).toBe(200);
});

type Listed = { start: string; end: string; viewerLocal: string; mentorLocal: string };

async function nightSlots(tz: string) {
  const res = await as(app, mentee).get(
    `/api/orgs/${orgId}/mentors/${mentor.userId}/slots?from=2028-11-05T00:00:00Z&to=2028-11-06T00:00:00Z&tz=${encodeURIComponent(tz)}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().slots as Listed[];
}

describe("New York's fall-back night (#9 item 22)", () => {
  it('offers every free hour once, 05:30–06:30Z included', async () => {
    const slots = await nightSlots('UTC');
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2028-11-05T04:30:00.000Z', '2028-11-05T05:30:00.000Z'],
      ['2028-11-05T05:30:00.000Z', '2028-11-05T06:30:00.000Z'],
      ['2028-11-05T06:30:00.000Z', '2028-11-05T07:30:00.000Z'],
      ['2028-11-05T07:30:00.000Z', '2028-11-05T08:30:00.000Z'],
    ]);
    const booked = await as(app, mentee).post(`/api/orgs/${orgId}/bookings`, {
      mentorId: mentor.userId,
      startsAt: '2028-11-05T05:30:00Z',
      lengthMinutes: 60,
      message: 'Night owl session',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect((await nightSlots('UTC')).map((s) => s.start)).not.toContain('2028-11-05T05:30:00.000Z');
  });

  it('labels each start with its UTC offset, so the repeated hour reads two ways', async () => {
    // 05:30Z (01:30 EDT) was booked above.
    const slots = await nightSlots('America/New_York');
    expect(slots.map((s) => s.viewerLocal)).toEqual([
      '2028-11-05T00:30-04:00',
      '2028-11-05T01:30-05:00',
      '2028-11-05T02:30-05:00',
    ]);
    expect(slots.map((s) => s.mentorLocal)).toEqual(slots.map((s) => s.viewerLocal));
    const inUtc = await nightSlots('UTC');
    expect(inUtc[0]).toMatchObject({
      viewerLocal: '2028-11-05T04:30+00:00',
      mentorLocal: '2028-11-05T00:30-04:00',
    });
  });
});
