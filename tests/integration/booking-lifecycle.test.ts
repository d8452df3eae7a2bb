import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveries, ledgerEntries, outbox } from '../../src/db/schema.ts';
import { smtpMailer } from '../../src/integrations/email.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { decideBooking } from '../../src/services/decide-booking.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { emailNotifications } from '../../src/services/email-notifications.ts';
import { runDueJobs } from '../../src/services/process-jobs.ts';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createBookingScenario, createPaidSessionType } from '../support/booking-scenario.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { createTestApp, days } from '../support/test-app.ts';

const { app, clock, ctx: jobsCtx, database } = await createTestApp();
/** A Jitsi room named by 20 random bytes, not by the booking. */
const jitsiRoom = /^https:\/\/meet\.jit\.si\/confer-[0-9a-f]{40}$/;
const start = new Date('2027-03-01T00:00:00Z'); // a Monday
clock.set(start);

let orgId: string;
let programId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let paidType: string;

beforeAll(async () => {
  ({ admin, orgId, programId, mentor, mentee } = await createBookingScenario(app, 'Lifecycle Org'));
  paidType = await createPaidSessionType(app, mentor);
});

const book = (who: Session, startsAt: string, extra: Record<string, unknown> = {}) =>
  as(app, who).post(`/api/orgs/${orgId}/bookings`, {
    mentorId: mentor.userId,
    startsAt,
    sessionTypeId: paidType,
    message: 'Hello',
    ...extra,
  });
const act = (who: Session, id: string, action: string, body: Record<string, unknown> = {}) =>
  as(app, who).post(`/api/orgs/${orgId}/bookings/${id}/${action}`, body);
const ledger = (bookingId: string) =>
  database.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.bookingId, bookingId))
    .then((rows) => rows.map((r) => `${r.kind}:${r.amountMinor}`).sort());

describe('money', () => {
  it('holds on booking, captures on approval, and refunds a rejection once however often it is retried', async () => {
    const b = (await book(mentee, '2027-03-10T09:00:00Z')).json();
    expect(b).toMatchObject({
      price: { amountMinor: 4500, currency: 'EUR' },
      payment: 'held',
      sessionType: { name: 'Career review' },
    });
    expect(await ledger(b.id)).toEqual(['hold:4500']);

    const rejections = await Promise.all(
      Array.from({ length: 10 }, () => act(mentor, b.id, 'reject', { reason: 'Fully booked' })),
    );
    expect(rejections.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(await ledger(b.id)).toEqual(['hold:4500', 'refund:4500']);

    const c = (await book(mentee, '2027-03-10T10:00:00Z')).json();
    expect((await act(mentor, c.id, 'approve')).json().payment).toBe('captured');
    expect(await ledger(c.id)).toEqual(['capture:4500', 'hold:4500']);
  });

  it('refunds an early cancellation but not a late one by the mentee', async () => {
    const early = (await book(mentee, '2027-03-11T09:00:00Z')).json();
    await act(mentor, early.id, 'approve');
    const cancelled = (await act(mentee, early.id, 'cancel', { reason: 'Changed plans' })).json();
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      lateCancellation: false,
      payment: 'refunded',
    });

    const late = (await book(mentee, '2027-03-02T09:00:00Z')).json(); // 33 hours ahead; the window is 24 h
    expect(late.lateCancellationFrom).toBe('2027-03-01T09:00:00.000Z');
    await act(mentor, late.id, 'approve');
    clock.set(new Date('2027-03-01T20:00:00Z'));
    try {
      const lateCancel = (await act(mentee, late.id, 'cancel', { reason: 'Overslept' })).json();
      expect(lateCancel).toMatchObject({
        status: 'cancelled',
        lateCancellation: true,
        payment: 'captured',
      });
    } finally {
      clock.set(start);
    }
  });
});

describe('expiry and reminders', () => {
  it('reminds the mentor after a day and expires an unanswered booking after seven, refunding once', async () => {
    const b = (await book(mentee, '2027-03-25T09:00:00Z')).json();
    expect(b.expiresAt).toBe('2027-03-08T00:00:00.000Z');
    clock.set(new Date(start.getTime() + days(1) + 1000));
    try {
      await runDueJobs(jobsCtx);
      const reminders = await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.topic, 'booking.reminder'));
      expect(reminders.some((r) => r.payload.bookingId === b.id)).toBe(true);
      expect((await as(app, mentee).get(`/api/orgs/${orgId}/bookings/${b.id}`)).json().status).toBe(
        'pending',
      );

      clock.set(new Date(start.getTime() + days(7) + 1000));
      await Promise.all([runDueJobs(jobsCtx), runDueJobs(jobsCtx), runDueJobs(jobsCtx)]);
      const expired = (await as(app, mentee).get(`/api/orgs/${orgId}/bookings/${b.id}`)).json();
      expect(expired).toMatchObject({ status: 'expired', payment: 'refunded' });
      expect(expired.history.filter((h: { action: string }) => h.action === 'expire')).toHaveLength(
        1,
      );
      expect(await ledger(b.id)).toEqual(['hold:4500', 'refund:4500']);
      expect(await runDueJobs(jobsCtx)).toBe(0);
    } finally {
      clock.set(start);
    }
  });

  it('settles expiry racing approval with exactly one outcome', async () => {
    const b = (await book(mentee, '2027-03-26T09:00:00Z')).json();
    clock.set(new Date(start.getTime() + days(7) + 1000));
    try {
      const [approval] = await Promise.all([act(mentor, b.id, 'approve'), runDueJobs(jobsCtx)]);
      const final = (await as(app, mentee).get(`/api/orgs/${orgId}/bookings/${b.id}`)).json();
      if (approval.statusCode === 200) {
        expect(final.status).toBe('approved');
        expect(await ledger(b.id)).toEqual(['capture:4500', 'hold:4500']);
      } else {
        expect(approval.statusCode).toBe(409);
        expect(final.status).toBe('expired');
        expect(await ledger(b.id)).toEqual(['hold:4500', 'refund:4500']);
      }
      const outcomes = final.history.filter(
        (h: { action: string }) => h.action === 'approve' || h.action === 'expire',
      );
      expect(outcomes).toHaveLength(1);
    } finally {
      clock.set(start);
    }
  });
});

describe('after approval', () => {
  it('creates a meeting link on approval, which the mentor (only) can change', async () => {
    const b = (
      await book(mentee, '2027-03-12T09:00:00Z', { sessionTypeId: undefined, lengthMinutes: 60 })
    ).json();
    const approved = (await act(mentor, b.id, 'approve')).json();
    expect(approved.meetingUrl).toMatch(jitsiRoom);
    expect(approved.meetingUrl).not.toContain(b.id);
    const byMentee = await as(app, mentee).put(`/api/orgs/${orgId}/bookings/${b.id}/meeting-link`, {
      meetingUrl: 'https://example.test/x',
    });
    expect(byMentee.statusCode).toBe(404);
    const changed = await as(app, mentor).put(`/api/orgs/${orgId}/bookings/${b.id}/meeting-link`, {
      meetingUrl: 'https://zoom.example/j/123',
    });
    expect(changed.json().meetingUrl).toBe('https://zoom.example/j/123');
    const bad = await as(app, mentor).put(`/api/orgs/${orgId}/bookings/${b.id}/meeting-link`, {
      meetingUrl: 'javascript:alert(1)',
    });
    expect(Object.keys(bad.json().error.fields)).toEqual(['body.meetingUrl']);
  });

  it('records completion only after the start, then takes one rating per side', async () => {
    const b = (await book(mentee, '2027-03-15T09:00:00Z')).json();
    await act(mentor, b.id, 'approve');
    expect((await act(mentor, b.id, 'complete')).statusCode).toBe(409);
    clock.set(new Date('2027-03-15T10:05:00Z'));
    try {
      expect((await act(mentor, b.id, 'complete')).json()).toMatchObject({
        status: 'completed',
        canRate: true,
      });
      const rated = await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${b.id}/rating`, {
        stars: 5,
        feedback: 'Very helpful',
      });
      expect(rated.json()).toMatchObject({
        myRating: { stars: 5, feedback: 'Very helpful' },
        canRate: false,
      });
      expect(
        (await as(app, mentee).post(`/api/orgs/${orgId}/bookings/${b.id}/rating`, { stars: 1 }))
          .statusCode,
      ).toBe(409);
      expect(
        (await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/rating`, { stars: 4 }))
          .statusCode,
      ).toBe(200);
      const badStars = await as(app, mentor).post(`/api/orgs/${orgId}/bookings/${b.id}/rating`, {
        stars: 6,
      });
      expect(Object.keys(badStars.json().error.fields)).toEqual(['body.stars']);
    } finally {
      clock.set(start);
    }
  });

  it('records a no-show of the mentee reported by the mentor', async () => {
    const b = (await book(mentee, '2027-03-16T09:00:00Z')).json();
    await act(mentor, b.id, 'approve');
    clock.set(new Date('2027-03-16T09:20:00Z'));
    try {
      expect((await act(mentor, b.id, 'no-show')).json().status).toBe('no_show_mentee');
    } finally {
      clock.set(start);
    }
  });
});

describe('the mentor’s view', () => {
  it('approves at once with auto-approval', async () => {
    const auto = await addMember(app, admin, orgId, {
      name: 'Ari Auto',
      programId,
      programRole: 'mentor',
    });
    await as(app, auto).put('/api/me/availability', {
      timeZone: 'UTC',
      slotLengths: [30],
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      horizonDays: 30,
      autoApprove: true,
      weekly: [{ weekday: 3, start: '09:00', end: '10:00' }],
    });
    const b = await as(app, mentee).post(`/api/orgs/${orgId}/bookings`, {
      mentorId: auto.userId,
      startsAt: '2027-03-03T09:00:00Z',
      lengthMinutes: 30,
    });
    expect(b.json()).toMatchObject({ status: 'approved', awaiting: null });
    expect(b.json().meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\//);
    // A time of the mentee's own could clash with anything: it waits for the mentor.
    const own = await as(app, mentee).post(`/api/orgs/${orgId}/bookings`, {
      mentorId: auto.userId,
      startsAt: '2027-03-03T20:00:00Z',
      lengthMinutes: 30,
      ownTime: true,
    });
    expect(own.json()).toMatchObject({ status: 'pending', awaiting: 'mentor' });
  });

  it('shows pending bookings with the mentee’s history and conflicts, and reputation in the directory', async () => {
    const own = await book(mentee, '2027-03-17T20:00:00Z', {
      ownTime: true,
      sessionTypeId: undefined,
      lengthMinutes: 60,
    });
    expect(own.statusCode, own.body).toBe(201);
    const pending = (await as(app, mentor).get('/api/me/pending-bookings')).json().bookings;
    const mine = pending.find((p: { id: string }) => p.id === own.json().id);
    expect(mine.conflicts).toEqual([expect.objectContaining({ kind: 'outside_hours' })]);
    // Spent: every booking whose payment was captured and not refunded.
    const all = (await as(app, mentee).get('/api/me/bookings')).json().bookings as {
      payment: string | null;
      price: { amountMinor: number } | null;
    }[];
    const spent = all
      .filter((x) => x.payment === 'captured')
      .reduce((sum, x) => sum + (x.price?.amountMinor ?? 0), 0);
    expect(spent).toBeGreaterThanOrEqual(4 * 4500);
    expect(mine.menteeHistory).toMatchObject({
      sessions: 1,
      totalSpentMinor: spent,
      currency: 'EUR',
      averageRatingGiven: 5,
    });

    const mentors = (await as(app, mentee).get(`/api/orgs/${orgId}/mentors`)).json().mentors;
    const rep = mentors.find((m: { userId: string }) => m.userId === mentor.userId).reputation;
    expect(rep.decided).toBeGreaterThan(0);
    expect(rep.approvalRate).toBeGreaterThan(0);
    expect(rep.approvalRate).toBeLessThan(1);
    expect(rep.medianResponseMinutes).toBe(0);
  });

  it('fills a published group session seat by seat', async () => {
    const session = (
      await as(app, mentor).post(`/api/orgs/${orgId}/sessions`, {
        programId,
        mentorId: mentor.userId,
        title: 'Group Q&A',
        date: '2027-03-18',
        startTime: '12:00',
        timeZone: 'UTC',
        durationMinutes: 60,
        enrollment: 'online',
        meetingUrl: 'https://meet.example/qa',
        capacity: 2,
        publish: true,
      })
    ).json();
    const others = await Promise.all(
      [1, 2, 3].map(() => addMember(app, admin, orgId, { programId })),
    );
    const seats = await Promise.all(
      others.map((o) =>
        as(app, o).post(`/api/orgs/${orgId}/bookings`, {
          mentorId: mentor.userId,
          sessionId: session.id,
        }),
      ),
    );
    expect(seats.map((s) => s.statusCode).sort()).toEqual([201, 201, 409]);
    expect(seats.find((s) => s.statusCode === 409)?.json().error.reason).toBe('session_full');
  });
});

describe('calendars', () => {
  it('gives an approved booking Google, Outlook and Yahoo links and an .ics file', async () => {
    const b = (
      await book(mentee, '2027-03-19T09:00:00Z', { sessionTypeId: undefined, lengthMinutes: 60 })
    ).json();
    expect(b.calendar).toBeNull();
    const approved = (await act(mentor, b.id, 'approve')).json();
    const google = new URL(approved.calendar.google);
    expect(google.searchParams.get('dates')).toBe('20270319T090000Z/20270319T100000Z');
    expect(google.searchParams.get('text')).toBe('Mentoring: Mara Mentor & Milo Mentee');
    expect(new URL(approved.calendar.outlook).searchParams.get('startdt')).toBe(
      '2027-03-19T09:00:00.000Z',
    );
    expect(new URL(approved.calendar.yahoo).searchParams.get('st')).toBe('20270319T090000Z');
    const ics = await as(app, mentee).get(approved.calendar.ics);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('DTSTART:20270319T090000Z');
    expect(ics.body).toContain('STATUS:CONFIRMED');
    expect(ics.body).toContain(`URL:${approved.meetingUrl}`);
    const { admin: outsider } = await createOrgWithAdmin(app, 'Nosy');
    expect((await as(app, outsider).get(approved.calendar.ics)).statusCode).toBe(404);
  });
});

describe('when the video provider fails', () => {
  it('still approves, with a fallback link, and asks the mentor for one', async () => {
    const b = (
      await book(mentee, '2027-03-22T09:00:00Z', { sessionTypeId: undefined, lengthMinutes: 60 })
    ).json();
    const failing = createServiceContext(database.db, {
      now: clock.now,
      video: {
        name: 'zoom',
        createMeeting: async () => {
          throw new Error('zoom is down');
        },
        updateMeeting: async () => {},
        deleteMeeting: async () => {},
      },
    });
    const approved = await decideBooking(failing, { userId: mentor.userId }, orgId, b.id, {
      action: 'approve',
    });
    expect(approved.status).toBe('approved');
    expect(approved.meetingUrl).toMatch(jitsiRoom);
    expect(approved.meetingUrl).not.toContain(b.id);
    const asks = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.topic, 'booking.meeting_link_needed'));
    expect(asks.map((r) => r.payload.bookingId)).toContain(b.id);
  });
});

describe('calendar feed', () => {
  it('lists pending bookings as tentative and approved ones as confirmed, at a secret address that can be reset', async () => {
    const pendingOne = (
      await book(mentee, '2027-03-23T09:00:00Z', { sessionTypeId: undefined, lengthMinutes: 60 })
    ).json();
    const approvedOne = (
      await book(mentee, '2027-03-23T11:00:00Z', { sessionTypeId: undefined, lengthMinutes: 60 })
    ).json();
    await act(mentor, approvedOne.id, 'approve');
    const created = await as(app, mentor).post('/api/me/calendar-feed');
    expect(created.statusCode).toBe(201);
    const feedPath = new URL(created.json().url).pathname;
    const feed = await app.inject({ method: 'GET', url: feedPath });
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const event = (id: string) =>
      feed.body.split('BEGIN:VEVENT').find((e) => e.includes(`UID:booking-${id}@confer`)) ?? '';
    expect(event(pendingOne.id)).toContain('STATUS:TENTATIVE');
    expect(event(approvedOne.id)).toContain('STATUS:CONFIRMED');

    await as(app, mentor).post('/api/me/calendar-feed');
    expect((await app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(404);
  });
});

describe('notifications', () => {
  it('tells the mentor of a request and the mentee of the answer, each once, in their own zones', async () => {
    await as(app, mentee).patch('/api/me/profile', { timeZone: 'America/New_York' });
    const b = (
      await book(mentee, '2027-03-24T14:00:00Z', {
        sessionTypeId: undefined,
        lengthMinutes: 60,
        message: 'About my portfolio',
      })
    ).json();
    // Two workers at once, until the outbox is drained: each row is delivered once.
    const drain = async () => {
      while ((await deliverNotifications(jobsCtx)) > 0);
    };
    await Promise.all([drain(), drain()]);
    const forMentor = (await as(app, mentor).get('/api/me/notifications')).json();
    const requested = forMentor.notifications.filter((n: { title: string }) =>
      n.title.includes('requested a session on Wed 24 Mar, 14:00 (London time)'),
    );
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({ body: 'About my portfolio', readAt: null });

    await act(mentor, b.id, 'approve');
    await drain();
    const forMentee = (await as(app, mentee).get('/api/me/notifications')).json();
    expect(forMentee.notifications[0].title).toBe(
      'Mara Mentor approved your session on Wed 24 Mar, 10:00 (New York time)',
    );
    expect(forMentee.unread).toBeGreaterThan(0);
    expect((await as(app, mentee).post('/api/me/notifications/read', {})).statusCode).toBe(204);
    expect((await as(app, mentee).get('/api/me/notifications')).json().unread).toBe(0);
  });
});

/** The server-sent event stream a signed-in page holds open (the bell, new messages). */
async function openEventStream(who: Session) {
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const controller = new AbortController();
  const stream = await fetch(`${base}/api/me/events`, {
    headers: { cookie: who.cookie },
    signal: controller.signal,
  });
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  const readUntil = async (needle: string) => {
    const deadline = Date.now() + 10_000;
    while (!seen.includes(needle)) {
      if (Date.now() > deadline) throw new Error(`no "${needle}" in: ${seen}`);
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
      ]);
      if (next === null) continue;
      if (next.done) throw new Error(`stream ended: ${seen}`);
      seen += decoder.decode(next.value);
    }
  };
  await readUntil('event: ready');
  return { readUntil, close: () => controller.abort() };
}

describe('cancelling a published session', () => {
  it('cancels or rejects the seats booked in it and tells the mentees added directly', async () => {
    const [direct, first, second] = await Promise.all(
      [1, 2, 3].map(() => addMember(app, admin, orgId, { programId })),
    );
    const session = (
      await as(app, mentor).post(`/api/orgs/${orgId}/sessions`, {
        programId,
        mentorId: mentor.userId,
        menteeId: direct!.userId,
        title: 'Portfolio night',
        date: '2027-03-31',
        startTime: '12:00',
        timeZone: 'UTC',
        durationMinutes: 60,
        enrollment: 'online',
        meetingUrl: 'https://meet.example/portfolio',
        capacity: 3,
        publish: true,
      })
    ).json();
    const seat = (who: Session) =>
      as(app, who).post(`/api/orgs/${orgId}/bookings`, {
        mentorId: mentor.userId,
        sessionId: session.id,
      });
    const approved = (await seat(first!)).json();
    await act(mentor, approved.id, 'approve');
    const pending = (await seat(second!)).json();

    // The directly added mentee has Confer open: their bell listens for news.
    const bell = await openEventStream(direct!);
    const cancelled = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions/${session.id}/cancel`,
      { reason: 'Venue closed' },
    );
    expect(cancelled.json().status).toBe('cancelled');
    // Like every event, it reaches people through the outbox and the worker, live.
    while ((await deliverNotifications(jobsCtx)) > 0);
    await bell.readUntil('event: notification');
    bell.close();
    const statusOf = async (who: Session, id: string) =>
      (await as(app, who).get(`/api/orgs/${orgId}/bookings/${id}`)).json();
    expect(await statusOf(first!, approved.id)).toMatchObject({
      status: 'cancelled',
      reason: 'Session cancelled: Venue closed',
    });
    expect(await statusOf(second!, pending.id)).toMatchObject({ status: 'rejected' });
    const note = (await as(app, direct!).get('/api/me/notifications')).json().notifications[0];
    expect(note).toMatchObject({ title: '“Portfolio night” was cancelled', body: 'Venue closed' });
  });
});

describe('notifications made after later steps', () => {
  it('word each step with the time as it was then', async () => {
    await database.db.update(outbox).set({ deliveredAt: clock.now() });
    const b = (
      await book(mentee, '2027-03-26T14:00:00Z', { sessionTypeId: undefined, lengthMinutes: 60 })
    ).json();
    await act(mentor, b.id, 'propose', { startsAt: '2027-03-29T15:00:00Z' });
    while ((await deliverNotifications(jobsCtx)) > 0);
    const forMentor = (await as(app, mentor).get('/api/me/notifications')).json().notifications;
    expect(forMentor[0].title).toBe(
      'Milo Mentee requested a session on Fri 26 Mar, 14:00 (London time)',
    );
    const forMentee = (await as(app, mentee).get('/api/me/notifications')).json().notifications;
    expect(forMentee[0].title).toBe(
      'Mara Mentor suggested Mon 29 Mar, 11:00 (New York time) instead',
    );
    await act(mentee, b.id, 'withdraw'); // stay under the three-pending limit for later tests
  });
});

describe('email', () => {
  it('emails each notification once through SMTP, with a link to Confer', async () => {
    const smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, 'Confer <no-reply@confer.test>');
    const ctx = createServiceContext(database.db, {
      now: clock.now,
      mailer,
      publicUrl: 'http://confer.test',
    });
    try {
      // What earlier tests left is not this test's mail.
      await database.db.update(outbox).set({ deliveredAt: clock.now() });
      await database.db.update(deliveries).set({ status: 'sent' });
      await book(mentee, '2027-03-25T14:00:00Z', {
        sessionTypeId: undefined,
        lengthMinutes: 60,
        message: 'Email me',
      });
      while ((await deliverNotifications(ctx)) > 0);
      await Promise.all([emailNotifications(ctx), emailNotifications(ctx)]);
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail?.to).toEqual([mentor.email]);
      const read = await simpleParser(mail?.raw ?? '');
      expect(read.subject).toMatch(
        /^\[[^\]]+\] Milo Mentee requested a session on Thu 25 Mar, 14:00/,
      );
      const body = read.text ?? '';
      expect(body).toContain('Email me');
      expect(body).toContain(`http://confer.test/o/${orgId}/sessions`);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
