import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dayTimes, pickDay } from './picker-steps.ts';
import { conferFixture, newPage, region, scheduleSection, signIn } from './support.ts';

const fixture = conferFixture();

/** The next `weekday` (1 = Monday) after today in a zone, at least two days out (minimum notice). */
function upcoming(weekday: number, zone: string) {
  const start = Temporal.Now.plainDateISO(zone).add({ days: 2 });
  return start.add({ days: (weekday - start.dayOfWeek + 7) % 7 });
}

/** What 17:00 in London on that date reads in New York: 12:00, or 13:00 when only one side has changed clocks. */
function inNewYork(date: Temporal.PlainDate, time: string) {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime('Europe/London')
    .withTimeZone('America/New_York')
    .toPlainTime()
    .toString({ smallestUnit: 'minute' });
}

async function openMayasPicker(page: import('playwright-core').Page) {
  await page.getByRole('link', { name: 'People', exact: true }).first().click();
  await page
    .getByRole('link', { name: /Maya Okafor/ })
    .first()
    .click();
  return region(page, 'Book a time');
}

/** The marked days of the month shown. */
const markedDays = (card: import('playwright-core').Locator) =>
  card
    .locator('button[data-date]:not([disabled])')
    .evaluateAll((days) => days.map((day) => day.getAttribute('data-date') ?? ''));

describe('availability across time zones', () => {
  it('a London mentor sets Tuesday hours and a group-only session; New York sees them in its own time', async () => {
    const mentor = await newPage(fixture.browser, fixture.confer.url, 'Europe/London');
    await signIn(mentor.page, 'maya@demo.confer.test');
    await mentor.page.getByRole('link', { name: 'Schedule', exact: true }).first().click();
    // Schedule opens on her week; the hours are a section of their own.
    await mentor.page.getByRole('region', { name: 'Your week' }).waitFor();
    await scheduleSection(mentor.page, 'Hours & booking settings');

    await mentor.page.getByRole('button', { name: 'Remove Thursday hours 1' }).click();
    await mentor.page.getByLabel('Tuesday from 1').fill('17:00');
    await mentor.page.getByLabel('Tuesday to 1').fill('19:00');
    await mentor.page.getByLabel('30 min').check();
    await mentor.page.getByLabel('60 min').uncheck();
    await mentor.page.getByRole('button', { name: 'Save availability' }).click();
    await mentor.page.getByRole('status').filter({ hasText: 'Availability saved' }).waitFor();

    const friday = upcoming(5, 'Europe/London');
    await scheduleSection(mentor.page, 'My sessions');
    await mentor.page.getByRole('button', { name: 'New session' }).click();
    const form = mentor.page.getByRole('form', { name: 'New session' });
    await form.getByLabel('Program').selectOption({ label: 'Open Mentoring' });
    await form.getByLabel('Title').fill('Design critique');
    await form.getByLabel('Date').fill(friday.toString());
    await form.getByLabel('Start time').fill('10:00');
    await form.getByLabel('Duration (minutes)').fill('60');
    await form.getByLabel('Location', { exact: true }).fill('Studio 2, London');
    await form.getByLabel('Enrollment').selectOption('in_person');
    await form.getByLabel('Product').check();
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    await mentor.page.getByText('Design critique').first().waitFor();
    await mentor.context.close();

    // Sam is in New York and in the Product group.
    const sam = await newPage(fixture.browser, fixture.confer.url, 'America/New_York');
    await signIn(sam.page, 'sam@demo.confer.test');
    const card = await openMayasPicker(sam.page);
    await card.getByText('Times in America/New_York').waitFor();
    // Only 30-minute hours now: her hour-long type is not offered, her half-hour one is.
    await card.getByRole('radio', { name: /^Quick question · 30 min/ }).waitFor();
    await expect(card.getByRole('radio', { name: /Product career review/ }).count()).resolves.toBe(
      0,
    );
    // Only Tuesdays are marked (Thursday's hours are gone), this month and the next.
    await pickDay(card);
    const thisMonth = await markedDays(card);
    await card.getByRole('button', { name: 'Next month' }).click();
    await pickDay(card);
    const days = [...thisMonth, ...(await markedDays(card))];
    expect(days.length).toBeGreaterThan(3);
    for (const day of days) expect(Temporal.PlainDate.from(day).dayOfWeek).toBe(2);
    // A Tuesday two weeks on: 17:00 in London reads 12:00 in New York (13:00 when only one side has changed clocks).
    const tuesday = upcoming(2, 'Europe/London').add({ days: 14 });
    expect(await pickDay(card, tuesday.toString())).toBe(tuesday.toString());
    const first = dayTimes(card).first();
    await expect(first.textContent()).resolves.toContain(
      `${inNewYork(tuesday, '17:00')}–${inNewYork(tuesday, '17:30')}`,
    );
    await expect(first.textContent()).resolves.toContain('17:00 Maya’s time (Europe/London)');
    // Each start once: four half-hours in her two hours.
    await expect(dayTimes(card).count()).resolves.toBe(4);

    // The group-only session is a seat on its Friday.
    await card.getByRole('radio', { name: 'A seat in a published session' }).check();
    expect(await pickDay(card, friday.toString())).toBe(friday.toString());
    await expect(dayTimes(card).filter({ hasText: 'Design critique' }).count()).resolves.toBe(1);
    await sam.context.close();

    // Aiko is not in the Product group: the restricted session is not there for her.
    const aiko = await newPage(fixture.browser, fixture.confer.url, 'Asia/Tokyo');
    await signIn(aiko.page, 'aiko@demo.confer.test');
    const aikoCard = await openMayasPicker(aiko.page);
    await aikoCard.getByText('Times in Asia/Tokyo').waitFor();
    const seats = aikoCard.getByRole('radio', { name: 'A seat in a published session' });
    if ((await seats.count()) > 0) {
      await seats.check();
      const date = await pickDay(aikoCard, friday.toString());
      const texts = await dayTimes(aikoCard).allTextContents();
      if (date === friday.toString()) {
        expect(texts.some((t) => t.includes('Design critique'))).toBe(false);
      }
    }
    await aiko.context.close();
  });
});
