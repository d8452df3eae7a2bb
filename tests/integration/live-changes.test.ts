import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceChange } from '../../src/db/queries/live-events.ts';
import { addMember, as, type Session } from '../factories.ts';
import {
  type BookingScenario,
  createBookingScenario,
  createPaidSessionType,
} from '../support/booking-scenario.ts';
import { openEventStream, type StreamEvent } from '../support/demo-client.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Every change announces, when it commits, which resources it made stale and
 * for whom (issue #10): the people of a booking, request or match; everyone
 * in the organisation for a mentor's free times; nobody else, and nothing for
 * a change that was refused.
 */
const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

let base: string;
let north: BookingScenario;
let south: BookingScenario;
/** A member of North who takes no part in its bookings. */
let bystander: Session;
type Stream = Awaited<ReturnType<typeof openEventStream>>;
const open: Stream[] = [];

async function listen(who: Session) {
  const stream = await openEventStream(base, who);
  open.push(stream);
  await stream.next((e) => e.type === 'ready', 5_000);
  return stream;
}

const changeOf =
  (resource: string, extra: Record<string, unknown> = {}) =>
  (e: StreamEvent) =>
    Array.isArray(e.data.resources) &&
    e.data.resources.includes(resource) &&
    Object.entries(extra).every(([k, v]) => e.data[k] === v);

beforeAll(async () => {
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  north = await createBookingScenario(app, 'North Org');
  south = await createBookingScenario(app, 'South Org');
  bystander = await addMember(app, north.admin, north.orgId, {
    name: 'Bea Bystander',
    programId: north.programId,
    programRole: 'mentee',
  });
});

afterAll(() => {
  for (const stream of open) stream.close();
});

describe('live changes', () => {
  it('a booking tells both people which lists changed, and the organisation only that times did', async () => {
    const mentor = await listen(north.mentor);
    const mentee = await listen(north.mentee);
    const other = await listen(bystander);
    const elsewhere = await listen(south.mentee);
    const id = await north.book(north.mentee, '2027-03-02T10:00:00Z');

    const forMentor = await mentor.next(changeOf('bookings'), 5_000);
    expect(forMentor).toMatchObject({
      type: 'change',
      data: { orgId: north.orgId, bookingId: id, mentorId: north.mentor.userId },
    });
    // Events say what changed, never the data, nor who hears them.
    expect(Object.keys(forMentor.data).sort()).toEqual(
      ['bookingId', 'mentorId', 'orgId', 'resources'].sort(),
    );
    await mentee.next(changeOf('bookings', { bookingId: id }), 5_000);
    // A bystander in the organisation hears that the mentor's times changed, not of the booking.
    const times = await other.next(changeOf('slots'), 5_000);
    expect(times.data).toEqual({
      resources: ['slots'],
      orgId: north.orgId,
      mentorId: north.mentor.userId,
    });
    expect(other.events.some(changeOf('bookings'))).toBe(false);

    // The approval reaches the mentee and the organisation; a refused second approval announces nothing.
    await north.act(north.mentor, id, 'approve');
    await mentee.next(changeOf('bookings', { bookingId: id }), 5_000);
    await other.next(changeOf('slots'), 5_000);
    const twice = await as(app, north.mentor).post(
      `/api/orgs/${north.orgId}/bookings/${id}/approve`,
      {},
    );
    expect(twice.statusCode).toBe(409);
    // A later change is the next thing the bystander hears: nothing came between.
    const hello = await as(app, north.mentee).post(`/api/orgs/${north.orgId}/threads`, {
      toUserId: bystander.userId,
      body: 'Hello Bea',
    });
    expect(hello.statusCode, hello.body).toBe(201);
    const next = await other.next((e) => e.type !== 'notification', 5_000);
    expect(next.data.resources).toContain('message-requests');

    // Another organisation's member heard nothing of North; their own organisation's change arrives.
    await south.book(south.mentee, '2027-03-03T10:00:00Z');
    const first = await elsewhere.next((e) => e.type !== 'notification', 5_000);
    expect(first.data.orgId).toBe(south.orgId);
  });

  it('a mentor changing their hours tells everyone in their organisations', async () => {
    const other = await listen(bystander);
    const elsewhere = await listen(south.mentee);
    const hours = await as(app, north.mentor).put('/api/me/availability/overrides/2027-03-09', {
      ranges: [],
    });
    expect(hours.statusCode, hours.body).toBeLessThan(300);
    await other.next(changeOf('slots', { mentorId: north.mentor.userId }), 5_000);
    // South's mentee shares no organisation with North's mentor.
    await as(app, south.mentor).put('/api/me/availability/overrides/2027-03-09', { ranges: [] });
    const first = await elsewhere.next(changeOf('slots'), 5_000);
    expect(first.data.mentorId).toBe(south.mentor.userId);
  });

  it('requests, connections and matches reach their people; a dismissal stays silent', async () => {
    const mentor = await listen(north.mentor);
    const mentee = await listen(north.mentee);
    const offer = await as(app, north.mentor).post(`/api/orgs/${north.orgId}/mentorship-requests`, {
      kind: 'offer',
      toUserId: north.mentee.userId,
      message: 'I can help',
    });
    expect(offer.statusCode, offer.body).toBe(201);
    await mentee.next(changeOf('mentorship-requests'), 5_000);
    await mentor.next(changeOf('mentorship-requests'), 5_000);
    const dismissed = await as(app, north.mentee).post(
      `/api/orgs/${north.orgId}/mentorship-requests/${offer.json().id}/dismiss`,
    );
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    await mentee.next(changeOf('mentorship-requests'), 5_000);
    // The mentor hears nothing of it: the next thing they hear is the mentee's message.
    const note = await as(app, north.mentee).post(`/api/orgs/${north.orgId}/threads`, {
      toUserId: north.mentor.userId,
      body: 'Thanks anyway',
    });
    expect(note.statusCode, note.body).toBe(201);
    const heard = await mentor.next((e) => e.type === 'change', 5_000);
    expect(heard.data.resources).toContain('message-requests');

    // A message request: the receiver's list changes; accepting connects both.
    const first = await as(app, north.admin).post(`/api/orgs/${north.orgId}/threads`, {
      toUserId: bystander.userId,
      body: 'Hello Bea',
    });
    expect(first.statusCode, first.body).toBe(201);
    const bea = await listen(bystander);
    const requests = (
      await as(app, bystander).get(`/api/orgs/${north.orgId}/message-requests`)
    ).json();
    const request = requests.received.find(
      (r: { threadId: string }) => r.threadId === first.json().threadId,
    );
    const accepted = await as(app, bystander).post(
      `/api/orgs/${north.orgId}/message-requests/${request.id}/accept`,
    );
    expect(accepted.statusCode, accepted.body).toBe(204);
    await bea.next(changeOf('connections'), 5_000);

    // An admin pairs two people in a matched program: both Matches tabs change.
    const matched = (
      await as(app, north.admin).post(`/api/orgs/${north.orgId}/programs`, {
        name: 'Circle',
        mode: 'matched',
      })
    ).json().id as string;
    const [mat, meg] = await Promise.all(
      (['mentor', 'mentee'] as const).map((programRole, i) =>
        addMember(app, north.admin, north.orgId, {
          name: `Matched ${i}`,
          programId: matched,
          programRole,
        }),
      ),
    );
    const megStream = await listen(meg!);
    const match = await as(app, north.admin).post(
      `/api/orgs/${north.orgId}/programs/${matched}/matches`,
      { mentorId: mat!.userId, menteeId: meg!.userId },
    );
    expect(match.statusCode, match.body).toBe(201);
    await megStream.next(changeOf('matches', { orgId: north.orgId }), 5_000);
  });

  it('reaches the last of a thousand people (more than one NOTIFY payload can hold)', async () => {
    const last = await listen(bystander);
    const userIds = [...Array.from({ length: 999 }, () => randomUUID()), bystander.userId];
    await database.db.transaction((tx) =>
      announceChange(tx, { type: 'change', resources: ['sessions'], orgId: north.orgId, userIds }),
    );
    await last.next(changeOf('sessions', { orgId: north.orgId }), 5_000);
  });

  it("a refund after a rejection is announced too: the card's payment state changes after the decision", async () => {
    const paid = await createPaidSessionType(app, north.mentor);
    const booked = await as(app, north.mentee).post(`/api/orgs/${north.orgId}/bookings`, {
      mentorId: north.mentor.userId,
      startsAt: '2027-03-04T14:00:00Z',
      sessionTypeId: paid,
      message: 'Paid hour',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const id = booked.json().id as string;
    const mentee = await listen(north.mentee);
    await north.act(north.mentor, id, 'reject', { reason: 'Away' });
    // The decision, then the refund that follows it outside the transaction.
    await mentee.next(changeOf('bookings', { bookingId: id }), 5_000);
    await mentee.next(changeOf('bookings', { bookingId: id }), 5_000);
    const card = (
      await as(app, north.mentee).get(`/api/orgs/${north.orgId}/bookings/${id}`)
    ).json();
    expect(card.status).toBe('rejected');
    expect(JSON.stringify(card)).toContain('refund');
  });
});
