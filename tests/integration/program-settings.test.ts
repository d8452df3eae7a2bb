import { describe, expect, it } from 'vitest';
import { as } from '../factories.ts';
import { createBookingScenario, createPaidSessionType } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 "Programs: settings per program": an admin sets how long
 * requests wait, the cancellation and move windows, whether automatic
 * approval and paid sessions apply, and the cohort's days; bookings follow.
 */
const { app, clock } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

const s = await createBookingScenario(app, 'Rules Org');
const settings = (body: Record<string, unknown>) =>
  as(app, s.admin).patch(`/api/orgs/${s.orgId}/programs/${s.programId}`, body);
const book = (body: Record<string, unknown>) =>
  as(app, s.mentee).post(`/api/orgs/${s.orgId}/bookings`, {
    mentorId: s.mentor.userId,
    lengthMinutes: 60,
    ...body,
  });

describe('program settings', () => {
  it('stores every setting and shows it back', async () => {
    const res = await settings({
      expiryDays: 3,
      lateCancelHours: 48,
      moveNoticeHours: 12,
      maxMoves: 1,
      autoApproveAllowed: false,
      pricesAllowed: false,
      startsOn: '2027-03-08',
      endsOn: '2027-06-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    const shown = (
      await as(app, s.admin).get(`/api/orgs/${s.orgId}/programs/${s.programId}`)
    ).json();
    expect(shown).toMatchObject({
      expiryDays: 3,
      lateCancelHours: 48,
      moveNoticeHours: 12,
      maxMoves: 1,
      autoApproveAllowed: false,
      pricesAllowed: false,
      startsOn: '2027-03-08',
      endsOn: '2027-06-30',
    });
  });

  it('refuses numbers out of range and a cohort that ends before it starts, by field', async () => {
    const bad = await settings({ expiryDays: 0, maxMoves: 2.5, lateCancelHours: 'soon' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      'body.expiryDays',
      'body.lateCancelHours',
      'body.maxMoves',
    ]);
    const backwards = await settings({ endsOn: '2027-03-01' });
    expect(backwards.statusCode).toBe(400);
    expect(Object.keys(backwards.json().error.fields)).toEqual(['body.endsOn']);
    const byMentor = await as(app, s.mentor).patch(`/api/orgs/${s.orgId}/programs/${s.programId}`, {
      maxMoves: 5,
    });
    expect(byMentor.statusCode).toBe(403);
  });

  it('books only within the cohort, with its expiry and late window', async () => {
    const before = await book({ startsAt: '2027-03-05T09:00:00Z' });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields).toEqual({
      'body.startsAt': "is outside the program's dates (from 2027-03-08 to 2027-06-30)",
    });
    const inside = await book({ startsAt: '2027-03-10T09:00:00Z' });
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json()).toMatchObject({
      expiresAt: '2027-03-04T00:00:00.000Z',
      lateCancellationFrom: '2027-03-08T09:00:00.000Z',
    });
    // The mentor may not suggest a time after the cohort either.
    const later = await as(app, s.mentor).post(
      `/api/orgs/${s.orgId}/bookings/${inside.json().id}/propose`,
      { startsAt: '2027-07-01T09:00:00Z', reason: 'Busy until July' },
    );
    expect(later.statusCode).toBe(400);
    expect(Object.keys(later.json().error.fields)).toEqual(['body.startsAt']);
  });

  it('keeps automatic approval off and paid sessions out when the program says so', async () => {
    const put = await as(app, s.mentor).put('/api/me/availability', {
      timeZone: 'UTC',
      slotLengths: [60],
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 60,
      horizonDays: 365,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      autoApprove: true,
    });
    expect(put.statusCode, put.body).toBe(200);
    const waiting = await book({ startsAt: '2027-03-11T09:00:00Z' });
    expect(waiting.statusCode, waiting.body).toBe(201);
    expect(waiting.json().status).toBe('pending');

    const paid = await createPaidSessionType(app, s.mentor);
    const refused = await book({
      startsAt: '2027-03-12T09:00:00Z',
      sessionTypeId: paid,
      lengthMinutes: undefined,
    });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(['body.sessionTypeId']);

    expect((await settings({ autoApproveAllowed: true, pricesAllowed: true })).statusCode).toBe(
      200,
    );
    const approved = await book({ startsAt: '2027-03-15T09:00:00Z' });
    expect(approved.json().status).toBe('approved');
  });
});
