import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, type Session } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { startSmtpWorker } from '../support/smtp.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #11 "Preferences": each person chooses per kind of event whether it
 * shows in the app and how it is emailed; a cancelled session always reaches
 * them. Checked against a real SMTP server and the bell.
 */
const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday
const { smtp, runWorker } = await startSmtpWorker(database, clock, {
  publicUrl: 'https://confer.test',
});

let s: BookingScenario;
beforeAll(async () => {
  s = await createBookingScenario(app, 'Preferences Org');
});

const subjectsTo = async (who: Session, from: number) =>
  (await Promise.all(smtp.received.slice(from).map((m) => simpleParser(m.raw))))
    .filter((m) => JSON.stringify(m.to).toLowerCase().includes(who.email.toLowerCase()))
    .map((m) => m.subject ?? '');
const bell = async (who: Session) =>
  (
    (await as(app, who).get('/api/me/notifications')).json().notifications as { title: string }[]
  ).map((n) => n.title);
const choose = (who: Session, body: Record<string, unknown>) =>
  as(app, who).put('/api/me/notification-preferences', body);

describe('notification preferences', () => {
  it('lists every kind with its default, and refuses what cannot be chosen, naming the field', async () => {
    const res = await as(app, s.mentee).get('/api/me/notification-preferences');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.kinds.map((k: { kind: string }) => k.kind)).toEqual([
      'booking_requests',
      'session_changes',
      'reminders',
      'follow_ups',
      'mentorship_requests',
      'messages',
    ]);
    expect(
      body.kinds.every(
        (k: { inApp: boolean; email: string }) => k.inApp && k.email === 'immediate',
      ),
    ).toBe(true);
    expect(body.reminderMinutes).toEqual([1440, 60]);

    const daily = await choose(s.mentee, {
      kinds: [{ kind: 'reminders', inApp: true, email: 'daily' }],
    });
    expect(daily.statusCode).toBe(400);
    expect(daily.json().error.fields).toHaveProperty(['body.kinds.0.email']);
    const early = await choose(s.mentee, { reminderMinutes: [1] });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty(['body.reminderMinutes']);
    const unknown = await choose(s.mentee, {
      kinds: [{ kind: 'spam', inApp: true, email: 'off' }],
    });
    expect(unknown.statusCode).toBe(400);
    // Nothing was half-saved.
    expect((await as(app, s.mentee).get('/api/me/notification-preferences')).json()).toEqual(body);
  });

  it('email off sends none, app off hides from the bell but still emails, and a cancellation always arrives', async () => {
    // The mentee wants no booking emails; the mentor wants booking news by email only.
    expect(
      (
        await choose(s.mentee, {
          kinds: [
            { kind: 'booking_requests', inApp: true, email: 'off' },
            { kind: 'session_changes', inApp: false, email: 'off' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await choose(s.mentor, {
          kinds: [{ kind: 'booking_requests', inApp: false, email: 'immediate' }],
        })
      ).statusCode,
    ).toBe(200);
    const from = smtp.received.length;
    const id = await s.book(s.mentee, '2027-03-03T10:00:00Z');
    await s.act(s.mentor, id, 'approve');
    await runWorker();
    expect((await subjectsTo(s.mentor, from)).sort()).toEqual([
      expect.stringContaining('Milo Mentee requested a session'),
      expect.stringContaining('is confirmed'),
    ]);
    expect((await bell(s.mentor)).some((t) => t.includes('requested a session'))).toBe(false);
    expect(await subjectsTo(s.mentee, from)).toEqual([]);
    expect(await bell(s.mentee)).toContainEqual(expect.stringContaining('approved your session'));

    // Cancelling an approved session is a safety notice: shown and emailed whatever was chosen.
    const before = smtp.received.length;
    await s.act(s.mentor, id, 'cancel', { reason: 'I am ill' });
    await runWorker();
    expect(await subjectsTo(s.mentee, before)).toEqual([expect.stringContaining('cancelled')]);
    expect(await bell(s.mentee)).toContainEqual(expect.stringContaining('cancelled the session'));
  });

  it('a daily digest gathers the chosen kinds into one email at 08:00 on the reader’s clock, once', async () => {
    clock.set(new Date('2027-03-08T09:00:00Z')); // a Monday, 09:00 in London
    const d = await createBookingScenario(app, 'Digest Org');
    expect(
      (
        await choose(d.mentor, {
          kinds: [{ kind: 'booking_requests', inApp: true, email: 'daily' }],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await choose(d.mentee, { kinds: [{ kind: 'messages', inApp: true, email: 'daily' }] }))
        .statusCode,
    ).toBe(200);
    const from = smtp.received.length;
    const first = await d.book(d.mentee, '2027-03-15T10:00:00Z');
    await d.book(d.mentee, '2027-03-16T10:00:00Z');
    await d.act(d.mentor, first, 'approve');
    const threadId = (
      await as(app, d.mentor).get(`/api/orgs/${d.orgId}/bookings/${first}/thread`)
    ).json().threadId;
    await as(app, d.mentor).post(`/api/orgs/${d.orgId}/threads/${threadId}/messages`, {
      body: 'See you next week',
    });
    clock.set(new Date('2027-03-08T12:00:00Z')); // well past the messages' quiet period
    await runWorker(true);
    // Only the mentee's approval went at once: the rest waits for the morning.
    const now = await Promise.all(smtp.received.slice(from).map((m) => simpleParser(m.raw)));
    expect(now.map((m) => m.subject)).toEqual([expect.stringContaining('approved your session')]);
    expect(await bell(d.mentor)).toContainEqual(expect.stringContaining('requested a session'));

    clock.set(new Date('2027-03-09T07:59:00Z'));
    await runWorker(true);
    expect(smtp.received.length - from).toBe(1);
    clock.set(new Date('2027-03-09T08:00:01Z')); // 08:00 in London (GMT)
    await runWorker(true);
    const raw = smtp.received.slice(from + 1).map((m) => m.raw);
    const digests = (
      await Promise.all(smtp.received.slice(from + 1).map((m) => simpleParser(m.raw)))
    ).map((m) => ({ to: JSON.stringify(m.to), subject: m.subject, text: m.text ?? '' }));
    expect(digests).toHaveLength(2);
    const mentors = digests.find((m) => m.to.includes(d.mentor.email.toLowerCase()));
    // Both requests and the confirmation the mentor gave, each with its time.
    expect(mentors?.subject).toBe('[Digest Org] Your daily summary: 3 updates');
    expect(mentors?.text).toContain('Session with Milo Mentee on Mon 15 Mar, 10:00');
    expect(mentors?.text).toContain('Milo Mentee requested a session on Mon 15 Mar, 10:00');
    expect(mentors?.text).toContain('Milo Mentee requested a session on Tue 16 Mar, 10:00');
    const mentees = digests.find((m) => m.to.includes(d.mentee.email.toLowerCase()));
    expect(mentees?.text).toContain('1 unread message from Mara Mentor');
    // One click on the digest's List-Unsubscribe stops every kind that waited for it.
    const mentorsRaw = raw.find((r) => r.toLowerCase().includes(d.mentor.email.toLowerCase()));
    // The header as sent, unfolded.
    const oneClick = /^List-Unsubscribe:\s*<([^>]+)>/m
      .exec(mentorsRaw ?? '')?.[1]
      ?.replace(/\s+/g, '');
    expect(oneClick).toMatch(/^https:\/\/confer\.test\/api\/email\/unsubscribe\//);
    const stop = await app.inject({
      method: 'POST',
      url: new URL(oneClick ?? '').pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(stop.json()).toEqual({ kind: 'digest', label: 'The daily summary' });
    const prefs = (await as(app, d.mentor).get('/api/me/notification-preferences')).json();
    expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'booking_requests').email).toBe(
      'off',
    );
    // Once: the next morning has nothing new to say.
    clock.set(new Date('2027-03-10T08:00:01Z'));
    await runWorker(true);
    expect(smtp.received.length - from).toBe(3);
  });
});
