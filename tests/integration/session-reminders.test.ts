import { describe, expect, it } from 'vitest';
import { createServiceContext } from '../../src/services/context.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { runDueJobs } from '../../src/services/process-jobs.ts';
import { as, type Session } from '../factories.ts';
import { createBookingScenario } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #11: before every approved session both sides are reminded, 24 h and
 * 1 h before; never for a booking that is not approved, and not after it was
 * cancelled. The clock is the test's, the jobs the durable jobs table's.
 */
const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday
const worker = createServiceContext(database.db, { now: clock.now });
const s = await createBookingScenario(app, 'Reminder Org');

async function runWorker() {
  await runDueJobs(worker);
  while ((await deliverNotifications(worker)) > 0);
}

async function remindersOf(who: Session) {
  const res = await as(app, who).get('/api/me/notifications');
  return (res.json().notifications as { title: string }[])
    .map((n) => n.title)
    .filter((t) => t.includes(' starts in '));
}

describe('reminders before a session', () => {
  it('reach both sides 24 h and 1 h before an approved session, and none for one cancelled or still pending', async () => {
    const kept = await s.book(s.mentee, '2027-03-10T15:00:00Z');
    await s.act(s.mentor, kept, 'approve');
    const dropped = await s.book(s.mentee, '2027-03-10T10:00:00Z');
    await s.act(s.mentor, dropped, 'approve');
    await s.act(s.mentee, dropped, 'cancel', { reason: 'Something came up' });
    await s.book(s.mentee, '2027-03-10T12:00:00Z'); // still pending

    clock.set(new Date('2027-03-09T14:59:00Z'));
    await runWorker();
    expect(await remindersOf(s.mentee)).toEqual([]);

    clock.set(new Date('2027-03-09T15:00:01Z')); // 24 h before
    await runWorker();
    expect(await remindersOf(s.mentee)).toEqual([
      'Your session with Mara Mentor starts in 24 hours: Wed 10 Mar, 15:00 (London time)',
    ]);
    expect(await remindersOf(s.mentor)).toEqual([
      'Your session with Milo Mentee starts in 24 hours: Wed 10 Mar, 15:00 (London time)',
    ]);

    clock.set(new Date('2027-03-10T14:00:01Z')); // 1 h before
    await runWorker();
    expect(await remindersOf(s.mentee)).toEqual([
      'Your session with Mara Mentor starts in 1 hour: Wed 10 Mar, 15:00 (London time)',
      'Your session with Mara Mentor starts in 24 hours: Wed 10 Mar, 15:00 (London time)',
    ]);
    // Running again sends nothing twice.
    await runWorker();
    expect(await remindersOf(s.mentor)).toHaveLength(2);
  });

  it('each person is reminded at the times they chose, or not at all', async () => {
    clock.set(new Date('2027-03-15T00:00:00Z'));
    const chose = async (who: Session, reminderMinutes: number[]) =>
      expect(
        (await as(app, who).put('/api/me/notification-preferences', { reminderMinutes }))
          .statusCode,
      ).toBe(200);
    await chose(s.mentee, [30]);
    await chose(s.mentor, []);
    const id = await s.book(s.mentee, '2027-03-17T15:00:00Z');
    await s.act(s.mentor, id, 'approve');
    const seen = async (who: Session) =>
      (await remindersOf(who)).filter((t) => t.includes('Wed 17 Mar'));

    clock.set(new Date('2027-03-16T15:00:01Z')); // 24 h before: nobody asked for that
    await runWorker();
    expect(await seen(s.mentee)).toEqual([]);
    clock.set(new Date('2027-03-17T14:30:01Z'));
    await runWorker();
    expect(await seen(s.mentee)).toEqual([
      'Your session with Mara Mentor starts in 30 minutes: Wed 17 Mar, 15:00 (London time)',
    ]);
    expect(await seen(s.mentor)).toEqual([]);
  });

  it('at the end both are asked how it went, once; not for a session cancelled before', async () => {
    clock.set(new Date('2027-03-22T00:00:00Z'));
    const held = await s.book(s.mentee, '2027-03-24T15:00:00Z');
    await s.act(s.mentor, held, 'approve');
    const dropped = await s.book(s.mentee, '2027-03-24T10:00:00Z');
    await s.act(s.mentor, dropped, 'approve');
    await s.act(s.mentor, dropped, 'cancel', { reason: 'Clash' });
    const asked = async (who: Session) =>
      (
        (await as(app, who).get('/api/me/notifications')).json().notifications as {
          title: string;
        }[]
      )
        .map((n) => n.title)
        .filter((t) => t.startsWith('How did your session') && t.includes('Wed 24 Mar'));

    clock.set(new Date('2027-03-24T15:59:00Z'));
    await runWorker();
    expect(await asked(s.mentor)).toEqual([]);
    clock.set(new Date('2027-03-24T16:00:01Z')); // the end of the one held
    await runWorker();
    expect(await asked(s.mentor)).toEqual([
      'How did your session with Milo Mentee on Wed 24 Mar, 15:00 (London time) go? Mark it completed or report a no-show',
    ]);
    expect(await asked(s.mentee)).toEqual([
      'How did your session with Mara Mentor on Wed 24 Mar, 15:00 (London time) go? Rate it once it is marked completed, or report a no-show',
    ]);
    // The mentor answers; asking again would be noise.
    await s.act(s.mentor, held, 'complete');
    await runWorker();
    expect(await asked(s.mentor)).toHaveLength(1);
  });
});
