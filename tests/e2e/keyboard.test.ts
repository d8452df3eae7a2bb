import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dateInDays } from './picker-steps.ts';
import { conferFixture, region, signedIn } from './support.ts';

/**
 * Issue #12: booking and approving with the keyboard alone — Tab to move,
 * Enter or Space to act, typing into fields; no mouse anywhere.
 */
const fixture = conferFixture();

/** Presses Tab until the focused element matches `selector` and contains `text`. */
async function tabTo(page: Page, selector: string, text: string | RegExp = '') {
  const pattern = typeof text === 'string' ? text : text.source;
  for (let presses = 0; presses < 250; presses += 1) {
    const there = await page.evaluate(
      ({ selector, pattern }) => {
        const el = document.activeElement;
        return Boolean(el?.matches(selector) && new RegExp(pattern).test(el.textContent ?? ''));
      },
      { selector, pattern },
    );
    if (there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} ${pattern}`);
}

describe('keyboard only', () => {
  it('a mentee books a time through the picker and the mentor approves it', async () => {
    const aiko = await signedIn(fixture, 'aiko@demo.confer.test', 'Asia/Tokyo');
    // The People tab, then Maya's card, by keyboard.
    await tabTo(aiko.page, 'a', /^People$/);
    await aiko.page.keyboard.press('Enter');
    await aiko.page.getByRole('heading', { name: 'People' }).first().waitFor();
    await tabTo(aiko.page, 'a', /Maya Okafor/);
    await aiko.page.keyboard.press('Enter');
    const card = region(aiko.page, 'Book a time');
    await card
      .getByText(/Choose a marked day|No free times in/)
      .first()
      .waitFor();
    // Next month, so the day is past the demo's own bookings.
    await tabTo(aiko.page, 'button[aria-label="Next month"]');
    await aiko.page.keyboard.press('Enter');
    await card.locator('button[data-date]:not([disabled])').first().waitFor();
    const after = await dateInDays(aiko.page, 14);
    await tabTo(aiko.page, 'button[data-date]:not([disabled])');
    // Through the marked days (each a tab stop) to one two weeks on.
    while (
      ((await aiko.page.evaluate(() => document.activeElement?.getAttribute('data-date'))) ?? '') <
      after
    ) {
      await aiko.page.keyboard.press('Tab');
    }
    await aiko.page.keyboard.press('Enter');
    await tabTo(aiko.page, '.day-time');
    await aiko.page.keyboard.press('Space');
    await tabTo(aiko.page, 'textarea[name="message"]');
    await aiko.page.keyboard.type('Typed without a mouse');
    await tabTo(aiko.page, 'button[type="submit"]', 'Request booking');
    await aiko.page.keyboard.press('Enter');
    await aiko.page.getByText('Booking requested — waiting for Maya Okafor').waitFor();
    // The result takes the focus, where the eye is.
    await expect
      .poll(() => aiko.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Booking requested');

    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    await tabTo(maya.page, 'a', /^Requests/);
    await maya.page.keyboard.press('Enter');
    const request = region(maya.page, 'Received')
      .getByRole('listitem')
      .filter({ hasText: 'Typed without a mouse' });
    await request.waitFor();
    const approveLabel = await request.getByRole('button', { name: 'Approve' }).textContent();
    // Tab to this request's Approve: the one inside the item with the message.
    for (let presses = 0; presses < 250; presses += 1) {
      const inItem = await maya.page.evaluate(() => {
        const el = document.activeElement;
        return Boolean(
          el?.tagName === 'BUTTON' &&
            el.textContent === 'Approve' &&
            el.closest('li')?.textContent?.includes('Typed without a mouse'),
        );
      });
      if (inItem) break;
      await maya.page.keyboard.press('Tab');
    }
    expect(approveLabel).toBe('Approve');
    await maya.page.keyboard.press('Enter');
    await request.waitFor({ state: 'detached' });
    await aiko.close();
    await maya.close();
  });
});
