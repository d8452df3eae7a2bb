import { describe, expect, it } from 'vitest';
import { itemWith, requestFirstSlot } from './booking-steps.ts';
import { conferFixture, openTab, region, signedIn } from './support.ts';

/**
 * Issue #11: a Confer with no SMTP server keeps its mail; the admin's Mailbox
 * shows each email as its reader got it.
 */
const fixture = conferFixture();

describe('the Mailbox without a mail server', () => {
  it("shows the admin the HTML email a mentee received when the mentor approved: the mentee's time and a Join link", async () => {
    const sam = await signedIn(fixture, 'sam@demo.confer.test', 'America/New_York');
    await requestFirstSlot(sam.page, 'Could we review my case study?');
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    await openTab(maya.page, 'Requests');
    const request = itemWith(maya.page, 'Received', 'Could we review my case study?');
    await request.getByRole('button', { name: 'Approve' }).click();
    await request.waitFor({ state: 'detached' });

    const admin = await signedIn(fixture, 'admin@demo.confer.test', 'Europe/Dublin');
    await openTab(admin.page, 'Admin');
    const mailbox = region(admin.page, 'Mailbox');
    const email = mailbox
      .getByRole('listitem')
      .filter({ hasText: 'sam@demo.confer.test' })
      .filter({ hasText: 'approved' })
      .first();
    // The server's worker writes and sends it within a second or two; Refresh is how an admin looks again.
    const sent = email.getByText('Sent', { exact: true });
    for (let attempt = 0; attempt < 30 && !(await sent.isVisible()); attempt++) {
      await mailbox.getByRole('button', { name: 'Refresh' }).click();
      await admin.page.waitForTimeout(500);
    }
    await sent.waitFor();
    await email.getByRole('button', { name: 'Show email' }).click();
    const shown = admin.page.frameLocator('iframe[title^="Email to Sam Lee"]');
    // Sam reads it in New York time, whatever the admin's zone.
    await shown
      .locator('p')
      .filter({ hasText: /^When: .* New York time \(GMT-[45]\)$/ })
      .waitFor();
    const join = shown.getByRole('link', { name: 'Join the meeting' });
    expect(await join.getAttribute('href')).toMatch(/^https:\/\/meet\.jit\.si\//);
    await sam.close();
    await maya.close();
    await admin.close();
  });
});
