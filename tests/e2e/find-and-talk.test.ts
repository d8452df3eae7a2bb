import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dateInDays, dayTimes, pickDay } from './picker-steps.ts';
import { conferFixture, openBookingThread, openTab, region, signedIn } from './support.ts';

/*
 * Issue #5, "Done when", second part: a mentee in an à-la-carte program finds
 * a mentor by skill, messages them (a message request), is accepted as a
 * connection, books, and both exchange messages with an attachment in the
 * booking's thread, seeing each other's messages arrive live.
 */
const fixture = conferFixture();

const as = (email: string, zone: string) => signedIn(fixture, email, zone);

const tab = openTab;
const log = (page: Page) => page.getByRole('log');
/** Live: within a few seconds, with no page load in between. */
const LIVE_MS = 5_000;

const openThread = (page: Page, otherName: string) =>
  openBookingThread(page, otherName, 'Upcoming');

describe('finding a mentor and talking to them', () => {
  it('search by skill → message request → connection → booking → live messages with a file', async () => {
    const zanele = await as('zanele@demo.confer.test', 'Africa/Johannesburg');

    // Zanele (à la carte) looks for someone who knows distributed systems.
    await tab(zanele.page, 'People');
    await zanele.page.getByLabel('Search mentors').fill('distributed');
    const found = zanele.page.getByRole('list', { name: 'Mentors found' });
    await found.getByRole('link', { name: 'Diego Fernández' }).waitFor();
    // Only mentors who know it: not Maya (product), whose card shows without a search.
    await expect
      .poll(() => found.getByRole('link', { name: 'Maya Okafor' }).count(), { timeout: LIVE_MS })
      .toBe(0);
    expect(new URL(zanele.page.url()).searchParams.get('q')).toBe('distributed');
    await found.getByRole('link', { name: 'Diego Fernández' }).click();
    await zanele.page.getByRole('heading', { name: 'Diego Fernández', level: 1 }).waitFor();

    // A first message to someone new is a message request.
    await zanele.page.getByRole('button', { name: 'Message', exact: true }).click();
    await zanele.page
      .getByLabel('Message to Diego Fernández')
      .fill('Hi Diego, could you help me design a data pipeline?');
    await zanele.page.getByRole('button', { name: 'Send message' }).click();
    await zanele.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);

    // Diego accepts it: they are connections.
    const diego = await as('diego@demo.confer.test', 'America/Mexico_City');
    await tab(diego.page, 'Requests');
    await diego.page.getByRole('tab', { name: 'Message requests' }).click();
    const request = diego.page
      .getByRole('list', { name: 'Message requests waiting' })
      .getByRole('listitem', { name: 'Zanele Dlamini' });
    await request.getByRole('button', { name: 'View message' }).click();
    await request.getByText('could you help me design a data pipeline?').waitFor();
    await request.getByRole('button', { name: 'Accept' }).click();
    await diego.page.getByText('Zanele Dlamini is now one of your connections').waitFor();
    await tab(diego.page, 'Connections');
    await diego.page.getByRole('link', { name: 'Zanele Dlamini' }).first().waitFor();
    await tab(zanele.page, 'Connections');
    await zanele.page.getByRole('link', { name: 'Diego Fernández' }).first().waitFor();

    // Zanele books one of Diego's times (he approves automatically).
    await tab(zanele.page, 'People');
    await zanele.page.getByRole('link', { name: 'Diego Fernández' }).first().click();
    const card = region(zanele.page, 'Book a time');
    await pickDay(card, await dateInDays(zanele.page, 7));
    await dayTimes(card).first().click();
    const form = zanele.page.getByRole('form', { name: 'Book this time' });
    await form.getByLabel('Message').fill('Data pipeline design review');
    await form.getByRole('button', { name: 'Request booking' }).click();
    await zanele.page.getByText('Booking confirmed with Diego Fernández').waitFor();

    // Both open the booking's thread.
    const zaneleThread = await openThread(zanele.page, 'Diego Fernández');
    const diegoThread = await openThread(diego.page, 'Zanele Dlamini');
    expect(diegoThread).toBe(zaneleThread);
    let diegoLoads = 0;
    diego.page.on('load', () => {
      diegoLoads += 1;
    });
    let zaneleLoads = 0;
    zanele.page.on('load', () => {
      zaneleLoads += 1;
    });

    // Zanele sends her pipeline sketch as a file; Diego sees it arrive live.
    await zanele.page.getByLabel('Attach a file').setInputFiles({
      name: 'pipeline.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('ingest -> validate -> feature store -> train -> serve\n'),
    });
    const zaneleBox = zanele.page.getByRole('textbox', { name: 'Message' });
    await zaneleBox.fill('Here is my pipeline sketch');
    await zanele.page.getByRole('button', { name: 'Send' }).click();
    await log(diego.page).getByText('Here is my pipeline sketch').waitFor({ timeout: LIVE_MS });
    const file = log(diego.page).getByRole('link', { name: /pipeline\.txt/ });
    await file.waitFor({ timeout: LIVE_MS });
    const download = await Promise.all([diego.page.waitForEvent('download'), file.click()]);
    expect(download[0].suggestedFilename()).toBe('pipeline.txt');

    // Diego answers; Zanele sees it live.
    const diegoBox = diego.page.getByRole('textbox', { name: 'Message' });
    await diegoBox.fill('Looks good: let us talk about the feature store');
    await diego.page.getByRole('button', { name: 'Send' }).click();
    await log(zanele.page)
      .getByText('Looks good: let us talk about the feature store')
      .waitFor({ timeout: LIVE_MS });
    expect(diegoLoads).toBe(0);
    expect(zaneleLoads).toBe(0);

    // Away from the thread, Diego's Messages tab counts what is new, live.
    await tab(diego.page, 'Connections');
    await zanele.page.getByRole('textbox', { name: 'Message' }).fill('One more thing: Thursday?');
    await zanele.page.getByRole('button', { name: 'Send' }).click();
    await diego.page.getByRole('link', { name: 'Messages 1 unread' }).waitFor({ timeout: LIVE_MS });

    await zanele.close();
    await diego.close();
  });
});
