import { beforeAll, describe, expect, it } from 'vitest';
import { createServiceContext } from '../../src/services/context.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday
const workerCtx = createServiceContext(database.db, { now: clock.now });

let orgId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let otherMentee: Session;
let matchedMentor: Session;
let matchedMentee: Session;
let unmatchedMentee: Session;
let openProgram: string;
let matchedProgram: string;

const hours = {
  timeZone: 'UTC',
  slotLengths: [60],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 60,
  horizonDays: 180,
  weekly: [{ weekday: 2, start: '09:00', end: '17:00' }],
};

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Requests Org'));
  const program = async (name: string, mode: string) =>
    (await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name, mode })).json().id as string;
  openProgram = await program('Open', 'a_la_carte');
  matchedProgram = await program('Circle', 'matched');
  const join = (name: string, programId: string, programRole: 'mentor' | 'mentee') =>
    addMember(app, admin, orgId, { name, programId, programRole });
  mentor = await join('Mia Mentor', openProgram, 'mentor');
  mentee = await join('Max Mentee', openProgram, 'mentee');
  otherMentee = await join('Ola Other', openProgram, 'mentee');
  matchedMentor = await join('Mat Mentor', matchedProgram, 'mentor');
  matchedMentee = await join('Meg Matched', matchedProgram, 'mentee');
  unmatchedMentee = await join('Una Unmatched', matchedProgram, 'mentee');
  await as(app, admin).post(`/api/orgs/${orgId}/programs/${matchedProgram}/matches`, {
    mentorId: matchedMentor.userId,
    menteeId: matchedMentee.userId,
  });
  await as(app, mentor).put('/api/me/availability', hours);
});

const send = (from: Session, kind: 'offer' | 'session_request', to: Session, message = 'Hello') =>
  as(app, from).post(`/api/orgs/${orgId}/mentorship-requests`, {
    kind,
    toUserId: to.userId,
    message,
  });
const boxes = async (who: Session) =>
  (await as(app, who).get(`/api/orgs/${orgId}/mentorship-requests`)).json() as {
    received: { id: string; status: string; kind: string; other: { name: string } }[];
    sent: { id: string; status: string; kind: string }[];
  };
const statusIn = async (who: Session, box: 'received' | 'sent', id: string) =>
  (await boxes(who))[box].find((r) => r.id === id)?.status;

describe('mentorship requests (seed 001)', () => {
  it('an offer shows Pending in both lists; a dismissal is silent; a session request back accepts it', async () => {
    const offer = await send(mentor, 'offer', mentee, 'I can help with interviews');
    expect(offer.statusCode, offer.body).toBe(201);
    expect(offer.json()).toMatchObject({ kind: 'offer', box: 'sent', status: 'pending' });
    const id = offer.json().id;
    expect((await boxes(mentee)).received).toContainEqual(
      expect.objectContaining({
        id,
        status: 'pending',
        other: expect.objectContaining({ name: 'Mia Mentor' }),
      }),
    );

    const dismissed = await as(app, mentee).post(
      `/api/orgs/${orgId}/mentorship-requests/${id}/dismiss`,
    );
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(await statusIn(mentee, 'received', id)).toBe('dismissed');
    // The sender is not told: their API view still says Pending.
    expect(await statusIn(mentor, 'sent', id)).toBe('pending');

    const asked = await send(mentee, 'session_request', mentor, 'Could we talk about interviews?');
    expect(asked.statusCode, asked.body).toBe(201);
    expect(await statusIn(mentee, 'received', id)).toBe('accepted');
    expect(await statusIn(mentor, 'sent', id)).toBe('accepted');
    // The session request itself waits for the mentor to book.
    expect(await statusIn(mentor, 'received', asked.json().id)).toBe('pending');
  });

  it('several offers to one person are allowed; booking on the sender’s profile accepts them all', async () => {
    const first = (await send(mentor, 'offer', otherMentee)).json().id;
    const second = (await send(mentor, 'offer', otherMentee)).json().id;
    await as(app, otherMentee).post(`/api/orgs/${orgId}/mentorship-requests/${first}/dismiss`);
    const booking = await as(app, otherMentee).post(`/api/orgs/${orgId}/bookings`, {
      mentorId: mentor.userId,
      startsAt: '2027-03-02T10:00:00Z',
      lengthMinutes: 60,
      message: 'Booked from your profile',
    });
    expect(booking.statusCode, booking.body).toBe(201);
    expect(await statusIn(otherMentee, 'received', first)).toBe('accepted');
    expect(await statusIn(otherMentee, 'received', second)).toBe('accepted');
  });

  it('a session request becomes Accepted when the mentor approves the mentee’s booking', async () => {
    const asked = (await send(otherMentee, 'session_request', mentor)).json().id;
    const booking = (
      await as(app, otherMentee).post(`/api/orgs/${orgId}/bookings`, {
        mentorId: mentor.userId,
        startsAt: '2027-03-02T13:00:00Z',
        lengthMinutes: 60,
      })
    ).json();
    // Booking it themselves does not accept their own request…
    expect(await statusIn(otherMentee, 'sent', asked)).toBe('pending');
    await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${booking.id}/approve`);
    // …the mentor booking them does.
    expect(await statusIn(otherMentee, 'sent', asked)).toBe('accepted');
  });

  it('a session request becomes Accepted when the mentor creates a session with the mentee directly', async () => {
    const asked = (await send(mentee, 'session_request', mentor, 'Another one')).json().id;
    const created = await as(app, mentor).post(`/api/orgs/${orgId}/sessions`, {
      programId: openProgram,
      mentorId: mentor.userId,
      menteeId: mentee.userId,
      title: 'Interview practice',
      date: '2027-03-09',
      startTime: '15:00',
      durationMinutes: 60,
      timeZone: 'UTC',
      enrollment: 'online',
      meetingUrl: 'https://meet.example.test/interviews',
      groupIds: [],
      publish: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await statusIn(mentee, 'sent', asked)).toBe('accepted');
  });

  it('the sender withdraws a pending request; it leaves the receiver’s list', async () => {
    const id = (await send(mentor, 'offer', mentee, 'Still keen?')).json().id;
    const withdrawn = await as(app, mentor).post(
      `/api/orgs/${orgId}/mentorship-requests/${id}/withdraw`,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await boxes(mentee)).received.map((r) => r.id)).not.toContain(id);
    const again = await as(app, mentor).post(
      `/api/orgs/${orgId}/mentorship-requests/${id}/withdraw`,
    );
    expect(again.statusCode).toBe(409);
    // Only the receiver dismisses; only the sender withdraws.
    const other = (await send(mentor, 'offer', mentee)).json().id;
    expect(
      (await as(app, mentor).post(`/api/orgs/${orgId}/mentorship-requests/${other}/dismiss`))
        .statusCode,
    ).toBe(403);
    expect(
      (await as(app, mentee).post(`/api/orgs/${orgId}/mentorship-requests/${other}/withdraw`))
        .statusCode,
    ).toBe(403);
  });

  it('the receiver is notified; a suggestion arrives as a notification with a link', async () => {
    const suggested = await as(app, admin).post(`/api/orgs/${orgId}/suggestions`, {
      toUserId: mentee.userId,
      suggestedUserId: mentor.userId,
      note: 'Mia is great at interviews',
    });
    expect(suggested.statusCode, suggested.body).toBe(204);
    while ((await deliverNotifications(workerCtx)) > 0);
    const { notifications } = (await as(app, mentee).get('/api/me/notifications')).json();
    expect(notifications).toContainEqual(
      expect.objectContaining({
        title: 'Alex Admin suggests Mia Mentor as a mentor for you',
        link: `/o/${orgId}/people/${mentor.userId}`,
      }),
    );
    expect(notifications).toContainEqual(
      expect.objectContaining({ title: 'Mia Mentor sent you an offer to mentor' }),
    );
  });
});

describe('who may send what', () => {
  it('refuses the wrong direction, oneself, outsiders, and unmatched pairs in a matched program', async () => {
    expect((await send(mentee, 'offer', mentor)).statusCode).toBe(403);
    const self = await send(mentor, 'offer', mentor);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields).toEqual({ 'body.toUserId': expect.any(String) });
    expect(
      (await send(unmatchedMentee, 'session_request', matchedMentor)).json().error.reason,
    ).toBe('not_reachable');
    expect((await send(matchedMentee, 'session_request', matchedMentor)).statusCode).toBe(201);
    const { admin: outsider } = await createOrgWithAdmin(app, 'Elsewhere');
    expect((await send(outsider, 'session_request', mentor)).statusCode).toBe(404);
    const list = await as(app, outsider).get(`/api/orgs/${orgId}/mentorship-requests`);
    expect(list.statusCode).toBe(404);
  });

  it('a profile offers exactly the requests the server would accept', async () => {
    const offered = async (viewer: Session, member: Session) => {
      const res = await as(app, viewer).get(`/api/orgs/${orgId}/members/${member.userId}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().requestKinds as string[];
    };
    const pairs: [Session, Session][] = [
      [mentor, mentee],
      [mentee, mentor],
      [mentee, otherMentee],
      [mentor, mentor],
      [matchedMentee, matchedMentor],
      [unmatchedMentee, matchedMentor],
      [matchedMentor, unmatchedMentee],
    ];
    for (const [viewer, member] of pairs) {
      const kinds = await offered(viewer, member);
      // Each kind shown is one the server takes; each kind not shown it refuses.
      for (const kind of ['offer', 'session_request'] as const) {
        if (viewer === member) continue;
        const sent = await send(viewer, kind, member);
        expect(sent.statusCode === 201, `${kind}: ${sent.body}`).toBe(kinds.includes(kind));
      }
    }
    expect(await offered(mentor, mentee)).toEqual(['offer']);
    expect(await offered(mentee, mentor)).toEqual(['session_request']);
    expect(await offered(unmatchedMentee, matchedMentor)).toEqual([]);
    expect(await offered(mentor, mentor)).toEqual([]);
  });

  it('names the field on bad input and limits floods', async () => {
    const bad = await as(app, mentee).post(`/api/orgs/${orgId}/mentorship-requests`, {
      kind: 'hug',
      toUserId: 'nobody',
      message: 'x'.repeat(2001),
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      'body.kind',
      'body.message',
      'body.toUserId',
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await send(matchedMentee, 'session_request', matchedMentor)).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses[0]).toBe(201);
  });

  it('holds the flood limit when requests arrive at once', async () => {
    const eager = await addMember(app, admin, orgId, {
      name: 'Eve Eager',
      programId: openProgram,
      programRole: 'mentee',
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => send(eager, 'session_request', mentor)),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(3);
  });

  it('a stranger cannot dismiss or withdraw someone else’s request', async () => {
    const id = (await send(mentor, 'offer', mentee)).json().id;
    for (const action of ['dismiss', 'withdraw']) {
      const res = await as(app, otherMentee).post(
        `/api/orgs/${orgId}/mentorship-requests/${id}/${action}`,
      );
      expect(res.statusCode).toBe(404);
    }
  });
});
