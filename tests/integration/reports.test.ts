import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../src/services/process-jobs.ts';
import { as, type Session } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 "Reports": a fortnight of one mentor's bookings made through
 * the API — held, rejected, cancelled late, expired, a no-show, an
 * unanswered one — and what the reports say of it, as JSON and as CSV.
 */
const { app, clock, ctx } = await createTestApp();
const HOUR = 3_600_000;

let s: BookingScenario;
let admin: Session;
const url = () =>
  `/api/orgs/${s.orgId}/reports?from=2027-03-01&to=2027-03-14&timeZone=Europe/London`;

beforeAll(async () => {
  clock.set(new Date('2027-02-22T08:00:00Z'));
  s = await createBookingScenario(app, 'Reports Org');
  admin = s.admin;
  const held = await s.book(s.mentee, '2027-03-02T10:00:00Z');
  const rejected = await s.book(s.mentee, '2027-03-03T10:00:00Z');
  const cancelled = await s.book(s.mentee, '2027-03-04T10:00:00Z');
  // The mentor answers two hours later (a mentee has at most three waiting at once)…
  clock.advance(2 * HOUR);
  await s.act(s.mentor, held, 'approve');
  await s.act(s.mentor, rejected, 'reject', { reason: 'Travelling' });
  await s.book(s.mentee, '2027-03-05T10:00:00Z'); // never answered: it lapses
  const noShow = await s.book(s.mentee, '2027-03-09T10:00:00Z');
  // … and four hours after that.
  clock.advance(4 * HOUR);
  await s.act(s.mentor, cancelled, 'approve');
  await s.act(s.mentor, noShow, 'approve');
  // The week of the sessions: the held one completed and rated, one cancelled late.
  clock.set(new Date('2027-03-02T12:00:00Z'));
  await s.act(s.mentor, held, 'complete');
  const rated = await as(app, s.mentee).post(`/api/orgs/${s.orgId}/bookings/${held}/rating`, {
    stars: 4,
  });
  expect(rated.statusCode, rated.body).toBe(200);
  clock.set(new Date('2027-03-04T02:00:00Z'));
  await s.act(s.mentee, cancelled, 'cancel', { reason: 'Ill' });
  // The unanswered one lapses at its start; the no-show is reported after its start.
  clock.set(new Date('2027-03-09T11:00:00Z'));
  while ((await runDueJobs(ctx)) > 0);
  await s.act(s.mentor, noShow, 'no-show');
  await s.book(s.mentee, '2027-03-12T10:00:00Z'); // still waiting for the mentor
});

describe('reports', () => {
  it('count a period’s bookings by week and outcome, with rates, answer times and ratings', async () => {
    const res = await as(app, admin).get(url());
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.period).toEqual({ from: '2027-03-01', to: '2027-03-14', timeZone: 'Europe/London' });
    expect(r.sessionsPerWeek).toEqual([
      {
        week: '2027-03-01',
        completed: 1,
        approved: 0,
        pending: 0,
        cancelled: 1,
        noShow: 0,
        notHeld: 2,
      },
      {
        week: '2027-03-08',
        completed: 0,
        approved: 0,
        pending: 1,
        cancelled: 0,
        noShow: 1,
        notHeld: 0,
      },
    ]);
    // Requests made in the period: only the last one (the rest were asked for in February).
    expect(r.outcomes).toMatchObject({ requested: 1, decided: 0, approvalRate: null });
    const all = (
      await as(app, admin).get(
        `/api/orgs/${s.orgId}/reports?from=2027-02-15&to=2027-03-14&timeZone=Europe/London`,
      )
    ).json();
    expect(all.outcomes).toEqual({
      requested: 6,
      approved: 3,
      rejected: 1,
      expired: 1,
      withdrawn: 0,
      cancelledLate: 1,
      cancelledEarly: 0,
      noShowMentee: 1,
      noShowMentor: 0,
      decided: 5,
      approvalRate: 3 / 5,
      rejectionRate: 1 / 5,
      expiryRate: 1 / 5,
    });
    // First answers after 120, 120, 360 and 240 minutes.
    expect(all.answerTimes).toEqual({ medianMinutes: 180, p90Minutes: 324, answered: 4 });
    expect(r.ratings.byMentees).toEqual({ count: 1, average: 4, byStars: [0, 0, 0, 1, 0] });
    expect(r.busiestMentors).toEqual([
      { mentorId: s.mentor.userId, name: 'Mara Mentor', sessions: 3, requests: 6 },
    ]);
    expect(r.unansweredMentors).toEqual([
      expect.objectContaining({ mentorId: s.mentor.userId, waiting: 1 }),
    ]);
  });

  it('gives each chart as CSV with the same filters', async () => {
    const res = await as(app, admin).get(
      `/api/orgs/${s.orgId}/reports/sessions-per-week.csv?from=2027-03-01&to=2027-03-14&timeZone=Europe/London`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('sessions-per-week.csv');
    expect(parse(res.body, { bom: true })).toEqual([
      ['week_from', 'completed', 'approved', 'pending', 'cancelled', 'noShow', 'notHeld'],
      ['2027-03-01', '1', '0', '0', '1', '0', '2'],
      ['2027-03-08', '0', '0', '1', '0', '1', '0'],
    ]);
    const unknown = await as(app, admin).get(`/api/orgs/${s.orgId}/reports/everything.csv`);
    expect(unknown.statusCode).toBe(400);
  });

  it('names a bad period, and is for admins only', async () => {
    const backwards = await as(app, admin).get(
      `/api/orgs/${s.orgId}/reports?from=2027-03-14&to=2027-03-01`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toHaveProperty(['query.to']);
    const member = await as(app, s.mentee).get(url());
    expect(member.statusCode).toBe(403);
  });
});
