import { describe, expect, it } from 'vitest';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { as, type Session } from '../factories.ts';
import { createBookingScenario } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 reports "lists an admin can act on": the admin nudges a quiet
 * match (both people hear of it, each linked to the other) and a mentor whose
 * requests wait (linked to answer them); once a day each, and recorded.
 */
const { app, clock, ctx: jobsCtx } = await createTestApp();
clock.set(new Date('2027-03-01T08:00:00Z'));

const s = await createBookingScenario(app, 'Nudge Org');
const circle = (
  await as(app, s.admin).post(`/api/orgs/${s.orgId}/programs`, { name: 'Circle', mode: 'matched' })
).json().id as string;
for (const [who, role] of [
  [s.mentor, 'mentor'],
  [s.mentee, 'mentee'],
] as const) {
  await as(app, s.admin).put(`/api/orgs/${s.orgId}/programs/${circle}/members/${who.userId}`, {
    role,
  });
}
const matchId = (
  await as(app, s.admin).post(`/api/orgs/${s.orgId}/programs/${circle}/matches`, {
    mentorId: s.mentor.userId,
    menteeId: s.mentee.userId,
  })
).json().id as string;

const nudge = (body: Record<string, unknown>, who: Session = s.admin) =>
  as(app, who).post(`/api/orgs/${s.orgId}/nudges`, body);
const bell = async (who: Session) => {
  while ((await deliverNotifications(jobsCtx)) > 0);
  return (await as(app, who).get('/api/me/notifications')).json().notifications as {
    title: string;
    body: string;
    link: string;
  }[];
};

describe('nudges from reports', () => {
  it('nudges both sides of a quiet match, each linked to the other, once a day', async () => {
    const sent = await nudge({ kind: 'quiet_match', matchId });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().to.sort()).toEqual([s.mentor.userId, s.mentee.userId].sort());
    const [forMentee] = await bell(s.mentee);
    expect(forMentee).toMatchObject({
      title: expect.stringMatching(/^.+ \(Nudge Org\): time for a session with Mara Mentor\?$/),
      body: 'It has been a while since you last met in Circle. Pick a time?',
      link: `/o/${s.orgId}/people/${s.mentor.userId}`,
    });
    const [forMentor] = await bell(s.mentor);
    expect(forMentor?.link).toBe(`/o/${s.orgId}/people/${s.mentee.userId}`);

    const again = await nudge({ kind: 'quiet_match', matchId, message: 'Again!' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('recently_nudged');
    clock.set(new Date('2027-03-02T08:00:01Z'));
    const nextDay = await nudge({ kind: 'quiet_match', matchId, message: 'Meet this week?' });
    expect(nextDay.statusCode, nextDay.body).toBe(201);
    expect((await bell(s.mentee))[0]?.body).toBe('Meet this week?');
    const audit = (
      await as(app, s.admin).get(
        `/api/orgs/${s.orgId}/audit?action=nudge.sent&subjectId=${matchId}`,
      )
    ).json();
    expect(audit.events).toHaveLength(2);
  });

  it('nudges a mentor only while requests wait for them, with how many', async () => {
    const idle = await nudge({ kind: 'unanswered_requests', mentorId: s.mentor.userId });
    expect(idle.statusCode).toBe(409);
    expect(idle.json().error.reason).toBe('nothing_waiting');
    await s.book(s.mentee, '2027-03-10T09:00:00Z');
    await s.book(s.mentee, '2027-03-11T09:00:00Z');
    const sent = await nudge({ kind: 'unanswered_requests', mentorId: s.mentor.userId });
    expect(sent.statusCode, sent.body).toBe(201);
    const titles = (await bell(s.mentor)).map((n) => n.title);
    expect(titles[0]).toMatch(/: 2 requests wait for your answer$/);
  });

  it('refuses anyone but an admin, an unknown match and a body of the wrong kind', async () => {
    expect((await nudge({ kind: 'quiet_match', matchId }, s.mentor)).statusCode).toBe(403);
    const unknown = await nudge({
      kind: 'quiet_match',
      matchId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const wrong = await nudge({ kind: 'quiet_match', mentorId: s.mentor.userId });
    expect(wrong.statusCode).toBe(400);
  });
});
