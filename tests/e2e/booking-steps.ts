import type { Page } from 'playwright-core';
import { dateInDays, dayTimes, pickDay } from './picker-steps.ts';
import { openTab, region } from './support.ts';

/** Maya's profile, and its "Book a time" card. */
export async function mayasPicker(page: Page) {
  await openTab(page, 'People');
  await page
    .getByRole('link', { name: /Maya Okafor/ })
    .first()
    .click();
  return region(page, 'Book a time');
}

/**
 * Books Maya's first free time two weeks on (past the demo's own bookings)
 * through the picker: a kind of session (a session type, or her hours of
 * `lengthMinutes`), a marked day, its first time, a message; resolves when
 * the page says it is requested.
 */
export async function requestFirstSlot(
  page: Page,
  message: string,
  sessionType?: string,
  opts: { lengthMinutes?: number } = {},
) {
  const card = await mayasPicker(page);
  if (sessionType) await card.getByRole('radio', { name: new RegExp(`^${sessionType}`) }).check();
  else if (opts.lengthMinutes) {
    await card
      .getByRole('radio', { name: new RegExp(`\\b${opts.lengthMinutes} min\\b`) })
      .first()
      .check();
  }
  await pickDay(card, await dateInDays(page, 14));
  await dayTimes(card).first().click();
  const form = page.getByRole('form', { name: 'Book this time' });
  await form.getByLabel('Message').fill(message);
  await form.getByRole('button', { name: 'Request booking' }).click();
  await page.getByText('Booking requested — waiting for Maya Okafor').waitFor();
}

/** The items of a titled card (Received, Upcoming, Cancelled …) that contain `text`. */
export const itemWith = (page: Page, regionName: string, text: string) =>
  region(page, regionName).getByRole('listitem').filter({ hasText: text });

/** Requests → Received → the request with `text` → Approve; resolves once it leaves the list. */
export async function approveRequest(page: Page, text: string) {
  await openTab(page, 'Requests');
  const request = itemWith(page, 'Received', text);
  await request.getByRole('button', { name: 'Approve' }).click();
  await request.waitFor({ state: 'detached' });
}

/** One of the signed-in person's bookings (GET /api/me/bookings), found by its message. */
export async function myBooking(page: Page, message: string | RegExp) {
  const { bookings } = (await (await page.request.get('/api/me/bookings')).json()) as {
    bookings: {
      id: string;
      message: string;
      startsAt: string;
      endsAt: string;
      meetingUrl: string;
    }[];
  };
  const found = bookings.find((b) =>
    typeof message === 'string' ? b.message === message : message.test(b.message),
  );
  if (!found) throw new Error(`no booking with the message ${message}`);
  return found;
}
