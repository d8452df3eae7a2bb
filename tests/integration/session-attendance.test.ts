import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { as } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { calendarPart, readInvitation } from '../support/read-invitation.ts';
import { startSmtpWorker } from '../support/smtp.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #12: a mentee added directly to a session behaves like a booking's
 * mentee — leaves with a reason (the mentor told why, the mentee's calendar
 * cancelled), says whether it took place, rates it after the end; once each.
 */
const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-05-03T08:00:00Z')); // a Monday
const { smtp, runWorker } = await startSmtpWorker(database, clock);

let s: BookingScenario;
beforeAll(async () => {
  s = await createBookingScenario(app, 'Attendance Org');
});

const sessions = () => `/api/orgs/${s.orgId}/sessions`;
async function sessionWithMentee(date: string, startTime: string) {
  const res = await as(app, s.mentor).post(sessions(), {
    programId: s.programId,
    mentorId: s.mentor.userId,
    menteeId: s.mentee.userId,
    title: 'Portfolio review',
    date,
    startTime,
    timeZone: 'UTC',
    durationMinutes: 60,
    enrollment: 'online',
    meetingUrl: 'https://meet.example.com/portfolio',
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const step = (who = s.mentee, id: string, path: string, body: Record<string, unknown>) =>
  as(app, who).post(`${sessions()}/${id}/${path}`, body);
const titles = async (who = s.mentor) =>
  (
    (await as(app, who).get('/api/me/notifications')).json().notifications as { title: string }[]
  ).map((n) => n.title);

describe('a mentee added directly to a session', () => {
  it('leaves it before the start with a reason: the mentor is told why, the mentee’s calendar cancels it', async () => {
    const id = await sessionWithMentee('2027-05-04', '10:00');
    await runWorker(true);
    const before = smtp.received.length;
    expect((await step(s.mentee, id, 'leave', {})).json()).toMatchObject({
      error: { fields: { 'body.reason': expect.any(String) } },
    });
    // Only the mentee leaves, and only a session they are in.
    expect((await step(s.mentor, id, 'leave', { reason: 'x' })).statusCode).toBe(404);
    const left = await step(s.mentee, id, 'leave', { reason: 'My exam moved to that morning' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().enrolled).toEqual([]);
    expect((await step(s.mentee, id, 'leave', { reason: 'again' })).statusCode).toBe(404);
    await runWorker(true);
    expect(await titles()).toContainEqual('Milo Mentee left “Portfolio review”');
    const mails = await Promise.all(
      smtp.received.slice(before).map(async (m) => ({ to: m.to, mail: await simpleParser(m.raw) })),
    );
    const toMentee = mails.find((m) => m.to.includes(s.mentee.email));
    expect(readInvitation(calendarPart(toMentee!.mail) ?? '')).toMatchObject({
      method: 'CANCEL',
      uid: `session-${id}@confer`,
    });
    // The mentor organises the event: their email carries no invitation.
    const toMentor = mails.find((m) => m.to.includes(s.mentor.email));
    expect(toMentor?.mail.text).toContain('My exam moved to that morning');
    expect(calendarPart(toMentor!.mail)).toBeNull();
    const audit = (await as(app, s.admin).get(`/api/orgs/${s.orgId}/audit`)).json().events as {
      action: string;
      subjectId: string;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'session.left', subjectId: id }),
    );
  });

  it('says after the start whether it took place, once; rates after the end, once; the rating is the mentee’s own to see', async () => {
    clock.set(new Date('2027-05-10T08:00:00Z'));
    const id = await sessionWithMentee('2027-05-10', '10:00');
    const early = await step(s.mentee, id, 'attendance', { outcome: 'attended' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.reason).toBe('not_started');
    clock.set(new Date('2027-05-10T10:05:00Z'));
    expect((await step(s.mentee, id, 'leave', { reason: 'late' })).json().error.reason).toBe(
      'started',
    );
    const held = await step(s.mentee, id, 'attendance', { outcome: 'attended' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().enrolled[0]).toMatchObject({ outcome: 'attended', rating: null });
    // Once: the mentor cannot say otherwise afterwards.
    const again = await step(s.mentor, id, 'attendance', {
      outcome: 'no_show',
      menteeId: s.mentee.userId,
    });
    expect(again.json().error.reason).toBe('already_recorded');
    expect((await step(s.mentee, id, 'rating', { stars: 5 })).json().error.reason).toBe('not_over');

    clock.set(new Date('2027-05-10T11:01:00Z'));
    expect((await step(s.mentee, id, 'rating', { stars: 6 })).json()).toMatchObject({
      error: { fields: { 'body.stars': expect.any(String) } },
    });
    const rated = await step(s.mentee, id, 'rating', { stars: 4, feedback: 'Sharp advice' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().enrolled[0].rating).toEqual({ stars: 4, feedback: 'Sharp advice' });
    expect((await step(s.mentee, id, 'rating', { stars: 1 })).json().error.reason).toBe(
      'already_rated',
    );
    const mentorView = (await as(app, s.mentor).get(`${sessions()}/${id}`)).json();
    expect(mentorView.enrolled[0]).toMatchObject({ outcome: 'attended', rating: null });
    await runWorker(true);
    expect(await titles()).toContainEqual('Milo Mentee rated “Portfolio review”');
  });

  it('a mentor records a mentee who did not come; that session cannot be rated', async () => {
    clock.set(new Date('2027-05-11T08:00:00Z'));
    const id = await sessionWithMentee('2027-05-11', '10:00');
    clock.set(new Date('2027-05-11T11:30:00Z'));
    const absent = await step(s.mentor, id, 'attendance', {
      outcome: 'no_show',
      menteeId: s.mentee.userId,
    });
    expect(absent.statusCode, absent.body).toBe(200);
    expect(absent.json().enrolled[0].outcome).toBe('no_show_mentee');
    expect((await step(s.mentee, id, 'rating', { stars: 3 })).json().error.reason).toBe('no_show');
    await runWorker(true);
    expect(await titles(s.mentee)).toContainEqual(
      'You were recorded as not attending “Portfolio review”',
    );
  });

  it('has calendar links and a conversation with the mentor, opened without a message request', async () => {
    clock.set(new Date('2027-05-12T08:00:00Z'));
    const id = await sessionWithMentee('2027-05-13', '09:00');
    const view = (await as(app, s.mentee).get(`${sessions()}/${id}`)).json();
    expect(view.calendar.google).toMatch(/^https:\/\/calendar\.google\.com\//);
    const ics = await as(app, s.mentee).get(view.calendar.ics);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain(`UID:session-${id}@confer`);
    const opened = await as(app, s.mentee).post(`${sessions()}/${id}/thread`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    const { threadId } = opened.json();
    const sent = await as(app, s.mentee).post(`/api/orgs/${s.orgId}/threads/${threadId}/messages`, {
      body: 'Shall I bring my portfolio printed?',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    // Connected by the session: no message request waits for the mentor.
    const requests = (await as(app, s.mentor).get(`/api/orgs/${s.orgId}/message-requests`)).json();
    expect(JSON.stringify(requests)).not.toContain(threadId);
    // The same thread the mentor reads.
    const threads = (await as(app, s.mentor).get(`/api/orgs/${s.orgId}/threads`)).json()
      .threads as {
      id: string;
    }[];
    expect(threads.map((t) => t.id)).toContain(threadId);
    // Someone not in it gets nothing.
    expect((await as(app, s.admin).post(`${sessions()}/${id}/thread`, {})).statusCode).toBe(404);
  });
});
