import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { calendarPart, readInvitation } from '../support/read-invitation.ts';
import { itemWith, myBooking, requestFirstSlot } from './booking-steps.ts';
import { dateInDays, dayTimes, pickDay } from './picker-steps.ts';
import {
  conferFixture,
  newPage,
  openTab,
  region,
  scheduleSection,
  sessionsTab,
  signIn,
} from './support.ts';

/**
 * Issue #12 "Done when", at a desk and on a phone: a mentee lands on Home and
 * books through the picker; the mentor's Home shows it live and she suggests
 * another of her free times from the picker; the mentee accepts, later asks
 * to move it, the mentor approves: both see the new time and get updated
 * invitations, the old time is free again. A mentee added directly to a
 * session joins it from Home ten minutes before and rates it after.
 */

/** Today's date and a clock time in `zone` for an instant. */
const local = (ms: number, zone: string) => {
  const t = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return {
    date: t.toPlainDate().toString(),
    time: t.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
};

/** The invitations in the server's outgoing mail to `to`, read back by a parser. */
async function invitationsTo(dataDir: string, to: string) {
  const dir = join(dataDir, 'mail');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
  const found = [];
  for (const file of files) {
    const mail = await simpleParser(readFileSync(join(dir, file)));
    const recipients = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);
    const ics = calendarPart(mail);
    if (recipients.includes(to) && ics) found.push(readInvitation(ics));
  }
  return found;
}

/** The timeline item (Requested, Upcoming, Past …) of the booking or session starting at `startsAt`. */
const itemAt = (page: Page, card: string, startsAt: string) =>
  region(page, card)
    .getByRole('listitem')
    .filter({ has: page.locator(`time[datetime="${startsAt}"]`) });

for (const width of [1280, 375]) {
  describe(`the daily app at ${width} px`, () => {
    const fixture = conferFixture();
    const open = async (email: string, zone: string, clock = false) => {
      const { page, context } = await newPage(fixture.browser, fixture.confer.url, zone);
      await page.setViewportSize({ width, height: 900 });
      if (clock) await page.clock.install();
      await signIn(page, email);
      return { page, close: () => context.close() };
    };

    it('a mentee books through the picker; the mentor suggests another free time; a move both accept; the old time free again', async () => {
      const maya = await open('maya@demo.confer.test', 'Europe/London');
      await maya.page.getByRole('heading', { name: 'Home' }).waitFor();
      let mayaLoads = 0;
      maya.page.on('load', () => {
        mayaLoads += 1;
      });

      // Aiko signs in and lands on Home, then books through the picker.
      const aiko = await open('aiko@demo.confer.test', 'Asia/Tokyo');
      await aiko.page.waitForURL(/\/o\/[0-9a-f-]{36}\/home$/);
      await aiko.page.getByRole('heading', { name: 'Home' }).waitFor();
      const message = `Can we go through my product case study? (${width})`;
      await requestFirstSlot(aiko.page, message);

      // Maya's open Home shows it, live.
      const waiting = region(maya.page, 'Waiting for you')
        .getByRole('listitem')
        .filter({ hasText: 'Aiko Tanaka asks for a session' });
      await waiting.first().waitFor({ timeout: 10_000 });
      expect(mayaLoads).toBe(0);

      // She suggests another of her free times, three weeks on, from the picker.
      await waiting.first().getByRole('link').click();
      const request = itemWith(maya.page, 'Received', message);
      await request.getByRole('button', { name: 'Suggest another time' }).click();
      const suggest = request.getByRole('form', { name: 'Suggest another time' });
      await pickDay(suggest, await dateInDays(maya.page, 21));
      await dayTimes(suggest).first().click();
      await suggest.getByRole('button', { name: 'Send suggestion' }).click();
      await request.getByText(/Waiting for Aiko Tanaka/).waitFor();

      // Aiko accepts it.
      await openTab(aiko.page, 'Requests');
      const sent = itemWith(aiko.page, 'Sent', 'Maya Okafor').filter({
        has: aiko.page.getByRole('region', { name: 'Maya Okafor’s suggestion' }),
      });
      await sent.getByRole('button', { name: 'Accept' }).click();
      const agreed = await myBooking(aiko.page, message);
      await openTab(aiko.page, 'Sessions');
      await itemAt(aiko.page, 'Upcoming', agreed.startsAt).getByText('Confirmed').waitFor();

      // Later she asks to move it to another of Maya's free times, a week after.
      const aikoItem = itemAt(aiko.page, 'Upcoming', agreed.startsAt);
      await aikoItem.getByRole('button', { name: 'Reschedule' }).click();
      const move = aikoItem.getByRole('form', { name: 'Reschedule' });
      const agreedDay = local(Date.parse(agreed.startsAt), 'Asia/Tokyo').date;
      await pickDay(move, Temporal.PlainDate.from(agreedDay).add({ days: 7 }).toString());
      await dayTimes(move).first().click();
      await move.getByLabel('Reason').fill('My team offsite moved onto that day');
      await move.getByRole('button', { name: 'Ask to move' }).click();
      await aikoItem.getByText(/You asked to move this session to/).waitFor();

      // Maya approves from her Sessions tab.
      await openTab(maya.page, 'Sessions');
      const mayaItem = itemAt(maya.page, 'Upcoming', agreed.startsAt);
      await mayaItem.getByText(/Aiko Tanaka asks to move this session to/).waitFor();
      await mayaItem.getByRole('button', { name: 'Accept the new time' }).click();
      const moved = await myBooking(aiko.page, message);
      expect(moved.startsAt).not.toBe(agreed.startsAt);
      // Both see the new time; Aiko's open page without a reload.
      await itemAt(maya.page, 'Upcoming', moved.startsAt).waitFor();
      await itemAt(aiko.page, 'Upcoming', moved.startsAt).getByText('Confirmed').waitFor({
        timeout: 10_000,
      });

      // Both get an updated invitation: the same event at the new time, a later SEQUENCE.
      for (const email of ['aiko@demo.confer.test', 'maya@demo.confer.test']) {
        await expect
          .poll(
            async () =>
              (await invitationsTo(fixture.confer.dataDir, email)).some(
                (inv) =>
                  inv.uid === `booking-${agreed.id}@confer` &&
                  inv.startsAt === moved.startsAt &&
                  inv.sequence > 0,
              ),
            { timeout: 15_000 },
          )
          .toBe(true);
      }

      // The old time is free again in Maya's picker.
      await openTab(aiko.page, 'People');
      await aiko.page
        .getByRole('link', { name: /Maya Okafor/ })
        .first()
        .click();
      const card = region(aiko.page, 'Book a time');
      expect(await pickDay(card, agreedDay)).toBe(agreedDay);
      const oldClock = local(Date.parse(agreed.startsAt), 'Asia/Tokyo').time;
      await expect(
        dayTimes(card)
          .filter({ hasText: new RegExp(`^${oldClock}–`) })
          .count(),
      ).resolves.toBe(1);
      await maya.close();
      await aiko.close();
    });

    it('a mentee added directly to a session joins it from Home ten minutes before and rates it after', async () => {
      // Maya adds Sam to an online session starting a quarter of an hour from now.
      const maya = await open('maya@demo.confer.test', 'Europe/London');
      const startMs = Math.ceil((Date.now() + 15 * 60_000) / 300_000) * 300_000;
      const start = local(startMs, 'Europe/London');
      await openTab(maya.page, 'Schedule');
      await scheduleSection(maya.page, 'My sessions');
      await maya.page.getByRole('button', { name: 'New session' }).click();
      const form = maya.page.getByRole('form', { name: 'New session' });
      await form.getByLabel('Program').selectOption({ label: 'Leadership Circle' });
      await form.getByLabel('Mentee (optional)').selectOption({ label: 'Sam Lee' });
      await form.getByLabel('Title').fill(`Interview rehearsal (${width})`);
      await form.getByLabel('Date').fill(start.date);
      await form.getByLabel('Start time').fill(start.time);
      await form.getByLabel('Duration (minutes)').fill('30');
      await form.getByLabel('Enrollment').selectOption('online');
      await form.getByLabel('Meeting URL').fill('https://meet.example.com/rehearsal');
      await form.getByRole('button', { name: 'Publish', exact: true }).click();
      await maya.page.getByText(`Interview rehearsal (${width})`).first().waitFor();
      await maya.close();

      // Sam's Home: his next session, Join opening ten minutes before.
      const sam = await open('sam@demo.confer.test', 'America/New_York', true);
      const next = region(sam.page, 'Next session');
      await next.getByText(`Interview rehearsal (${width})`).waitFor();
      await next.getByRole('button', { name: 'Join' }).waitFor(); // not yet: a disabled button
      await sam.page.clock.fastForward(Math.max(0, startMs - 10 * 60_000 - Date.now()) + 30_000);
      const join = next.getByRole('link', { name: 'Join' });
      await join.waitFor();
      expect(await join.getAttribute('href')).toBe('https://meet.example.com/rehearsal');
      // Calendar links and the conversation with Maya are there too.
      await next.getByRole('link', { name: '.ics file' }).waitFor();

      // After the end he says it took place and rates it.
      const afterEnd = startMs + 31 * 60_000 - Date.now();
      await fixture.confer.advanceClock(afterEnd);
      await sam.page.clock.fastForward(afterEnd);
      await openTab(sam.page, 'Sessions');
      await sessionsTab(sam.page, 'Past');
      const past = itemAt(sam.page, 'Past', new Date(startMs).toISOString());
      await past.getByText('Ended').waitFor();
      await past.getByRole('button', { name: 'It took place' }).click();
      await past.getByText('Took place').waitFor();
      await past.getByRole('button', { name: 'Rate' }).click();
      await past.getByLabel('5 stars').check();
      await past.getByLabel('Feedback').fill('Exactly the practice I needed');
      await past.getByRole('button', { name: 'Submit rating' }).click();
      await past.getByText('You rated it 5★: “Exactly the practice I needed”').waitFor();
      await sam.close();
    });
  });
}
