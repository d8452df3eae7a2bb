import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

// Issue #9 item 18: who sees matches and email addresses, and who may book.
const { app, clock } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

let orgId: string;
let matchedId: string;
let openId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let bystander: Session;
let otherMentor: Session;

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
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Privacy Org'));
  const program = async (name: string, mode: string) =>
    (await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name, mode })).json().id as string;
  matchedId = await program('Circle', 'matched');
  openId = await program('Open', 'a_la_carte');
  mentor = await addMember(app, admin, orgId, {
    name: 'Mia Mentor',
    programId: matchedId,
    programRole: 'mentor',
  });
  mentee = await addMember(app, admin, orgId, {
    name: 'Max Mentee',
    programId: matchedId,
    programRole: 'mentee',
  });
  bystander = await addMember(app, admin, orgId, {
    name: 'Bo Bystander',
    programId: openId,
    programRole: 'mentee',
  });
  otherMentor = await addMember(app, admin, orgId, {
    name: 'Oli Other',
    programId: openId,
    programRole: 'mentor',
  });
  const put = (userId: string, programId: string, role: string) =>
    as(app, admin).put(`/api/orgs/${orgId}/programs/${programId}/members/${userId}`, { role });
  // Mia mentors in both programs; Oli mentors only in the open one.
  expect((await put(mentor.userId, openId, 'mentor')).statusCode).toBe(200);
  const matched = await as(app, admin).post(`/api/orgs/${orgId}/programs/${matchedId}/matches`, {
    mentorId: mentor.userId,
    menteeId: mentee.userId,
  });
  expect(matched.statusCode, matched.body).toBe(201);
  await as(app, mentor).put('/api/me/availability', hours);
  await as(app, otherMentor).put('/api/me/availability', hours);
});

describe('a program’s matches', () => {
  const url = () => `/api/orgs/${orgId}/programs/${matchedId}/matches`;

  it('are refused to a member who is in none of them', async () => {
    const res = await as(app, bystander).get(url());
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(mentee.userId);
  });

  it('are all listed for an admin, and each matched person sees their own match', async () => {
    const all = (await as(app, admin).get(url())).json();
    expect(all.matches).toEqual([
      expect.objectContaining({ mentorId: mentor.userId, menteeId: mentee.userId }),
    ]);
    for (const person of [mentor, mentee]) {
      const res = await as(app, person).get(url());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().matches).toEqual(all.matches);
    }
  });

  it('show a matched person only the matches they are in', async () => {
    const second = await addMember(app, admin, orgId, {
      name: 'Sue Second',
      programId: matchedId,
      programRole: 'mentee',
    });
    await as(app, admin).post(url(), { mentorId: mentor.userId, menteeId: second.userId });
    const seenByMentee = (await as(app, mentee).get(url())).json().matches;
    expect(seenByMentee.map((m: { menteeId: string }) => m.menteeId)).toEqual([mentee.userId]);
    const seenByMentor = (await as(app, mentor).get(url())).json().matches;
    expect(seenByMentor.map((m: { menteeName: string }) => m.menteeName)).toEqual([
      'Max Mentee',
      'Sue Second',
    ]);
  });
});

describe('members’ email addresses', () => {
  const emailsSeenBy = async (who: Session) => {
    const res = await as(app, who).get(`/api/orgs/${orgId}/members`);
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(
      res.json().members.map((m: { userId: string; email?: string }) => [m.userId, m.email]),
    );
  };

  it('are shown to admins', async () => {
    const emails = await emailsSeenBy(admin);
    expect(emails[mentee.userId]).toBe(mentee.email);
    expect(emails[bystander.userId]).toBe(bystander.email);
  });

  it('are hidden from members, except their own', async () => {
    const emails = await emailsSeenBy(bystander);
    expect(emails[bystander.userId]).toBe(bystander.email);
    expect(emails[mentee.userId]).toBeUndefined();
    expect(emails[admin.userId]).toBeUndefined();
    const res = await as(app, bystander).get(`/api/orgs/${orgId}/members?q=max`);
    expect(res.body).not.toContain(mentee.email);
  });
});

describe('booking in an à-la-carte program', () => {
  const book = (who: Session, mentorId: string, startsAt: string) =>
    as(app, who).post(`/api/orgs/${orgId}/bookings`, {
      mentorId,
      startsAt,
      lengthMinutes: 60,
      message: 'Hello',
    });

  it('is refused to a mentor who is not a mentee there', async () => {
    const res = await book(mentor, otherMentor.userId, '2027-03-02T09:00:00Z');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('not_a_mentee');
    const mine = (await as(app, otherMentor).get(`/api/orgs/${orgId}/bookings`)).json();
    expect(JSON.stringify(mine)).not.toContain(mentor.userId);
  });

  it('is refused for a seat in a session to a mentor who is not a mentee there', async () => {
    const session = await as(app, otherMentor).post(`/api/orgs/${orgId}/sessions`, {
      programId: openId,
      mentorId: otherMentor.userId,
      date: '2027-03-10',
      startTime: '15:00',
      timeZone: 'UTC',
      durationMinutes: 60,
      enrollment: 'online',
      meetingUrl: 'https://meet.example.test/room',
      capacity: 5,
      publish: true,
    });
    expect(session.statusCode, session.body).toBe(201);
    const res = await as(app, mentor).post(`/api/orgs/${orgId}/bookings`, {
      mentorId: otherMentor.userId,
      sessionId: session.json().id,
      message: 'A seat please',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('not_a_mentee');
    const seat = await as(app, bystander).post(`/api/orgs/${orgId}/bookings`, {
      mentorId: otherMentor.userId,
      sessionId: session.json().id,
      message: 'A seat please',
    });
    expect(seat.statusCode, seat.body).toBe(201);
  });

  it('is open to the program’s mentees', async () => {
    const res = await book(bystander, otherMentor.userId, '2027-03-02T10:00:00Z');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().programId).toBe(openId);
  });
});
