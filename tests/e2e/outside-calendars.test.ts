import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayasPicker } from './booking-steps.ts';
import { dayTimes, pickDay } from './picker-steps.ts';
import { conferFixture, openTab, region, signedIn } from './support.ts';

/**
 * Issue #14 in the browser: Maya adds the secret address of her own
 * calendar (served here on loopback, FETCH_ALLOW_LOCAL), Confer reads it in
 * the background, the card says so live, and Sam's waiting request shows
 * the clash with her board meeting; then her weekly meeting takes its time
 * out of Sam's picker, except the week her calendar cancelled.
 */
let server: Server;
let feed = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' }).end(feed);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fixture = conferFixture(async () => ({ FETCH_ALLOW_LOCAL: 'true' }));

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

describe('a mentor’s own calendar', () => {
  it('is added by its address, read in the background, and shows on a request it clashes with', async () => {
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    const orgPath = new URL(maya.page.url()).pathname.replace(/\/home$/, '');
    const pending = await maya.page.evaluate(() =>
      fetch('/api/me/pending-bookings').then((r) => r.json()),
    );
    const sams = pending.bookings.find(
      (b: { mentee: { name: string } }) => b.mentee.name === 'Sam Lee',
    );
    expect(sams).toBeDefined();
    const start = Date.parse(sams.startsAt);
    // A board meeting over Sam's request.
    feed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Confer e2e//EN',
      'BEGIN:VEVENT',
      'UID:board@maya.example',
      'DTSTAMP:20260101T000000Z',
      'SUMMARY:Board meeting',
      `DTSTART:${stamp(start - 30 * 60_000)}`,
      `DTEND:${stamp(start + 30 * 60_000)}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/private-abc/basic.ics`;

    await maya.page.goto(`${orgPath}/schedule?tab=calendars`);
    const card = region(maya.page, 'Calendars');
    await card.getByLabel('Secret iCalendar address').fill(address);
    await card.getByRole('button', { name: 'Add calendar' }).click();
    await card.getByText(/Calendar added/).waitFor();
    // The worker reads it within seconds; the card hears of it live.
    await card.getByText('Up to date').waitFor({ timeout: 20_000 });
    await card.getByText(/Read .* · 1 busy time/).waitFor();

    await openTab(maya.page, 'Requests');
    const request = maya.page
      .getByRole('listitem')
      .filter({ hasText: 'Sam Lee' })
      .filter({ hasText: 'This clashes with your calendar' })
      .first();
    await request.getByText('Board meeting').waitFor();
    await maya.close();
  });

  it('blocks Maya’s Tuesday 17:00 in Sam’s picker every week but the one her calendar cancelled', async () => {
    // Three weeks on (past the demo's own bookings): a weekly 17:00–18:00 London, the next week cancelled.
    const first = Temporal.Now.plainDateISO('Europe/London').add({ days: 21 });
    const tuesday = first.add({ days: (2 - first.dayOfWeek + 7) % 7 });
    const cancelled = tuesday.add({ weeks: 1 });
    const wall = (d: Temporal.PlainDate) => `${d.toString().replace(/-/g, '')}T170000`;
    feed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Confer e2e//EN',
      'BEGIN:VEVENT',
      'UID:one-to-ones@maya.example',
      'DTSTAMP:20260101T000000Z',
      'SUMMARY:Team one-to-ones',
      `DTSTART;TZID=Europe/London:${wall(tuesday)}`,
      'DURATION:PT1H',
      'RRULE:FREQ=WEEKLY;COUNT=4',
      `EXDATE;TZID=Europe/London:${wall(cancelled)}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const maya = await signedIn(fixture, 'maya@demo.confer.test', 'Europe/London');
    const orgPath = new URL(maya.page.url()).pathname.replace(/\/home$/, '');
    await maya.page.goto(`${orgPath}/schedule?tab=calendars`);
    const card = region(maya.page, 'Calendars');
    await card.getByRole('button', { name: /^Read .* again$/ }).click();
    await card.getByText(/Read .* · 3 busy times/).waitFor({ timeout: 20_000 });
    await maya.close();

    const sam = await signedIn(fixture, 'sam@demo.confer.test', 'America/New_York');
    const picker = await mayasPicker(sam.page);
    const atFive = () => dayTimes(picker).filter({ hasText: '17:00 Maya’s time' });
    expect(await pickDay(picker, tuesday.toString())).toBe(tuesday.toString());
    await dayTimes(picker).first().waitFor();
    expect(await atFive().count()).toBe(0);
    // The cancelled week, from a fresh picker (it may be next month).
    const again = await mayasPicker(sam.page);
    expect(await pickDay(again, cancelled.toString())).toBe(cancelled.toString());
    await dayTimes(again).filter({ hasText: '17:00 Maya’s time' }).first().waitFor();
    await sam.close();
  });
});
