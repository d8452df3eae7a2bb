import type { Page } from 'playwright-core';
import { openTab, region } from './support.ts';

/** Maya's profile, two weeks on: past the demo's own bookings. */
export async function mayasLaterSlots(page: Page) {
  await openTab(page, 'People');
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

/**
 * Books Maya's first free time two weeks on from her profile, with a
 * message (and a session type); resolves when the page says it is requested.
 */
export async function requestFirstSlot(
  page: Page,
  message: string,
  sessionType?: string,
  opts: { hourOfHerOwn?: boolean } = {},
) {
  const times = await mayasLaterSlots(page);
  // A paid "Product career review" lasts an hour: take an hour-long slot for it
  // (one of her weekly hours, not a seat in a published session).
  const slot =
    sessionType || opts.hourOfHerOwn
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
