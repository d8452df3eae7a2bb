import { randomBytes } from 'node:crypto';
import { type ParsedMail, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { calendarPart, readInvitation } from '../support/read-invitation.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { startZoomStandIn } from '../support/zoom-stand-in.ts';
import { approveRequest, itemWith, myBooking, requestFirstSlot } from './booking-steps.ts';
import { conferFixture, openAdmin, openTab, region, sessionsTab, signedIn } from './support.ts';

/**
 * Issue #11, the second half of its "Done when": with SMTP_URL and Zoom
 * configured, the approval goes out over SMTP with the Zoom meeting's link and
 * an invitation, a move updates the meeting and sends an updated REQUEST, and
 * a cancellation deletes the meeting and sends CANCEL.
 */
const credentials = { accountId: 'acct-e2e', clientId: 'client-e2e', clientSecret: 'secret-e2e' };
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let zoom: Awaited<ReturnType<typeof startZoomStandIn>>;
const fixture = conferFixture(async () => {
  smtp = await startSmtpServer();
  zoom = await startZoomStandIn(credentials);
  return {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Confer <no-reply@confer.test>',
    SECRETS_KEY: randomBytes(32).toString('base64'),
    ZOOM_OAUTH_URL: zoom.oauthUrl,
    ZOOM_API_URL: zoom.apiUrl,
  };
});

/** The first email the SMTP server received for `to` whose subject matches, parsed as a mail client would. */
async function mailTo(to: string, subject: RegExp, after = 0): Promise<ParsedMail> {
  for (let attempt = 0; attempt < 80; attempt++) {
    for (const m of smtp.received.slice(after)) {
      if (!m.to.includes(to)) continue;
      const mail = await simpleParser(m.raw);
      if (subject.test(mail.subject ?? '')) return mail;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} matching ${subject}`);
}

describe('with an SMTP server and Zoom', () => {
  it('approval emails the Zoom link and an invitation over SMTP; a move updates both; cancelling deletes the meeting and sends CANCEL', async () => {
    const admin = await signedIn(fixture, 'admin@demo.confer.test', 'Europe/Dublin');
    await openAdmin(admin.page, 'Video');
    const video = region(admin.page, 'Video');
    await video.getByLabel('Meetings').selectOption('zoom');
    await video.getByLabel('Account ID').fill(credentials.accountId);
    await video.getByLabel('Client ID').fill(credentials.clientId);
    await video.getByLabel('Client secret').fill(credentials.clientSecret);
    await video.getByRole('button', { name: 'Save video settings' }).click();
    await video.getByText('Video settings saved.').waitFor();

    const sam = await signedIn(fixture, 'sam@demo.confer.test', 'America/New_York');
    // An hour of Maya's own (a seat in a published session moves only with the session).
    await requestFirstSlot(sam.page, 'Zoom please: portfolio review', undefined, {
      lengthMinutes: 60,
    });
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    await approveRequest(maya.page, 'Zoom please: portfolio review');

    // The meeting is made after the approval commits; the email waits for its link.
    const approved = await mailTo('sam@demo.confer.test', /approved/);
    const booking = await myBooking(sam.page, 'Zoom please: portfolio review');
    expect(booking.meetingUrl).toMatch(/^https:\/\/us05web\.zoom\.example\/j\/\d+/);
    const meeting = [...zoom.meetings.values()].find((m) => m.join_url === booking.meetingUrl);
    expect(meeting?.start_time).toBe(booking.startsAt.replace(/\.000Z$/, 'Z'));
    const invitation = readInvitation(calendarPart(approved) ?? '');
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      location: booking.meetingUrl,
    });
    expect(approved.html).toContain(booking.meetingUrl.replace(/&/g, '&amp;'));

    // Maya moves it a day later; Sam accepts: the Zoom meeting and both calendars follow.
    const nextDay = new Date(Date.parse(booking.startsAt) + 86_400_000);
    const inLondon = (part: 'date' | 'time') =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/London',
        ...(part === 'date' ? { dateStyle: 'short' } : { timeStyle: 'short' }),
      }).format(nextDay);
    const beforeMove = smtp.received.length;
    await openTab(maya.page, 'Sessions');
    const mayas = itemWith(maya.page, 'Upcoming', 'Sam Lee').filter({
      hasText: `zoom.example/j/${meeting?.id}`,
    });
    await mayas.getByRole('button', { name: 'Reschedule' }).click();
    const form = mayas.getByRole('form', { name: 'Reschedule' });
    // Outside her free times: she types it.
    await form.getByRole('button', { name: 'Type a time instead' }).click();
    await form.getByLabel('Date').fill(inLondon('date'));
    await form.getByLabel('Start time').fill(inLondon('time'));
    await form.getByLabel('Reason').fill('A workshop landed on that afternoon');
    await form.getByRole('button', { name: 'Ask to move' }).click();
    await mayas.getByText(/You asked to move this session to/).waitFor();

    await openTab(sam.page, 'Sessions');
    const sams = itemWith(sam.page, 'Upcoming', `zoom.example/j/${meeting?.id}`);
    await sams.getByText(/Maya Okafor asks to move this session to/).waitFor();
    await sams.getByRole('button', { name: 'Accept the new time' }).click();
    await sam.page.getByRole('region', { name: 'Proposed move' }).waitFor({ state: 'detached' });
    const moved = await myBooking(sam.page, 'Zoom please: portfolio review');
    expect(moved.startsAt).toBe(nextDay.toISOString());
    // The meeting is updated after the move commits (PATCH), the same meeting kept.
    await expect
      .poll(() => zoom.meetings.get(String(meeting?.id))?.start_time, { timeout: 10_000 })
      .toBe(nextDay.toISOString().replace(/\.000Z$/, 'Z'));
    expect(
      zoom.seen.some((r) => r.method === 'PATCH' && r.path === `/v2/meetings/${meeting?.id}`),
    ).toBe(true);
    const updated = readInvitation(
      calendarPart(await mailTo('sam@demo.confer.test', /moved to/, beforeMove)) ?? '',
    );
    expect(updated).toMatchObject({
      method: 'REQUEST',
      uid: invitation.uid,
      startsAt: moved.startsAt,
      endsAt: moved.endsAt,
      location: booking.meetingUrl,
    });
    expect(updated.sequence).toBeGreaterThan(invitation.sequence);

    const before = smtp.received.length;
    await openTab(sam.page, 'Sessions');
    // Its card shows the Zoom meeting's address.
    const upcoming = itemWith(sam.page, 'Upcoming', `zoom.example/j/${meeting?.id}`);
    await upcoming.getByRole('button', { name: 'Cancel', exact: true }).click();
    await upcoming.getByLabel('Reason').fill('My interview moved to that hour');
    await upcoming.getByRole('button', { name: 'Cancel session' }).click();
    await sessionsTab(sam.page, 'Cancelled');
    await itemWith(sam.page, 'Cancelled', 'My interview moved to that hour').waitFor();

    for (const to of ['maya@demo.confer.test', 'sam@demo.confer.test']) {
      const cancelled = readInvitation(calendarPart(await mailTo(to, /cancel/i, before)) ?? '');
      expect(cancelled).toMatchObject({ method: 'CANCEL', uid: invitation.uid });
      expect(cancelled.sequence).toBeGreaterThan(updated.sequence);
    }
    // The delete is a job after the cancellation commits.
    await expect
      .poll(() => zoom.meetings.has(String(meeting?.id)), { timeout: 10_000 })
      .toBe(false);
    expect(
      zoom.seen.some((r) => r.method === 'DELETE' && r.path === `/v2/meetings/${meeting?.id}`),
    ).toBe(true);
    await admin.close();
    await sam.close();
    await maya.close();
  });
});
