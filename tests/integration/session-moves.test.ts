import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, type Session } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { calendarPart, readInvitation } from '../support/read-invitation.ts';
import { startSmtpWorker } from '../support/smtp.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #12 "Reschedule an approved session" (and #11's updated invitation):
 * either side asks to move with a reason, the other accepts or declines;
 * while the move is open both times are held; the swap is atomic; a program
 * limits notice and number of moves; reminders follow the session.
 */
const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T09:00:00Z')); // a Monday
const { smtp, runWorker } = await startSmtpWorker(database, clock);

let s: BookingScenario;
let other: Session;
beforeAll(async () => {
  s = await createBookingScenario(app, 'Moves Org');
  other = await addMember(app, s.admin, s.orgId, {
    name: 'Olga Other',
    programId: s.programId,
    programRole: 'mentee',
  });
});

const url = (id: string, path = '') => `/api/orgs/${s.orgId}/bookings/${id}${path}`;
const view = async (who: Session, id: string) => (await as(app, who).get(url(id))).json();
const post = (who: Session, id: string, path: string, body: Record<string, unknown> = {}) =>
  as(app, who).post(url(id, path), body);
const titles = async (who: Session) =>
  (
    (await as(app, who).get('/api/me/notifications')).json().notifications as { title: string }[]
  ).map((n) => n.title);
const slotStarts = async (from: string, to: string) =>
  (
    (
      await as(app, other).get(
        `/api/orgs/${s.orgId}/mentors/${s.mentor.userId}/slots?from=${from}&to=${to}`,
      )
    ).json().slots as { start: string; lengthMinutes: number }[]
  )
    .filter((x) => x.lengthMinutes === 60)
    .map((x) => x.start);

describe('moving an approved session', () => {
  let id: string;
  it('holds both times while the move is open; acceptance moves it for both at once, with an updated invitation', async () => {
    id = await s.book(s.mentee, '2027-03-03T10:00:00Z');
    await s.act(s.mentor, id, 'approve');
    await runWorker(true);
    const proposed = await post(s.mentor, id, '/move', {
      startsAt: '2027-03-04T10:00:00Z',
      reason: 'A board meeting moved onto Wednesday',
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({
      status: 'approved',
      startsAt: '2027-03-03T10:00:00.000Z',
      move: {
        startsAt: '2027-03-04T10:00:00.000Z',
        endsAt: '2027-03-04T11:00:00.000Z',
        by: 'mentor',
        reason: 'A board meeting moved onto Wednesday',
      },
      moves: { made: 0, allowed: 2 },
    });
    // Neither time can be taken meanwhile: not offered, and refused if asked for.
    const offered = await slotStarts('2027-03-03T00:00:00Z', '2027-03-05T00:00:00Z');
    expect(offered).not.toContain('2027-03-03T10:00:00.000Z');
    expect(offered).not.toContain('2027-03-04T10:00:00.000Z');
    const taken = await as(app, other).post(`/api/orgs/${s.orgId}/bookings`, {
      mentorId: s.mentor.userId,
      startsAt: '2027-03-04T10:00:00Z',
      lengthMinutes: 60,
    });
    expect(taken.statusCode).toBe(409);
    await runWorker(true);
    expect(await titles(s.mentee)).toContainEqual(
      'Mara Mentor asks to move your session on Wed 3 Mar, 10:00 (London time) to Thu 4 Mar, 10:00 (London time)',
    );
    // Only the other side answers.
    expect((await post(s.mentor, id, '/move/accept')).statusCode).toBe(409);

    const from = smtp.received.length;
    const accepted = await post(s.mentee, id, '/move/accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      startsAt: '2027-03-04T10:00:00.000Z',
      endsAt: '2027-03-04T11:00:00.000Z',
      move: null,
      moves: { made: 1 },
    });
    expect(await view(s.mentor, id)).toMatchObject({ startsAt: '2027-03-04T10:00:00.000Z' });
    // The old time is free again.
    expect(await slotStarts('2027-03-03T00:00:00Z', '2027-03-04T00:00:00Z')).toContain(
      '2027-03-03T10:00:00.000Z',
    );
    const history = (await view(s.mentee, id)).history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['request', 'approve', 'propose_move', 'accept_move']);

    // Both calendars get the same event at the new time, a later SEQUENCE than the approval's.
    await runWorker(true);
    const mails = await Promise.all(smtp.received.slice(from).map((m) => simpleParser(m.raw)));
    const invitations = mails.flatMap((m) => {
      const ics = calendarPart(m);
      return ics ? [readInvitation(ics)] : [];
    });
    expect(invitations).toHaveLength(2);
    for (const inv of invitations) {
      expect(inv).toMatchObject({
        method: 'REQUEST',
        uid: `booking-${id}@confer`,
        startsAt: '2027-03-04T10:00:00.000Z',
        endsAt: '2027-03-04T11:00:00.000Z',
      });
      expect(inv.sequence).toBeGreaterThan(0);
    }
    expect(mails.map((m) => m.subject)).toContainEqual(
      expect.stringContaining('Your session with Milo Mentee moved to Thu 4 Mar, 10:00'),
    );
  });

  it('a decline keeps the session; a mentee may only ask for a time the mentor offers', async () => {
    const outside = await post(s.mentee, id, '/move', {
      startsAt: '2027-03-05T20:00:00Z',
      reason: 'Evenings suit me',
    });
    expect(outside.statusCode).toBe(409);
    expect(
      (await post(s.mentee, id, '/move', { startsAt: '2027-03-05T10:00:00Z' })).statusCode,
    ).toBe(400);
    expect(
      (await post(s.mentee, id, '/move', { startsAt: '2027-03-05T10:00:00Z', reason: 'Travel' }))
        .statusCode,
    ).toBe(200);
    // One open move at a time.
    expect(
      (await post(s.mentor, id, '/move', { startsAt: '2027-03-05T11:00:00Z', reason: 'Or this' }))
        .statusCode,
    ).toBe(409);
    const declined = await post(s.mentor, id, '/move/decline', { reason: 'Friday is full' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ startsAt: '2027-03-04T10:00:00.000Z', move: null });
    await runWorker(true);
    expect(await titles(s.mentee)).toContainEqual(
      'Mara Mentor declined moving your session: it stays on Thu 4 Mar, 10:00 (London time)',
    );
  });

  it('moves as often as the program allows, and not within its notice', async () => {
    expect(
      (await post(s.mentee, id, '/move', { startsAt: '2027-03-08T10:00:00Z', reason: 'Again' }))
        .statusCode,
    ).toBe(200);
    expect((await post(s.mentor, id, '/move/accept')).statusCode).toBe(200);
    const third = await post(s.mentor, id, '/move', {
      startsAt: '2027-03-09T10:00:00Z',
      reason: 'Once more',
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.reason).toBe('too_many_moves');

    const soon = await s.book(other, '2027-03-01T15:00:00Z'); // six hours ahead
    await s.act(s.mentor, soon, 'approve');
    const late = await post(s.mentor, soon, '/move', {
      startsAt: '2027-03-09T10:00:00Z',
      reason: 'Sorry',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.reason).toBe('too_late_to_move');
    const tooSoon = await post(s.mentor, id, '/move/withdraw');
    expect(tooSoon.statusCode).toBe(409); // nothing open to withdraw
  });

  it('an unanswered move lapses when the session begins; reminders follow the moved session', async () => {
    const b = await s.book(s.mentee, '2027-03-10T14:00:00Z');
    await s.act(s.mentor, b, 'approve');
    expect(
      (
        await post(s.mentee, b, '/move', {
          startsAt: '2027-03-11T14:00:00Z',
          reason: 'Train strike',
        })
      ).statusCode,
    ).toBe(200);
    clock.set(new Date('2027-03-10T14:00:01Z'));
    await runWorker(true);
    expect(await view(s.mentee, b)).toMatchObject({
      move: null,
      startsAt: '2027-03-10T14:00:00.000Z',
    });
    expect(await titles(s.mentee)).toContainEqual(
      'Your request to move the session on Wed 10 Mar, 14:00 (London time) was not answered in time: it stays as it was',
    );
    // The session moved on 8 March was reminded of at its new time, not its first.
    expect(
      (await titles(s.mentee)).filter((t) => t.includes('starts in 24 hours: Mon 8 Mar, 10:00')),
    ).toHaveLength(1);
    // Its earlier times were never reminded of: it had moved on before they came.
    expect((await titles(s.mentee)).some((t) => t.includes('starts in 24 hours: Thu 4 Mar'))).toBe(
      false,
    );
    expect((await titles(s.mentee)).some((t) => t.includes('starts in 24 hours: Wed 3 Mar'))).toBe(
      false,
    );
  });

  it('a mentee’s move applies at once when the mentor approves bookings automatically', async () => {
    clock.set(new Date('2027-03-15T09:00:00Z'));
    const a = await s.book(s.mentee, '2027-03-17T10:00:00Z');
    await s.act(s.mentor, a, 'approve');
    const hours = (await as(app, s.mentor).get('/api/me/availability')).json();
    const saved = await as(app, s.mentor).put('/api/me/availability', {
      timeZone: hours.timeZone,
      slotLengths: hours.slotLengths,
      bufferBeforeMinutes: hours.bufferBeforeMinutes,
      bufferAfterMinutes: hours.bufferAfterMinutes,
      minimumNoticeMinutes: hours.minimumNoticeMinutes,
      horizonDays: hours.horizonDays,
      weekly: hours.weekly,
      autoApprove: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const moved = await post(s.mentee, a, '/move', {
      startsAt: '2027-03-18T11:00:00Z',
      reason: 'Doctor’s appointment',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      startsAt: '2027-03-18T11:00:00.000Z',
      move: null,
      moves: { made: 1 },
    });
    await runWorker(true);
    expect(await titles(s.mentor)).toContainEqual(
      'Milo Mentee moved your session to Thu 18 Mar, 11:00 (London time) (was Wed 17 Mar, 10:00 (London time))',
    );
  });
});

describe('choosing where to move it', () => {
  it('the slots for a booking count its own time as free, for its two people only', async () => {
    clock.set(new Date('2027-03-22T09:00:00Z')); // a Monday
    // The mentor approves automatically since the test before.
    const a = await s.book(s.mentee, '2027-03-24T10:00:00Z');
    expect((await view(s.mentee, a)).status).toBe('approved');
    const slots = (who: Session, forBooking?: string) =>
      as(app, who).get(
        `/api/orgs/${s.orgId}/mentors/${s.mentor.userId}/slots?from=2027-03-24T00:00:00Z&to=2027-03-25T00:00:00Z${forBooking ? `&forBooking=${forBooking}` : ''}`,
      );
    const starts = (body: { slots: { start: string; lengthMinutes: number }[] }) =>
      body.slots.filter((x) => x.lengthMinutes === 60).map((x) => x.start);
    const plain = (await slots(s.mentee)).json();
    expect(starts(plain)).not.toContain('2027-03-24T10:00:00.000Z');
    expect(plain.slotLengths).toContain(60);
    expect(Date.parse(plain.bookableUntil)).toBeGreaterThan(Date.parse('2027-03-24T00:00:00Z'));
    for (const who of [s.mentee, s.mentor]) {
      const res = await slots(who, a);
      expect(res.statusCode, res.body).toBe(200);
      // Its own hour is free to keep, and the one after is still free.
      expect(starts(res.json())).toEqual(
        expect.arrayContaining(['2027-03-24T10:00:00.000Z', '2027-03-24T11:00:00.000Z']),
      );
    }
    const stranger = await slots(other, a);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json()).toMatchObject({ error: expect.anything() });
  });
});
