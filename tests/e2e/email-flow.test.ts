import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readInvitation } from '../support/read-invitation.ts';
import { approveRequest, myBooking, requestFirstSlot } from './booking-steps.ts';
import { conferFixture, openAdmin, openBookingThread, region, signedIn } from './support.ts';

/**
 * Issue #11's "Done when", on the embedded database with no SMTP server: what
 * approval sends shows in the admin's Mailbox as the mentee got it, with an
 * invitation a calendar parser reads back exactly; reminders come when the
 * clock reaches them.
 */
const fixture = conferFixture();

/** Admin → Mailbox, looked at again (Refresh) until an email to `to` about `about` shows as sent. */
async function sentEmail(page: Page, to: string, about: string | RegExp) {
  await openAdmin(page, 'Mailbox');
  const mailbox = region(page, 'Mailbox');
  const email = mailbox
    .getByRole('listitem')
    .filter({ hasText: to })
    .filter({ hasText: about })
    .first();
  const sent = email.getByText('Sent', { exact: true });
  // The server's worker writes and sends within a second or two.
  for (let attempt = 0; attempt < 40 && !(await sent.isVisible()); attempt++) {
    await mailbox.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForTimeout(500);
  }
  await sent.waitFor();
  return email;
}

describe('email without a mail server (issue #11)', () => {
  it("a mentor approves a demo booking: the admin's Mailbox shows the mentee's email — their time, the Join link, an invitation read back exactly", async () => {
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    // The demo's own paid request from Sam.
    await approveRequest(maya.page, 'PM interview loop');

    const sam = await signedIn(fixture, 'sam@demo.confer.test', 'America/New_York');
    const booking = await myBooking(sam.page, /PM interview loop/);

    const admin = await signedIn(fixture, 'admin@demo.confer.test', 'Europe/Dublin');
    const email = await sentEmail(admin.page, 'sam@demo.confer.test', 'approved');
    await email.getByRole('button', { name: 'Show email' }).click();
    const shown = admin.page.frameLocator('iframe[title^="Email to Sam Lee"]');
    const when = await shown
      .locator('p')
      .filter({ hasText: /^When: .* New York time \(GMT-[45]\)$/ })
      .innerText();
    // The time as Sam reads it, from the booking's own instants.
    const local = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'America/New_York',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso));
    expect(when).toContain(`${local(booking.startsAt)}–${local(booking.endsAt)}`);
    const join = shown.getByRole('link', { name: 'Join the meeting' });
    expect(await join.getAttribute('href')).toBe(booking.meetingUrl);

    // The invitation the email carries, as the Mailbox's API keeps it, read back by a parser.
    const orgId = /\/o\/([0-9a-f-]{36})\//.exec(admin.page.url())?.[1];
    const list = (await (await admin.page.request.get(`/api/orgs/${orgId}/deliveries`)).json()) as {
      deliveries: { id: number; subject: string | null; recipient: { email: string } }[];
    };
    const delivery = list.deliveries.find(
      (d) => d.recipient.email === 'sam@demo.confer.test' && /approved/.test(d.subject ?? ''),
    );
    const detail = (await (
      await admin.page.request.get(`/api/orgs/${orgId}/deliveries/${delivery?.id}`)
    ).json()) as { calendar: string | null };
    expect(readInvitation(detail.calendar ?? '')).toMatchObject({
      method: 'REQUEST',
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      location: booking.meetingUrl,
    });
    // The Mailbox offers the same invitation as the file Sam's mail program got.
    const [download] = await Promise.all([
      admin.page.waitForEvent('download'),
      email.getByRole('link', { name: 'download the .ics file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`invite-${delivery?.id}.ics`);
    expect(readFileSync((await download.path()) ?? '', 'utf8')).toBe(detail.calendar);
    await maya.close();
    await sam.close();
    await admin.close();
  });

  it('a message is emailed once its quiet period passes; after the mentee turns off message emails, the next one sends none', async () => {
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    const admin = await signedIn(fixture, 'admin@demo.confer.test', 'Europe/Dublin');
    const say = async (page: Page, text: string) => {
      await page.getByRole('textbox', { name: 'Message' }).fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('log').getByText(text).waitFor();
    };
    // Sam's session approved above: its thread, Sam not reading it.
    await openBookingThread(maya.page, 'Sam Lee', 'Upcoming');
    await say(maya.page, 'Could you bring the case study you mentioned?');
    await fixture.confer.advanceClock(11 * 60_000); // past the quiet period
    const first = await sentEmail(
      admin.page,
      'sam@demo.confer.test',
      'New message from Maya Okafor',
    );
    await first.getByRole('button', { name: 'Show email' }).click();
    await admin.page
      .frameLocator('iframe[title^="Email to Sam Lee"]')
      .locator('p', { hasText: 'Could you bring the case study you mentioned?' })
      .waitFor();

    // Sam turns message emails off in Account → Notifications.
    const sam = await signedIn(fixture, 'sam@demo.confer.test', 'America/New_York');
    await sam.page.getByRole('link', { name: 'Account' }).click();
    const settings = region(sam.page, 'Notifications');
    await settings.getByLabel('Email for messages').selectOption({ label: 'Never' });
    await settings.getByRole('button', { name: 'Save notification settings' }).click();
    await settings.getByText('Saved.').waitFor();

    await say(maya.page, 'One more thing: bring questions too.');
    // Then a message to Zanele, whose emails are on: once hers is sent, Sam's turn has passed.
    await openBookingThread(maya.page, 'Zanele Dlamini', 'Requested');
    await say(maya.page, 'Does Thursday still work for you?');
    await fixture.confer.advanceClock(11 * 60_000);
    await sentEmail(admin.page, 'zanele@demo.confer.test', 'New message from Maya Okafor');
    const orgId = /\/o\/([0-9a-f-]{36})\//.exec(admin.page.url())?.[1];
    const list = (await (await admin.page.request.get(`/api/orgs/${orgId}/deliveries`)).json()) as {
      deliveries: { subject: string | null; recipient: { email: string } }[];
    };
    expect(
      list.deliveries.filter(
        (d) => d.recipient.email === 'sam@demo.confer.test' && /new message/i.test(d.subject ?? ''),
      ),
    ).toHaveLength(1);
    await maya.close();
    await sam.close();
    await admin.close();
  });

  it('with the clock moved to 24 h and then 1 h before an approved session, both reminders appear in the bell and the Mailbox', async () => {
    const sam = await signedIn(fixture, 'sam@demo.confer.test', 'America/New_York');
    await requestFirstSlot(sam.page, 'Remind me, please');
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    await approveRequest(maya.page, 'Remind me, please');
    const booking = await myBooking(sam.page, /Remind me, please/);
    const startsAt = Date.parse(booking.startsAt);

    // This session's reminders, not those of the demo's sessions the moved clock also reaches.
    // Titles say when as people read it: "Thu 17 Dec, 12:00 (New York time)".
    const inZone = (timeZone: string) => {
      const part = (type: string) =>
        new Intl.DateTimeFormat('en-GB', {
          timeZone,
          weekday: 'short',
          day: 'numeric',
          month: 'short',
        })
          .formatToParts(startsAt)
          .find((p) => p.type === type)?.value;
      const clock = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(startsAt);
      const city = (timeZone.split('/').pop() ?? '').replaceAll('_', ' ');
      return `${part('weekday')} ${part('day')} ${part('month')}, ${clock} (${city} time)`;
    };
    const at = inZone('America/New_York');
    const bell = sam.page.getByRole('button', { name: /^Notifications/ });
    const panel = sam.page.getByRole('region', { name: 'Notifications' });
    // Two minutes past 24 h before; the server's clock is the real one until moved.
    await fixture.confer.advanceClock(startsAt - 24 * 3_600_000 - Date.now() + 120_000);
    await bell.click();
    await panel.getByText(`Your session with Maya Okafor starts in 24 hours: ${at}`).waitFor();
    await fixture.confer.advanceClock(23 * 3_600_000);
    // No reload: the live stream brings the second one to the open panel.
    await panel.getByText(`Your session with Maya Okafor starts in 1 hour: ${at}`).waitFor();

    const admin = await signedIn(fixture, 'admin@demo.confer.test', 'Europe/Dublin');
    await sentEmail(admin.page, 'sam@demo.confer.test', `starts in 24 hours: ${at}`);
    await sentEmail(admin.page, 'sam@demo.confer.test', `starts in 1 hour: ${at}`);
    await sentEmail(
      admin.page,
      'maya@demo.confer.test',
      `starts in 1 hour: ${inZone('Europe/London')}`,
    );
    await maya.close();
    await sam.close();
    await admin.close();
  });
});
