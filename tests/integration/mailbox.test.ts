import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { emailNotifications } from '../../src/services/email-notifications.ts';
import { as } from '../factories.ts';
import { createBookingScenario } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Mail without an SMTP server (issue #11): the embedded default writes every
 * email to DATA_DIR/mail as an .eml file and keeps it for the admins' Mailbox.
 */
const { app, clock, ctx, dataDir } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday

describe('the mailbox of a Confer without a mail server', () => {
  it('keeps each email, as its reader gets it, in an .eml file and for the admins to read', async () => {
    const s = await createBookingScenario(app, 'Mailbox Org');
    await as(app, s.mentee).patch('/api/me/profile', { timeZone: 'Asia/Tokyo' });
    const id = await s.book(s.mentee, '2027-03-02T10:00:00Z');
    await s.act(s.mentor, id, 'approve');
    while ((await deliverNotifications(ctx)) > 0);
    while ((await emailNotifications(ctx)) > 0);

    // Files a person can open in any mail program.
    const dir = path.join(dataDir, 'mail');
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(
      files.map((f) => simpleParser(readFileSync(path.join(dir, f)))),
    );
    const toMentee = mails.find(
      (m) =>
        JSON.stringify(m.to).toLowerCase().includes(s.mentee.email.toLowerCase()) &&
        /approved/.test(m.subject ?? ''),
    );
    expect(toMentee?.subject).toContain('Mailbox Org');
    expect(toMentee?.text).toContain('Tuesday 2 March 2027, 19:00–20:00 Tokyo time (GMT+9)');
    expect(toMentee?.html).toContain('Tokyo time');

    // The admins' Mailbox lists them with their status, and shows each as received.
    const list = await as(app, s.admin).get(`/api/orgs/${s.orgId}/deliveries`);
    expect(list.statusCode, list.body).toBe(200);
    const sent = list.json().deliveries as {
      id: number;
      status: string;
      subject: string;
      recipient: { email: string };
    }[];
    // Every email about the organisation's sessions is listed, each with its file.
    expect(sent.map((d) => d.subject).sort()).toEqual(
      mails
        .filter((m) => /session/i.test(m.subject ?? ''))
        .map((m) => m.subject)
        .sort(),
    );
    expect(sent.every((d) => d.status === 'sent')).toBe(true);
    const entry = sent.find((d) => d.recipient.email === s.mentee.email);
    expect(entry?.subject).toBe(toMentee?.subject);
    const shown = await as(app, s.admin).get(`/api/orgs/${s.orgId}/deliveries/${entry?.id}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      status: 'sent',
      subject: toMentee?.subject,
      text: expect.stringContaining('Tokyo time'),
      html: expect.stringContaining('Tokyo time'),
    });
    // Only admins read other people's mail; another organisation's email is not found.
    expect(
      (await as(app, s.mentor).get(`/api/orgs/${s.orgId}/deliveries/${entry?.id}`)).statusCode,
    ).toBe(403);
    const other = await createBookingScenario(app, 'Other Org');
    expect(
      (await as(app, other.admin).get(`/api/orgs/${other.orgId}/deliveries/${entry?.id}`))
        .statusCode,
    ).toBe(404);
  });
});
