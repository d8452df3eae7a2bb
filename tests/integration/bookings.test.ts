import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

let orgId: string;
let programId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;

// Tuesdays 09:00–12:00 UTC, 60-minute slots.
const hours = {
  timeZone: 'UTC',
  slotLengths: [60],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 60,
  horizonDays: 180,
  weekly: [{ weekday: 2, start: '09:00', end: '12:00' }],
};

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Booking Org'));
  programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
  ).json().id;
  mentor = await addMember(app, admin, orgId, {
    name: 'Mina Mentor',
    programId,
    programRole: 'mentor',
  });
  mentee = await addMember(app, admin, orgId, {
    name: 'Mo Mentee',
    programId,
    programRole: 'mentee',
  });
  await as(app, mentor).put('/api/me/availability', hours);
});

const book = (
  who: Session,
  startsAt: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/bookings`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...headers },
    payload: {
      mentorId: mentor.userId,
      startsAt,
      lengthMinutes: 60,
      message: 'Career advice please',
      ...extra,
    },
  });

const weeklySlotStarts = async (viewer: Session, day: string) =>
  (
    await as(app, viewer).get(
      `/api/orgs/${orgId}/mentors/${mentor.userId}/slots?from=${day}T00:00:00Z&to=${day}T23:59:00Z&tz=UTC`,
    )
  )
    .json()
    .slots.filter((s: { kind: string }) => s.kind === 'weekly')
    .map((s: { viewerLocal: string }) => s.viewerLocal.slice(11, 16));

describe('requesting a booking', () => {
  it('makes a pending booking that holds its time, and the mentor approves it', async () => {
    const res = await book(mentee, '2027-03-02T09:00:00Z');
    expect(res.statusCode, res.body).toBe(201);
    const booking = res.json();
    expect(booking).toMatchObject({
      status: 'pending',
      awaiting: 'mentor',
      message: 'Career advice please',
    });
    expect(booking.expiresAt).toBe('2027-03-02T09:00:00.000Z'); // its start comes before seven days pass
    expect(await weeklySlotStarts(mentee, '2027-03-02')).toEqual(['10:00', '11:00']);

    const approved = await as(app, mentor).post(
      `/api/orgs/${orgId}/bookings/${booking.id}/approve`,
    );
    expect(approved.json().status).toBe('approved');
    const again = await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${booking.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Cannot approve a booking that is approved');

    const detail = (await as(app, mentee).get(`/api/orgs/${orgId}/bookings/${booking.id}`)).json();
    expect(
      detail.history.map((h: { action: string; toStatus: string }) => `${h.action}→${h.toStatus}`),
    ).toEqual(['request→pending', 'approve→approved']);
  });

  it('refuses a time that is not offered, and a slot already held', async () => {
    const offHours = await book(mentee, '2027-03-02T14:00:00Z');
    expect(offHours.statusCode).toBe(409);
    expect(offHours.json().error.reason).toBe('slot_taken');
    const other = await addMember(app, admin, orgId, { programId });
    expect((await book(other, '2027-03-09T10:00:00Z')).statusCode).toBe(201);
    const taken = await book(mentee, '2027-03-09T10:00:00Z');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.reason).toBe('slot_taken');
  });

  it('lets exactly one of 50 mentees racing for one slot get it', async () => {
    const racers = await Promise.all(
      Array.from({ length: 50 }, () => addMember(app, admin, orgId, { programId })),
    );
    const results = await Promise.all(racers.map((r) => book(r, '2027-03-16T11:00:00Z')));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(
      results
        .filter((r) => r.statusCode === 409)
        .every((r) => r.json().error.reason === 'slot_taken'),
    ).toBe(true);
  }, 120_000);

  it('answers a retry with the same Idempotency-Key exactly as the first time', async () => {
    const key = { 'idempotency-key': 'retry-test-0001' };
    const first = await book(mentee, '2027-03-23T09:00:00Z', {}, key);
    const retries = await Promise.all(
      [1, 2, 3].map(() => book(mentee, '2027-03-23T09:00:00Z', {}, key)),
    );
    expect(first.statusCode).toBe(201);
    expect(retries.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(retries.map((r) => r.body)).toEqual([first.body, first.body, first.body]);
    expect(retries.map((r) => r.headers['idempotent-replayed'])).toEqual(['true', 'true', 'true']);
  });

  it('allows at most 3 pending bookings with one mentor', async () => {
    const busy = await addMember(app, admin, orgId, { programId });
    for (const t of ['2027-04-06T09:00:00Z', '2027-04-06T10:00:00Z', '2027-04-06T11:00:00Z']) {
      expect((await book(busy, t)).statusCode).toBe(201);
    }
    const fourth = await book(busy, '2027-04-13T09:00:00Z');
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.reason).toBe('too_many_pending');
  });

  it('keeps the limit when six requests arrive at once', async () => {
    const eager = await addMember(app, admin, orgId, { programId });
    const times = [9, 10, 11].flatMap((h) =>
      ['2027-04-20', '2027-04-27'].map((d) => `${d}T${String(h).padStart(2, '0')}:00:00Z`),
    );
    const results = await Promise.all(times.map((t) => book(eager, t)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      expect(refused.json().error.reason).toBe('too_many_pending');
    }
  });

  it('refuses bad input naming the field, and booking yourself', async () => {
    const past = await book(mentee, '2027-02-01T09:00:00Z');
    expect(Object.keys(past.json().error.fields)).toEqual(['body.startsAt']);
    const badTime = await book(mentee, 'next tuesday');
    expect(Object.keys(badTime.json().error.fields)).toEqual(['body.startsAt']);
    const self = await book(mentor, '2027-03-30T09:00:00Z');
    expect(Object.keys(self.json().error.fields)).toEqual(['body.mentorId']);
  });
});

describe('answering a booking', () => {
  it('requires a reason to reject, and the mentee sees it', async () => {
    const b = (await book(mentee, '2027-05-04T09:00:00Z')).json();
    const noReason = await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/reject`, {
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['body.reason']);
    const rejected = await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/reject`, {
      reason: 'Outside my expertise',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: 'Outside my expertise' });
    const seen = (await as(app, mentee).get(`/api/orgs/${orgId}/bookings/${b.id}`)).json();
    expect(seen.reason).toBe('Outside my expertise');
    // The time is free again.
    expect(await weeklySlotStarts(mentee, '2027-05-04')).toContain('09:00');
  });

  it('drops a request the mentor declined from their Sessions tab; the mentee still sees it (seed 000)', async () => {
    const b = (await book(mentee, '2027-05-11T10:00:00Z')).json();
    const listed = async (who: Session) =>
      ((await as(app, who).get('/api/me/bookings')).json().bookings as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await listed(mentor)).toContain(b.id);
    const rejected = await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/reject`, {
      reason: 'Travelling that week',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await listed(mentor)).not.toContain(b.id);
    const mine = (await as(app, mentee).get('/api/me/bookings')).json().bookings as {
      id: string;
      status: string;
      reason: string;
    }[];
    expect(mine.find((x) => x.id === b.id)).toMatchObject({
      status: 'rejected',
      reason: 'Travelling that week',
    });
  });

  it('passes counter-proposals back and forth until the mentee accepts', async () => {
    const b = (await book(mentee, '2027-05-11T09:00:00Z')).json();
    const proposed = await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/propose`, {
      startsAt: '2027-05-11T11:00:00Z',
    });
    expect(proposed.json()).toMatchObject({
      status: 'pending',
      awaiting: 'mentee',
      startsAt: '2027-05-11T11:00:00.000Z',
      round: 1,
    });
    expect(
      (await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/approve`)).statusCode,
    ).toBe(409);
    const back = await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${b.id}/propose`, {
      startsAt: '2027-05-11T10:00:00Z',
    });
    expect(back.json()).toMatchObject({ awaiting: 'mentor', round: 2 });
    const again = await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/propose`, {
      startsAt: '2027-05-18T10:00:00Z',
    });
    expect(again.json().round).toBe(3);
    const accepted = await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${b.id}/accept`);
    expect(accepted.json()).toMatchObject({
      status: 'approved',
      startsAt: '2027-05-18T10:00:00.000Z',
    });
    const history = (await as(app, mentor).get(`/api/orgs/${orgId}/bookings/${b.id}`)).json()
      .history;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'request',
      'propose_time',
      'propose_time',
      'propose_time',
      'accept_proposal',
    ]);
  });

  it('lets two racing approvals produce exactly one', async () => {
    const b = (await book(mentee, '2027-05-25T09:00:00Z')).json();
    const results = await Promise.all(
      [1, 2].map(() => as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/approve`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('lets the mentee withdraw while pending, and either side cancel an approved booking with a reason', async () => {
    const b = (await book(mentee, '2027-06-01T09:00:00Z')).json();
    expect(
      (await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${b.id}/withdraw`)).json().status,
    ).toBe('withdrawn');
    const c = (await book(mentee, '2027-06-01T10:00:00Z')).json();
    await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${c.id}/approve`);
    const noReason = await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${c.id}/cancel`, {});
    expect(Object.keys(noReason.json().error.fields)).toEqual(['body.reason']);
    const cancelled = await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${c.id}/cancel`, {
      reason: 'Sick',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', reason: 'Sick' });
  });

  it('answers 404 to anyone but the two people on the booking', async () => {
    const b = (await book(mentee, '2027-06-08T09:00:00Z')).json();
    const bystander = await addMember(app, admin, orgId, { programId });
    const { admin: outsider } = await createOrgWithAdmin(app, 'Other');
    for (const who of [bystander, outsider]) {
      expect((await as(app, who).get(`/api/orgs/${orgId}/bookings/${b.id}`)).statusCode).toBe(404);
      expect(
        (await as(app, who).post(`/api/orgs/${orgId}/bookings/${b.id}/approve`)).statusCode,
      ).toBe(404);
    }
  });
});
