import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { conferFixture, openTab, region, signedIn } from './support.ts';

const fixture = conferFixture();

const as = (email: string, zone: string) => signedIn(fixture, email, zone);

const tab = openTab;

/** Maya's profile, two weeks on: past the demo's own bookings. */
async function mayasLaterSlots(page: Page) {
  await tab(page, 'People');
  await page
    .getByRole('link', { name: /Maya Okafor/ })
    .first()
    .click();
  const times = page.getByRole('list', { name: 'Available times' });
  await times.getByRole('listitem').first().waitFor();
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('button', { name: 'Next week' }).click();
  await times
    .getByRole('button', { name: /^Book / })
    .first()
    .waitFor();
  return times;
}

async function requestFirstSlot(page: Page, message: string, sessionType?: string) {
  const times = await mayasLaterSlots(page);
  // A paid "Product career review" lasts an hour: take an hour-long slot for it.
  const slot = sessionType
    ? times.getByRole('listitem').filter({ hasText: '60 min' }).first()
    : times;
  await slot
    .getByRole('button', { name: /^Book / })
    .first()
    .click();
  const form = page.getByRole('form', { name: 'Book this time' });
  if (sessionType) {
    const select = form.getByLabel('Session type');
    const value = await select.locator('option', { hasText: sessionType }).getAttribute('value');
    await select.selectOption(value ?? '');
  }
  await form.getByLabel('Message').fill(message);
  await form.getByRole('button', { name: 'Request booking' }).click();
  await page.getByText('Booking requested — waiting for Maya Okafor').waitFor();
}

const itemWith = (page: Page, regionName: string, text: string) =>
  region(page, regionName).getByRole('listitem').filter({ hasText: text });

describe('booking a session', () => {
  it('request → counter-proposal → accepted → meeting link changed → cancelled with a reason, with the history', async () => {
    const noah = await as('noah@demo.confer.test', 'Europe/Berlin');
    await requestFirstSlot(noah.page, 'Could we talk about my first job search?');

    const maya = await as('maya@demo.confer.test', 'Europe/London');
    await tab(maya.page, 'Requests');
    const request = itemWith(maya.page, 'Received', 'Noah Schmidt');
    await request.getByText('Could we talk about my first job search?').waitFor();
    await request.getByText('First booking').waitFor();
    await request.getByRole('button', { name: 'Suggest another time' }).click();
    const suggestion = Temporal.Now.plainDateISO('Europe/London').add({ days: 30 });
    const form = request.getByRole('form');
    await form.getByLabel('Date').fill(suggestion.toString());
    await form.getByLabel('Start time').fill('11:00');
    await form.getByRole('button', { name: 'Send suggestion' }).click();
    await request.getByText(/Waiting for Noah Schmidt/).waitFor();

    await tab(noah.page, 'Requests');
    const sent = itemWith(noah.page, 'Sent', 'Maya Okafor');
    await sent.getByRole('region', { name: 'Maya Okafor’s suggestion' }).waitFor();
    await sent.getByRole('button', { name: 'Accept' }).click();
    await tab(noah.page, 'Sessions');
    const upcoming = itemWith(noah.page, 'Upcoming', 'Maya Okafor');
    await upcoming.getByText('Confirmed').waitFor();
    await upcoming.getByText('12:00').first().waitFor(); // 11:00 in London is 12:00 in Berlin

    await tab(maya.page, 'Sessions');
    const mine = itemWith(maya.page, 'Upcoming', 'Noah Schmidt');
    await mine.getByRole('button', { name: 'Change meeting link' }).click();
    await mine.getByRole('textbox', { name: 'Meeting link' }).fill('https://zoom.example/j/424242');
    await mine.getByRole('button', { name: 'Save link' }).click();
    await mine.getByText('zoom.example/j/424242').first().waitFor();

    await noah.page.reload();
    const toCancel = itemWith(noah.page, 'Upcoming', 'Maya Okafor');
    await toCancel.getByText('zoom.example/j/424242').first().waitFor();
    await toCancel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await toCancel.getByLabel('Reason').fill('I accepted a job offer');
    await toCancel.getByRole('button', { name: 'Cancel session' }).click();
    const cancelled = itemWith(noah.page, 'Cancelled', 'Maya Okafor');
    await cancelled.getByText('I accepted a job offer').waitFor();
    await cancelled.getByRole('button', { name: 'History' }).click();
    await cancelled.getByRole('list', { name: 'History' }).getByRole('listitem').nth(4).waitFor();
    const history = await cancelled
      .getByRole('list', { name: 'History' })
      .getByRole('listitem')
      .allTextContents();
    expect(history.length).toBe(5); // requested, suggested, accepted, link changed, cancelled
    expect(history.join(' ')).toContain('I accepted a job offer');
    await noah.close();
    await maya.close();
  });

  it('a mentor reviews a request (message, history) and approves it; both see it confirmed with calendar links', async () => {
    const sam = await as('sam@demo.confer.test', 'America/New_York');
    await requestFirstSlot(sam.page, 'Could we prepare my product case study?');
    const maya = await as('maya@demo.confer.test', 'Europe/London');
    // The bell: the server's worker turns the request into a notification within a second.
    const bell = maya.page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    for (let attempt = 0; attempt < 5 && !(await bell.isVisible()); attempt++) {
      await maya.page.waitForTimeout(1000);
      await maya.page.reload();
    }
    await bell.click();
    await maya.page
      .getByRole('region', { name: 'Notifications' })
      .getByText(/Sam Lee requested a session on .* \(Europe\/London\)/)
      .first()
      .waitFor();
    await tab(maya.page, 'Requests');
    const request = itemWith(maya.page, 'Received', 'Could we prepare my product case study?');
    await request
      .getByRole('link', { name: /Sam Lee/ })
      .first()
      .waitFor();
    await request.getByRole('button', { name: 'Approve' }).click();
    await request.waitFor({ state: 'detached' });

    await tab(maya.page, 'Sessions');
    await itemWith(maya.page, 'Upcoming', 'Session with Sam Lee')
      .filter({ hasText: 'Confirmed' })
      .first()
      .waitFor();
    await tab(sam.page, 'Sessions');
    const confirmed = itemWith(sam.page, 'Upcoming', 'Maya Okafor')
      .filter({ hasText: 'meet.jit.si/confer-' })
      .first();
    await confirmed.getByText('Confirmed').waitFor();
    await confirmed.getByRole('link', { name: 'Google' }).waitFor();
    await expect(
      confirmed.getByRole('link', { name: '.ics file' }).getAttribute('href'),
    ).resolves.toMatch(/calendar\.ics$/);
    await sam.close();
    await maya.close();
  });

  it('a mentor rejects with a reason, after a confirmation step, and the mentee sees it', async () => {
    const aiko = await as('aiko@demo.confer.test', 'Asia/Tokyo');
    await requestFirstSlot(aiko.page, 'Can you review my system design notes?');
    const maya = await as('maya@demo.confer.test', 'Europe/London');
    await tab(maya.page, 'Requests');
    const request = itemWith(maya.page, 'Received', 'Aiko Tanaka');
    await request.getByRole('button', { name: 'Reject' }).click();
    await request
      .getByLabel('Reason')
      .fill('Outside my expertise; Diego is the right mentor for this');
    await request.getByRole('button', { name: 'Reject booking' }).click();
    await request.getByRole('button', { name: 'Yes, reject' }).click();
    await itemWith(maya.page, 'Received', 'Aiko Tanaka').waitFor({ state: 'detached' });

    await tab(aiko.page, 'Sessions');
    const rejected = itemWith(aiko.page, 'Cancelled', 'Maya Okafor');
    await rejected.getByText('Rejected').first().waitFor();
    await rejected.getByText('Diego is the right mentor for this').waitFor();
    await aiko.close();
    await maya.close();
  });

  it('an unanswered paid booking expires after seven days and is refunded', async () => {
    const zanele = await as('zanele@demo.confer.test', 'Africa/Johannesburg');
    await requestFirstSlot(zanele.page, 'Mock interview, please', 'Product career review');
    await tab(zanele.page, 'Sessions');
    await itemWith(zanele.page, 'Requested', 'Product career review')
      .getByText('payment held')
      .waitFor();

    await fixture.confer.advanceClock(8 * 86_400_000);
    // The server's job worker runs every second; reload until the page shows the outcome.
    const expiredItem = itemWith(zanele.page, 'Cancelled', 'Product career review').filter({
      hasText: 'Expired',
    });
    for (let attempt = 0; attempt < 10; attempt++) {
      await zanele.page.reload();
      const shown = await expiredItem
        .first()
        .waitFor({ timeout: 2_000 })
        .then(
          () => true,
          () => false,
        );
      if (shown) break;
    }
    const expired = itemWith(zanele.page, 'Cancelled', 'Product career review')
      .filter({ hasText: 'Expired' })
      .first();
    await expired.getByText('refunded').waitFor();
    await zanele.close();
  });
});
