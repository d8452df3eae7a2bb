import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { approveRequest, itemWith, mayasPicker, requestFirstSlot } from './booking-steps.ts';
import { dayTimes, pickDay } from './picker-steps.ts';
import { conferFixture, openAdmin, openTab, region, scheduleSection, signIn } from './support.ts';

/**
 * Issue #12: axe-core on every page (and the picker, the week, the
 * reschedule form open) finds no serious or critical WCAG 2.1 A/AA
 * violation, at 1280 px and at 375 px.
 */
const fixture = conferFixture();
const widths = [1280, 375];

/** A page of its own at `width`; axe is injected, so the page's CSP is bypassed for it. */
async function open(browser: Browser, url: string, width: number, zone = 'Europe/London') {
  const context = await browser.newContext({
    baseURL: url,
    timezoneId: zone,
    locale: 'en-GB',
    bypassCSP: true,
    viewport: { width, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  return { page: await context.newPage(), close: () => context.close() };
}

/**
 * Checks the page as it is now; `what` names it in the failure. Also that it
 * fits the screen: nothing to scroll sideways (a phone's tables included).
 */
async function check(page: Page, what: string, within?: string) {
  // Let the page settle: no request in flight.
  await page.waitForLoadState('networkidle');
  const found = await seriousViolations(page, within);
  expect(found, `${what}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // What sticks out, for the failure message.
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((el) => !el.parentElement?.closest('.tabs, .tab-set__list'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5),
  }));
  expect(scrollWidth, `${what} scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(
    innerWidth,
  );
}

describe('accessibility', () => {
  for (const width of widths) {
    it(`pages before sign-in, at ${width} px`, async () => {
      const { page, close } = await open(fixture.browser, fixture.confer.url, width);
      for (const path of ['/sign-in', '/sign-up', '/forgot-password']) {
        await page.goto(path);
        await page.getByRole('heading').first().waitFor();
        await check(page, `${path} at ${width}`);
      }
      await close();
    });

    it(`a mentee's pages and the picker, at ${width} px`, async () => {
      const { page, close } = await open(
        fixture.browser,
        fixture.confer.url,
        width,
        'America/New_York',
      );
      await signIn(page, 'sam@demo.confer.test');
      await page.getByRole('heading', { name: 'Home' }).waitFor();
      await check(page, `Home at ${width}`);
      for (const [tab, heading] of [
        ['Sessions', 'Sessions'],
        ['Requests', /Requests/],
        ['Messages', 'Messages'],
        ['People', 'People'],
      ] as const) {
        await openTab(page, tab);
        await page.getByRole('heading', { name: heading }).first().waitFor();
        await check(page, `${tab} at ${width}`);
      }
      const card = await mayasPicker(page);
      await pickDay(card);
      await dayTimes(card).first().click();
      await page.getByRole('form', { name: 'Book this time' }).waitFor();
      await check(page, `the picker with a time chosen at ${width}`);
      for (const path of ['/me', '/account']) {
        await page.goto(path);
        await page.getByRole('heading').first().waitFor();
        await check(page, `${path} at ${width}`);
      }
      // The bell's panel, open.
      await page.goto('/');
      await page.getByRole('heading', { name: 'Home' }).waitFor();
      await page.getByRole('button', { name: /^Notifications(, \d+ unread)?$/ }).click();
      await page.locator('.bell__panel').getByText(/\w/).first().waitFor();
      // The panel itself (it covers part of the page while open, as a popover does).
      await check(page, `the bell's panel at ${width}`, '.bell__panel');
      // All of it on screen, on a phone too.
      const panel = await page.locator('.bell__panel').boundingBox();
      expect(panel?.x).toBeGreaterThanOrEqual(0);
      expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(width);
      // Escape closes it, the focus back on the bell.
      await page.keyboard.press('Escape');
      await page.locator('.bell__panel').waitFor({ state: 'detached' });
      // Every section is reachable: the bar scrolls to each.
      const sections = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
      for (const link of await sections.all()) {
        await link.scrollIntoViewIfNeeded();
        const box = await link.boundingBox();
        const name = (await link.textContent()) ?? '';
        expect(box && box.x >= 0 && box.x + box.width <= width, name).toBe(true);
      }
      await close();
    });

    it(`a mentor's pages, the suggestion picker and the reschedule form, at ${width} px`, async () => {
      const sam = await open(fixture.browser, fixture.confer.url, width, 'America/New_York');
      await signIn(sam.page, 'sam@demo.confer.test');
      await requestFirstSlot(sam.page, `Accessibility check at ${width}`);
      await sam.close();

      const { page, close } = await open(fixture.browser, fixture.confer.url, width);
      await signIn(page, 'maya@demo.confer.test');
      await openTab(page, 'Requests');
      const request = itemWith(page, 'Received', `Accessibility check at ${width}`);
      await request.getByRole('button', { name: 'Suggest another time' }).click();
      await pickDay(request.getByRole('form', { name: 'Suggest another time' }));
      await check(page, `Requests with the suggestion picker at ${width}`);
      await request.getByRole('button', { name: 'Close' }).click();
      await approveRequest(page, `Accessibility check at ${width}`);
      await openTab(page, 'Sessions');
      const upcoming = region(page, 'Upcoming')
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: 'Reschedule' }) })
        .first();
      await upcoming.getByRole('button', { name: 'Reschedule' }).click();
      await upcoming.getByRole('form', { name: 'Reschedule' }).waitFor();
      await check(page, `Sessions with the reschedule form at ${width}`);
      await openTab(page, 'Schedule');
      // The week, with the booking just approved in it (or in a later week).
      await page.getByRole('region', { name: 'Your week' }).waitFor();
      await check(page, `Schedule's week at ${width}`);
      for (const section of [
        'Hours & booking settings',
        'Date overrides',
        'Calendars',
        'Session types',
        'My sessions',
      ]) {
        await scheduleSection(page, section);
        await page.getByRole('tabpanel').waitFor();
        await check(page, `Schedule → ${section} at ${width}`);
      }
      await close();
    });

    it(`the admin's pages, at ${width} px`, async () => {
      const { page, close } = await open(
        fixture.browser,
        fixture.confer.url,
        width,
        'Europe/Dublin',
      );
      await signIn(page, 'admin@demo.confer.test');
      for (const [name, shows] of [
        ['Reports', 'Sessions per week'],
        ['Members', 'Members'],
        ['Import', 'Import members'],
        ['Groups', 'Groups'],
        ['Sessions', 'Sessions'],
        ['Bookings', 'Bookings'],
        ['Invitations', 'Invitations'],
        ['Video', 'Video'],
        ['Sign-in', 'Single sign-on'],
        ['Mailbox', 'Mailbox'],
        ['Audit log', 'Audit log'],
        ['Programs', 'Programs'],
      ] as const) {
        await openAdmin(page, name);
        await region(page, shows).waitFor();
        await check(page, `Admin → ${name} at ${width}`);
      }
      await page.getByRole('link', { name: 'Open Mentoring' }).first().click();
      await page.getByRole('heading', { name: 'Open Mentoring' }).first().waitFor();
      await check(page, `a program at ${width}`);
      await close();
    });
  }
});
