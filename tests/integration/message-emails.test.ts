import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_QUIET_MS } from '../../src/services/message-emails.ts';
import { as, type Session } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { startSmtpWorker } from '../support/smtp.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #11: messages are emailed in batches (one email per conversation per
 * quiet period, nothing if read meanwhile), and every email that can be
 * switched off has a one-click unsubscribe (RFC 8058) that works.
 */
const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T09:00:00Z')); // a Monday
const { smtp, runWorker } = await startSmtpWorker(database, clock, {
  publicUrl: 'https://confer.test',
});

let s: BookingScenario;
let threadId: string;
beforeAll(async () => {
  s = await createBookingScenario(app, 'Messages Mail Org');
  const id = await s.book(s.mentee, '2027-03-10T10:00:00Z');
  await s.act(s.mentor, id, 'approve');
  threadId = (await as(app, s.mentee).get(`/api/orgs/${s.orgId}/bookings/${id}/thread`)).json()
    .threadId;
  await runWorker(true);
});

const say = async (who: Session, body: string) =>
  expect(
    (await as(app, who).post(`/api/orgs/${s.orgId}/threads/${threadId}/messages`, { body }))
      .statusCode,
  ).toBe(201);
const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
async function mailsTo(who: Session, from: number): Promise<ParsedMail[]> {
  const mails = await Promise.all(smtp.received.slice(from).map((m) => simpleParser(m.raw)));
  return mails.filter((m) => JSON.stringify(m.to).toLowerCase().includes(who.email.toLowerCase()));
}
/** A header as sent (mailparser folds the List-* ones into one object). */
const header = (m: ParsedMail | undefined, name: string) =>
  m?.headerLines
    .find((h) => h.key === name)
    ?.line.slice(name.length + 1)
    .trim();

describe('message emails', () => {
  it('gathers the messages of a quiet period into one email, with a one-click unsubscribe', async () => {
    const from = smtp.received.length;
    await say(s.mentor, 'Hi Milo, looking forward to it.');
    later(60_000);
    await say(s.mentor, 'Could you send your CV beforehand?');
    await say(s.mentor, 'Thanks!');
    await runWorker(true);
    expect(await mailsTo(s.mentee, from)).toEqual([]); // still within the quiet period

    later(MESSAGE_QUIET_MS);
    await runWorker(true);
    const mails = await mailsTo(s.mentee, from);
    expect(mails.map((m) => m.subject)).toEqual([
      '[Messages Mail Org] 3 new messages from Mara Mentor',
    ]);
    const [mail] = mails;
    expect(mail?.text).toContain('Could you send your CV beforehand?');
    expect(mail?.html).toContain(`https://confer.test/o/${s.orgId}/messages/${threadId}`);
    // RFC 8058: an HTTPS address to POST to, and the header saying one click is enough.
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'list-unsubscribe')).toMatch(
      /^<https:\/\/confer\.test\/api\/email\/unsubscribe\/[^>]+>$/,
    );
    // The sender gets no email of their own messages; running again sends nothing twice.
    await runWorker(true);
    expect(await mailsTo(s.mentor, from)).toEqual([]);
    expect(await mailsTo(s.mentee, from)).toHaveLength(1);
  });

  it('sends nothing when the messages were read within the quiet period', async () => {
    const from = smtp.received.length;
    await say(s.mentor, 'One more thing: bring questions.');
    later(MESSAGE_QUIET_MS / 2);
    await as(app, s.mentee).post(`/api/orgs/${s.orgId}/threads/${threadId}/read`);
    later(MESSAGE_QUIET_MS);
    await runWorker(true);
    expect(await mailsTo(s.mentee, from)).toEqual([]);
  });

  it('one click on the unsubscribe address stops message emails and says so in the preferences', async () => {
    const from = smtp.received.length;
    await say(s.mentor, 'Are you there?');
    later(MESSAGE_QUIET_MS + 1000);
    await runWorker(true);
    const [mail] = await mailsTo(s.mentee, from);
    const url = new URL(header(mail, 'list-unsubscribe')?.slice(1, -1) ?? '');
    // What a mail program does: a form POST with no cookie and no CSRF token.
    const res = await app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'messages', label: 'Messages' });
    // A person opening it in a browser is asked on a page first.
    const opened = await app.inject({
      method: 'GET',
      url: url.pathname,
      headers: { accept: 'text/html' },
    });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toMatch(/^\/unsubscribe\//);

    const prefs = (await as(app, s.mentee).get('/api/me/notification-preferences')).json();
    expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'messages')).toMatchObject({
      inApp: true,
      email: 'off',
    });
    const next = smtp.received.length;
    await say(s.mentor, 'Hello?');
    later(MESSAGE_QUIET_MS + 1000);
    await runWorker(true);
    expect(await mailsTo(s.mentee, next)).toEqual([]);

    // A forged or altered link changes nothing and names the problem.
    const forged = await app.inject({
      method: 'POST',
      url: `/api/email/unsubscribe/${s.mentor.userId}.messages.${'x'.repeat(32)}`,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.fields).toHaveProperty(['params.token']);
  });

  it('booking emails carry an unsubscribe for their kind; a cancelled session’s email has none', async () => {
    const from = smtp.received.length;
    const id = await s.book(s.mentee, '2027-03-11T10:00:00Z');
    await runWorker(true);
    const [request] = await mailsTo(s.mentor, from);
    expect(request?.subject).toContain('requested a session');
    expect(header(request, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(request?.text).toContain('Unsubscribe from booking request emails');
    await s.act(s.mentor, id, 'approve');
    await s.act(s.mentor, id, 'cancel', { reason: 'Double-booked' });
    await runWorker(true);
    const cancelled = (await mailsTo(s.mentee, from)).find((m) =>
      /cancelled/.test(m.subject ?? ''),
    );
    expect(cancelled).toBeDefined();
    expect(header(cancelled, 'list-unsubscribe-post')).toBeUndefined();
    expect(cancelled?.text).not.toContain('Unsubscribe');
  });
});
