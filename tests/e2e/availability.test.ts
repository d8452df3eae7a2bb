import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { conferFixture, newPage, signIn } from './support.ts';

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

async function openMayasProfile(page: import('playwright-core').Page) {
  await page.getByRole('link', { name: 'People', exact: true }).first().click();
  await page
    .getByRole('link', { name: /Maya Okafor/ })
    .first()
    .click();
  return page.getByRole('list', { name: 'Available times' });
}

describe('availability across time zones', () => {
  it('a London mentor sets Tuesday hours and a group-only session; New York sees them in its own time', async () => {
    const mentor = await newPage(fixture.browser, fixture.confer.url, 'Europe/London');
    await signIn(mentor.page, 'maya@demo.confer.test');
    await mentor.page.getByRole('link', { name: 'Schedule', exact: true }).first().click();

    await mentor.page.getByRole('button', { name: 'Remove Thursday hours 1' }).click();
    await mentor.page.getByLabel('Tuesday from 1').fill('17:00');
    await mentor.page.getByLabel('Tuesday to 1').fill('19:00');
    await mentor.page.getByLabel('30 min').check();
    await mentor.page.getByLabel('60 min').uncheck();
    await mentor.page.getByRole('button', { name: 'Save availability' }).click();
    await mentor.page.getByRole('status').filter({ hasText: 'Availability saved' }).waitFor();

    const friday = upcoming(5, 'Europe/London');
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
    const times = await openMayasProfile(sam.page);
    await times.waitFor();
    await expect(sam.page.getByText('Times in America/New_York').count()).resolves.toBeGreaterThan(
      0,
    );
    // The demo seed's bookings hold some of Maya's next two weeks: look two weeks on.
    // Each Tuesday 17:00 reads 12:00 in New York, or 13:00 in the weeks when only one side has changed clocks.
    const session = times.getByRole('listitem').filter({ hasText: 'Design critique' });
    await session.first().waitFor();
    const sessionTexts = await session.allTextContents();
    await sam.page.getByRole('button', { name: 'Next week' }).click();
    await sam.page.getByRole('button', { name: 'Next week' }).click();
    const tuesdays = [0, 7, 14, 21, 28].map((d) => upcoming(2, 'Europe/London').add({ days: d }));
    const expected = new Set(
      tuesdays.map((t) => `${inNewYork(t, '17:00')}–${inNewYork(t, '17:30')}`),
    );
    const fivePm = times.getByRole('listitem').filter({ hasText: '17:00 in Europe/London' });
    await fivePm.first().waitFor();
    const atFive = await fivePm.allTextContents();
    expect(atFive.length).toBeGreaterThan(0);
    for (const text of atFive)
      expect([...expected].some((range) => text.includes(range))).toBe(true);
    await expect(
      times
        .getByRole('listitem')
        .filter({ hasText: /Tuesday/ })
        .count(),
    ).resolves.toBeGreaterThan(0);
    const slotTexts = await times.getByRole('listitem').allTextContents();
    expect(slotTexts.some((t) => t.includes('60 min'))).toBe(false); // only 30-minute slots now
    expect(slotTexts.some((t) => /Thursday/.test(t))).toBe(false); // Thursday hours removed
    expect(sessionTexts.length).toBe(1);
    await sam.context.close();

    // Aiko is not in the Product group: the restricted sessions are not there for her.
    const aiko = await newPage(fixture.browser, fixture.confer.url, 'Asia/Tokyo');
    await signIn(aiko.page, 'aiko@demo.confer.test');
    const aikoTimes = await openMayasProfile(aiko.page);
    await aikoTimes.getByRole('listitem').first().waitFor();
    const aikoTexts = await aikoTimes.getByRole('listitem').allTextContents();
    expect(aikoTexts.length).toBeGreaterThan(0);
    expect(
      aikoTexts.some((t) => t.includes('Design critique') || t.includes('Product career clinic')),
    ).toBe(false);
    await aiko.context.close();
  });
});
