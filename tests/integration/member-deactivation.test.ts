import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '../../src/db/schema.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { addMember, as, PASSWORD, type Session, signIn } from '../factories.ts';
import { createBookingScenario, createPaidSessionType } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock, ctx: jobsCtx, database } = await createTestApp();
const start = new Date('2027-03-01T00:00:00Z'); // a Monday
clock.set(start);

let orgId: string;
let programId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let paidType: string;

beforeAll(async () => {
  ({ admin, orgId, programId, mentor, mentee } = await createBookingScenario(app, 'Leavers Org'));
  paidType = await createPaidSessionType(app, mentor);
});

const book = async (who: Session, startsAt: string) => {
  const res = await as(app, who).post(`/api/orgs/${orgId}/bookings`, {
    mentorId: mentor.userId,
    startsAt,
    sessionTypeId: paidType,
    message: 'Hello',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const act = async (who: Session, id: string, action: string, body = {}) => {
  const res = await as(app, who).post(`/api/orgs/${orgId}/bookings/${id}/${action}`, body);
  expect(res.statusCode, res.body).toBe(200);
};
const bookingOf = async (who: Session, id: string) =>
  (await as(app, who).get(`/api/orgs/${orgId}/bookings/${id}`)).json();
const ledger = (bookingId: string) =>
  database.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.bookingId, bookingId))
    .then((rows) => rows.map((r) => `${r.kind}:${r.amountMinor}`).sort());
const titlesFor = async (who: Session) => {
  while ((await deliverNotifications(jobsCtx)) > 0);
  const list = (await as(app, who).get('/api/me/notifications')).json();
  return list.notifications.map((n: { title: string; body: string }) => `${n.title} | ${n.body}`);
};
const deactivate = (
  userId: string,
  body: Record<string, unknown> = { reason: 'Left the company' },
) => as(app, admin).post(`/api/orgs/${orgId}/members/${userId}/deactivate`, body);

describe('deactivating a mentee', () => {
  it('closes their open bookings with refunds and notices, keeps the past, and keeps them out until reactivated', async () => {
    const mila = await addMember(app, admin, orgId, {
      name: 'Mila Leaving',
      programId,
      programRole: 'mentee',
    });
    const { email } = mila;
    const pending = await book(mila, '2027-03-03T09:00:00Z');
    const past = await book(mila, '2027-03-02T10:00:00Z');
    await act(mentor, past, 'approve');
    clock.set(new Date('2027-03-02T12:00:00Z'));
    try {
      const res = await deactivate(mila.userId);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        userId: mila.userId,
        bookingsRejected: 1,
        bookingsCancelled: 0,
        sessionsCancelled: 0,
      });
      expect((await bookingOf(mentor, pending)).status).toBe('rejected');
      expect((await bookingOf(mentor, pending)).reason).toBe(
        'No longer taking part: Left the company',
      );
      expect(await ledger(pending)).toEqual(['hold:4500', 'refund:4500']);
      // What took place stays as it was.
      expect((await bookingOf(mentor, past)).status).toBe('approved');
      expect(await titlesFor(mentor)).toContain(
        'The request from Mila Leaving for Wed 3 Mar, 09:00 (London time) was closed by the organisation | Reason: No longer taking part: Left the company',
      );
    } finally {
      clock.set(start);
    }

    // Out of the organisation: no sign-in, the old session ends, hidden from members.
    expect((await as(app, mila).get(`/api/orgs/${orgId}`)).statusCode).toBe(401);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe('deactivated');
    const listed = (await as(app, mentor).get(`/api/orgs/${orgId}/members?q=Mila`)).json();
    expect(listed.members).toEqual([]);
    const forAdmin = (
      await as(app, admin).get(`/api/orgs/${orgId}/members?status=deactivated&limit=50`)
    ).json();
    expect(forAdmin.members.map((m: { name: string }) => m.name)).toEqual(['Mila Leaving']);
    expect(forAdmin.members[0].deactivatedAt).toBe('2027-03-02T12:00:00.000Z');
    const audit = (
      await as(app, admin).get(`/api/orgs/${orgId}/audit?action=member.deactivated`)
    ).json();
    expect(audit.events[0]).toMatchObject({
      actorId: admin.userId,
      subjectId: mila.userId,
      details: { reason: 'Left the company', bookingsRejected: 1 },
    });

    // Deactivating again changes nothing; reactivating lets them back, the closed stays closed.
    expect((await deactivate(mila.userId)).json().bookingsRejected).toBe(0);
    const back = await as(app, admin).post(`/api/orgs/${orgId}/members/${mila.userId}/reactivate`, {
      reason: 'Rejoined',
    });
    expect(back.statusCode, back.body).toBe(200);
    const again = await signIn(app, email);
    expect((await as(app, again).get(`/api/orgs/${orgId}`)).statusCode).toBe(200);
    expect((await bookingOf(again, pending)).status).toBe('rejected');
  });

  it('cancels an approved session to come with a full refund, even inside the late window', async () => {
    const leo = await addMember(app, admin, orgId, {
      name: 'Leo Leaving',
      programId,
      programRole: 'mentee',
    });
    const soon = await book(leo, '2027-03-01T14:00:00Z'); // 14 h ahead, inside the 24 h window
    await act(mentor, soon, 'approve');
    const res = await deactivate(leo.userId);
    expect(res.json()).toMatchObject({ bookingsRejected: 0, bookingsCancelled: 1 });
    expect(await bookingOf(mentor, soon)).toMatchObject({
      status: 'cancelled',
      payment: 'refunded',
    });
    expect(await ledger(soon)).toEqual(['capture:4500', 'hold:4500', 'refund:4500']);
    const titles = await titlesFor(mentor);
    expect(
      titles.some((t: string) =>
        t.startsWith(
          `Your session with Leo Leaving on Mon 1 Mar, 14:00 (London time) was cancelled by the organisation`,
        ),
      ),
    ).toBe(true);
  });
});

describe('deactivating a mentor', () => {
  it('cancels their sessions and bookings to come and takes them out of the directory', async () => {
    const {
      admin: boss,
      orgId: org,
      programId: program,
      mentor: kim,
      mentee: noa,
    } = await createBookingScenario(app, 'Mentor Leaves Org');
    const seat = await as(app, kim).post(`/api/orgs/${org}/sessions`, {
      programId: program,
      mentorId: kim.userId,
      title: 'Group Q&A',
      date: '2027-03-18',
      startTime: '12:00',
      timeZone: 'UTC',
      durationMinutes: 60,
      enrollment: 'online',
      meetingUrl: 'https://meet.example/qa',
      capacity: 3,
      publish: true,
    });
    expect(seat.statusCode, seat.body).toBe(201);
    const inSession = await as(app, noa).post(`/api/orgs/${org}/bookings`, {
      mentorId: kim.userId,
      sessionId: seat.json().id,
    });
    expect(inSession.statusCode, inSession.body).toBe(201);
    const hour = await as(app, noa).post(`/api/orgs/${org}/bookings`, {
      mentorId: kim.userId,
      startsAt: '2027-03-04T09:00:00Z',
      lengthMinutes: 60,
    });
    expect(hour.statusCode, hour.body).toBe(201);

    const asked = await as(app, noa).post(`/api/orgs/${org}/mentorship-requests`, {
      kind: 'session_request',
      toUserId: kim.userId,
      message: 'Could we meet monthly?',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const res = await as(app, boss).post(`/api/orgs/${org}/members/${kim.userId}/deactivate`, {
      reason: 'On leave',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sessionsCancelled: 1, bookingsRejected: 2 });
    const session = (await as(app, boss).get(`/api/orgs/${org}/sessions/${seat.json().id}`)).json();
    expect(session.status).toBe('cancelled');
    const mine = (await as(app, noa).get(`/api/orgs/${org}/bookings/${hour.json().id}`)).json();
    expect(mine).toMatchObject({ status: 'rejected', reason: 'No longer taking part: On leave' });
    expect(await titlesFor(noa)).toContain(
      'Your request to Mara Mentor for Thu 4 Mar, 09:00 (London time) was closed by the organisation | Reason: No longer taking part: On leave',
    );
    // Her request to Kim is withdrawn: nobody is left waiting for an answer.
    const sent = (await as(app, noa).get(`/api/orgs/${org}/mentorship-requests`)).json();
    expect(sent.sent.map((r: { status: string }) => r.status)).toEqual(['withdrawn']);
    const directory = (await as(app, noa).get(`/api/orgs/${org}/mentors`)).json();
    expect(directory.mentors).toEqual([]);
    const refused = await as(app, noa).post(`/api/orgs/${org}/bookings`, {
      mentorId: kim.userId,
      startsAt: '2027-03-05T09:00:00Z',
      lengthMinutes: 60,
    });
    expect(refused.statusCode).toBe(404);
  });
});

describe('refusals', () => {
  it('names a missing reason, refuses yourself and non-admins, and keeps the last admin', async () => {
    const missing = await deactivate(mentee.userId, {});
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['body.reason']);
    const self = await deactivate(admin.userId);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.reason).toBe('self');
    const byMember = await as(app, mentor).post(
      `/api/orgs/${orgId}/members/${mentee.userId}/deactivate`,
      { reason: 'No' },
    );
    expect(byMember.statusCode).toBe(403);
    expect((await bookingOf(mentee, await book(mentee, '2027-03-05T09:00:00Z'))).status).toBe(
      'pending',
    );
  });
});
