import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { as } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { calendarPart, readInvitation } from '../support/read-invitation.ts';
import { startSmtpWorker } from '../support/smtp.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday
const { smtp, runWorker } = await startSmtpWorker(database, clock);

let s: BookingScenario;
beforeAll(async () => {
  s = await createBookingScenario(app, 'Invitation Org');
});

/** What the worker sent since `before`, parsed as a mail client would. */
async function mailsSince(before: number) {
  return Promise.all(
    smtp.received
      .slice(before)
      .map(async (m) => ({ to: m.to.join(', '), mail: await simpleParser(m.raw) })),
  );
}

const booking = async (id: string) =>
  (await as(app, s.mentor).get(`/api/orgs/${s.orgId}/bookings/${id}`)).json();

describe('an approved booking', () => {
  let id: string;
  let uid: string;
  const meetingUrl = 'https://meet.example.com/mara-milo';

  it('sends both sides a METHOD:REQUEST whose times, people and link are the booking’s', async () => {
    id = await s.book(s.mentee, '2027-03-02T10:00:00Z');
    await runWorker();
    await s.act(s.mentor, id, 'approve');
    const before = smtp.received.length;
    await runWorker();
    const b = await booking(id);
    expect(b.status).toBe('approved');
    expect(b.meetingUrl).toMatch(/^https:\/\//); // the organisation's video provider made one
    const mails = await mailsSince(before);
    expect(mails.map((m) => m.to).sort()).toEqual([s.mentee.email, s.mentor.email].sort());
    const invitations = mails.map((m) => {
      const ics = calendarPart(m.mail);
      expect(ics, `${m.to} got no text/calendar part`).not.toBeNull();
      return readInvitation(ics ?? '');
    });
    for (const inv of invitations) {
      expect(inv).toEqual({
        method: 'REQUEST',
        uid: `booking-${id}@confer`,
        sequence: 0,
        startsAt: new Date(b.startsAt).toISOString(),
        endsAt: new Date(b.endsAt).toISOString(),
        status: 'CONFIRMED',
        location: b.meetingUrl,
        url: b.meetingUrl,
        organizer: s.mentor.email,
        attendees: [{ email: s.mentee.email, partstat: 'ACCEPTED' }],
      });
    }
    expect(invitations[0]?.startsAt).toBe('2027-03-02T10:00:00.000Z');
    // the admins' Mailbox has the very invitation the mentee's email carried
    const menteeMail = mails.find((m) => m.to === s.mentee.email)!.mail;
    const listed = (await as(app, s.admin).get(`/api/orgs/${s.orgId}/deliveries`)).json();
    const row = listed.deliveries.find(
      (d: { messageId: string }) => d.messageId === menteeMail.messageId,
    );
    const kept = await as(app, s.admin).get(`/api/orgs/${s.orgId}/deliveries/${row.id}`);
    expect(kept.json().calendar).toBe(calendarPart(menteeMail));
    uid = invitations[0]?.uid ?? '';
    // the same UID as the booking's own download, so a calendar holds one event
    const download = await as(app, s.mentee).get(
      `/api/orgs/${s.orgId}/bookings/${id}/calendar.ics`,
    );
    expect(readInvitation(download.body).uid).toBe(uid);
  });

  it('sends an updated REQUEST, same UID and a higher SEQUENCE, when the meeting link changes', async () => {
    const before = smtp.received.length;
    const res = await as(app, s.mentor).put(`/api/orgs/${s.orgId}/bookings/${id}/meeting-link`, {
      meetingUrl,
    });
    expect(res.statusCode, res.body).toBe(200);
    await runWorker();
    const mails = await mailsSince(before);
    expect(mails.map((m) => m.to)).toEqual([s.mentee.email]);
    const inv = readInvitation(calendarPart(mails[0]!.mail) ?? '');
    expect(inv).toMatchObject({ method: 'REQUEST', uid, sequence: 1, location: meetingUrl });
    expect(inv.url).toBe(meetingUrl);
  });

  it('sends METHOD:CANCEL with the same UID and a higher SEQUENCE when cancelled', async () => {
    const before = smtp.received.length;
    await s.act(s.mentee, id, 'cancel', { reason: 'Changed plans' });
    await runWorker();
    const mails = await mailsSince(before);
    // Both calendars drop it: the mentor's, and the mentee's who cancelled.
    expect(mails.map((m) => m.to).sort()).toEqual([s.mentee.email, s.mentor.email].sort());
    for (const { mail } of mails) {
      expect(readInvitation(calendarPart(mail) ?? '')).toMatchObject({
        method: 'CANCEL',
        uid,
        sequence: 2,
        status: 'CANCELLED',
        startsAt: '2027-03-02T10:00:00.000Z',
        endsAt: '2027-03-02T11:00:00.000Z',
      });
    }
  });

  it('resends the invitation unchanged when a delivery is retried', async () => {
    const other = await s.book(s.mentee, '2027-03-03T10:00:00Z');
    await runWorker();
    smtp.control.dataAnswer = 451;
    await s.act(s.mentor, other, 'approve');
    const tried = smtp.rejected.length;
    await runWorker();
    const first = await Promise.all(smtp.rejected.slice(tried).map((m) => simpleParser(m.raw)));
    expect(first).toHaveLength(2);
    smtp.control.dataAnswer = null;
    const before = smtp.received.length;
    clock.advance(60 * 60_000); // past every backoff
    await runWorker();
    const again = await mailsSince(before);
    expect(again).toHaveLength(2);
    const byTo = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;
    for (const m of again) {
      const tried = first.find((f) => byTo(f) === byTo(m.mail));
      // byte for byte the first invitation (its DTSTAMP included): written once, kept
      expect(calendarPart(m.mail)).toBe(calendarPart(tried!));
      expect(readInvitation(calendarPart(m.mail) ?? '').method).toBe('REQUEST');
    }
  });
});

describe('a booking that is not approved', () => {
  it('gets no invitation while pending, nor when rejected', async () => {
    const before = smtp.received.length;
    const id = await s.book(s.mentee, '2027-03-04T10:00:00Z');
    await runWorker();
    await s.act(s.mentor, id, 'reject', { reason: 'Fully booked' });
    await runWorker();
    const mails = await mailsSince(before);
    expect(mails.map((m) => m.mail.subject)).toEqual([
      expect.stringContaining('requested a session'),
      expect.stringContaining('could not take'),
    ]);
    for (const m of mails) {
      expect(calendarPart(m.mail)).toBeNull();
      expect(m.mail.headers.get('content-type')).not.toMatchObject({ value: 'text/calendar' });
    }
  });
});

describe('a published session with a mentee added directly', () => {
  const sessions = () => `/api/orgs/${s.orgId}/sessions`;
  const invitationsTo = async (email: string, before: number) =>
    (await mailsSince(before))
      .filter((m) => m.to === email)
      .map((m) => ({ subject: m.mail.subject, ics: calendarPart(m.mail) }));

  it('invites the mentee once published, updates them on a change and cancels in their calendar', async () => {
    let before = smtp.received.length;
    const draft = await as(app, s.mentor).post(sessions(), {
      programId: s.programId,
      mentorId: s.mentor.userId,
      menteeId: s.mentee.userId,
      title: 'Career check-in',
      date: '2027-03-09',
      startTime: '14:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      enrollment: 'online',
      meetingUrl: 'https://meet.example.com/check-in',
      capacity: 1,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const sessionId = draft.json().id;
    await runWorker();
    // A draft is in nobody's calendar.
    expect(await invitationsTo(s.mentee.email, before)).toEqual([]);

    expect(
      (await as(app, s.mentor).post(`${sessions()}/${sessionId}/publish`, {})).statusCode,
    ).toBe(200);
    await runWorker();
    const [added] = await invitationsTo(s.mentee.email, before);
    expect(added?.subject).toContain('Mara Mentor added you to “Career check-in”');
    expect(readInvitation(added?.ics ?? '')).toMatchObject({
      method: 'REQUEST',
      uid: `session-${sessionId}@confer`,
      sequence: 0,
      startsAt: '2027-03-09T14:00:00.000Z',
      endsAt: '2027-03-09T14:45:00.000Z',
      location: 'https://meet.example.com/check-in',
      organizer: s.mentor.email,
      attendees: [expect.objectContaining({ email: s.mentee.email })],
    });

    before = smtp.received.length;
    const moved = await as(app, s.mentor).patch(`${sessions()}/${sessionId}`, {
      startTime: '15:00',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await runWorker();
    const [changed] = await invitationsTo(s.mentee.email, before);
    expect(readInvitation(changed?.ics ?? '')).toMatchObject({
      method: 'REQUEST',
      uid: `session-${sessionId}@confer`,
      sequence: 1,
      startsAt: '2027-03-09T15:00:00.000Z',
    });

    before = smtp.received.length;
    const cancelled = await as(app, s.mentor).post(`${sessions()}/${sessionId}/cancel`, {
      reason: 'Away that week',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await runWorker();
    const [gone] = await invitationsTo(s.mentee.email, before);
    expect(readInvitation(gone?.ics ?? '')).toMatchObject({
      method: 'CANCEL',
      uid: `session-${sessionId}@confer`,
      sequence: 2,
    });
  });
});
