import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimDueDeliveries } from '../../src/db/queries/deliveries.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { emailNotifications } from '../../src/services/email-notifications.ts';
import { as } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { startSmtpWorker } from '../support/smtp.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock, database } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday
// The worker's context: the same database and clock, with the SMTP server.
const { smtp, mailer, worker, runWorker } = await startSmtpWorker(database, clock);

let s: BookingScenario;
beforeAll(async () => {
  s = await createBookingScenario(app, 'Email Org');
});

const parsed = (raws: { raw: string }[]) => Promise.all(raws.map((m) => simpleParser(m.raw)));
const deliveries = async (status?: string) =>
  as(app, s.admin).get(`/api/orgs/${s.orgId}/deliveries${status ? `?status=${status}` : ''}`);

describe('a recipient the SMTP server refuses (550)', () => {
  it('fails that delivery alone, lists it for admins, and everyone else’s mail still goes', async () => {
    smtp.control.refuse.set(s.mentee.email.toLowerCase(), 550);
    const before = smtp.received.length;
    const id = await s.book(s.mentee, '2027-03-02T10:00:00Z');
    await runWorker();
    await s.act(s.mentor, id, 'approve');
    await runWorker();
    const mails = await parsed(smtp.received.slice(before));
    // The mentor's request and confirmation both arrived despite the mentee's refused address.
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining('Milo Mentee requested a session'),
      expect.stringContaining('is confirmed'),
    ]);
    expect(smtp.received.slice(before).flatMap((m) => m.to)).toEqual([
      s.mentor.email,
      s.mentor.email,
    ]);

    const failed = await deliveries('failed');
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json().deliveries).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('550'),
        recipient: expect.objectContaining({ email: s.mentee.email }),
        notification: expect.objectContaining({ title: expect.stringContaining('approved') }),
      }),
    ]);
    // Never retried.
    await runWorker();
    expect((await deliveries('failed')).json().deliveries[0].attempts).toBe(1);
    smtp.control.refuse.clear();
  });

  it('is listed to the organisation’s admins only', async () => {
    const asMentor = await as(app, s.mentor).get(`/api/orgs/${s.orgId}/deliveries`);
    expect(asMentor.statusCode).toBe(403);
    const bad = await as(app, s.admin).get(`/api/orgs/${s.orgId}/deliveries?status=lost`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('query.status');
    const outsider = await createBookingScenario(app, 'Other Org');
    const elsewhere = await as(app, outsider.admin).get(`/api/orgs/${s.orgId}/deliveries`);
    expect(elsewhere.statusCode).toBe(404);
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/orgs/{orgId}/deliveries'].get.responses).toHaveProperty('200');
  });
});

describe('a server that answers “try later” (451)', () => {
  it('retries with backoff and sends once accepted, with the same Message-ID', async () => {
    smtp.control.dataAnswer = 451;
    const before = smtp.received.length;
    await s.book(s.mentee, '2027-03-03T10:00:00Z');
    await runWorker();
    expect(smtp.rejected).toHaveLength(1);
    const [retrying] = (await deliveries('retrying')).json().deliveries;
    expect(retrying).toMatchObject({ attempts: 1, lastError: expect.stringContaining('451') });
    expect(new Date(retrying.nextAttemptAt).getTime()).toBeGreaterThan(clock.now().getTime());

    smtp.control.dataAnswer = null;
    await runWorker(); // not due yet: the backoff holds it
    expect(smtp.received.length).toBe(before);
    clock.set(new Date(retrying.nextAttemptAt));
    await runWorker();
    const [tried] = await parsed(smtp.rejected);
    const [sent] = await parsed(smtp.received.slice(before));
    expect(sent?.subject).toContain('requested a session');
    expect(sent?.messageId).toBeTruthy();
    expect(sent?.messageId).toBe(tried?.messageId);
    expect(sent?.messageId).toBe(retrying.messageId);
  });
});

describe('a sender that dies after claiming', () => {
  it('leaves the message to the next sender once its lease runs out, with the same Message-ID', async () => {
    const before = smtp.received.length;
    await s.book(s.mentee, '2027-03-04T10:00:00Z');
    while ((await deliverNotifications(worker)) > 0);
    // What a crashed sender left behind: a claim, committed, and nothing sent.
    const [claimed] = await claimDueDeliveries(database.db, {
      channel: 'email',
      now: clock.now(),
      leaseMs: 5 * 60_000,
      limit: 10,
      messageDomain: mailer.domain,
    });
    expect(claimed).toBeDefined();
    await runWorker();
    expect(smtp.received.length).toBe(before); // still leased
    clock.advance(5 * 60_000 + 1);
    await runWorker();
    const mails = await parsed(smtp.received.slice(before));
    expect(mails.map((m) => m.messageId)).toEqual([claimed?.messageId]);
    const sent = (await deliveries('sent')).json().deliveries[0];
    expect(sent).toMatchObject({ attempts: 2, messageId: claimed?.messageId });
  });
});

/** The links of an HTML email as a reader sees them: where each goes and what it says. */
const buttonsIn = (html: string | false | undefined) =>
  [...String(html).matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1],
    label: (m[2] ?? '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, '')
      .trim(),
  }));

describe('what an email says', () => {
  it('is HTML and text: the organisation, the time in the reader’s zone, the other person, the message, and buttons to the right page', async () => {
    const linked = createServiceContext(database.db, {
      now: clock.now,
      mailer,
      publicUrl: 'https://confer.example',
    });
    const zone = await as(app, s.mentor).patch('/api/me/profile', { timeZone: 'America/New_York' });
    expect(zone.statusCode, zone.body).toBe(200);
    const before = smtp.received.length;
    const id = await s.book(s.mentee, '2027-03-05T15:00:00Z');
    while ((await deliverNotifications(linked)) > 0);
    while ((await emailNotifications(linked)) > 0);
    await s.act(s.mentor, id, 'approve');
    while ((await deliverNotifications(linked)) > 0);
    while ((await emailNotifications(linked)) > 0);
    const mails = await parsed(smtp.received.slice(before));
    const to = (who: { email: string }) =>
      mails.filter((m) => JSON.stringify(m.to).toLowerCase().includes(who.email.toLowerCase()));
    const [request] = to(s.mentor);
    const [confirmed] = to(s.mentee);
    // The mentor reads the request in New York time; the mentee, in London, the confirmation.
    expect(request?.subject).toMatch(/^\[Email Org\] Milo Mentee requested a session/);
    expect(request?.text).toContain('Friday 5 March 2027, 10:00–11:00 New York time (GMT-5)');
    expect(request?.text).toContain('Milo Mentee');
    expect(request?.text).toContain('Hello'); // the mentee's message
    expect(request?.html).toContain('Friday 5 March 2027, 10:00–11:00 New York time (GMT-5)');
    expect(buttonsIn(request?.html)).toContainEqual({
      label: 'Review the request',
      href: expect.stringMatching(/^https:\/\/confer\.example\/o\/[^/]+\/sessions$/),
    });
    expect(confirmed?.text).toContain('Friday 5 March 2027, 15:00–16:00 London time (GMT)');
    expect(confirmed?.text).toContain('Mara Mentor');
    // An approved session's email carries its meeting link as a Join button.
    expect(buttonsIn(confirmed?.html)).toContainEqual({
      label: 'Join the meeting',
      href: expect.stringMatching(/^https:\/\/meet\.jit\.si\//),
    });
    await as(app, s.mentor).patch('/api/me/profile', { timeZone: 'UTC' });
  });
});
