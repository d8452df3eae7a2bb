import type { Locator, Page } from 'playwright-core';

/**
 * Driving the time picker (month → day → time) as a person does: the
 * marked days are buttons, a day's times are buttons under "Times on …".
 */

/** The first marked day on or after `from` (YYYY-MM-DD), paging months as needed; it is chosen. */
export async function pickDay(scope: Locator, from = ''): Promise<string> {
  // Back to the month of `from` if a later one is shown.
  const shown = async () =>
    ((await scope.locator('button[data-date]').first().getAttribute('data-date')) ?? '').slice(
      0,
      7,
    );
  while (from && (await shown()) > from.slice(0, 7)) {
    const title = await scope.locator('.month-grid__title').textContent();
    await scope.getByRole('button', { name: 'Previous month' }).click();
    await scope.locator('.month-grid__title', { hasNotText: title ?? '' }).waitFor();
  }
  for (let month = 0; month < 6; month += 1) {
    // Loaded once the picker says what to do next (or that the month is empty).
    await scope
      .getByText(/Choose a marked day|No free times in|^Times on /)
      .first()
      .waitFor();
    const dates = await scope
      .locator('button[data-date]:not([disabled])')
      .evaluateAll((days) => days.map((day) => day.getAttribute('data-date') ?? ''));
    const date = dates.find((d) => d >= from);
    if (date) {
      await scope.locator(`button[data-date="${date}"]`).click();
      await scope.getByRole('region', { name: /^Times on / }).waitFor();
      return date;
    }
    const title = await scope.locator('.month-grid__title').textContent();
    await scope.getByRole('button', { name: 'Next month' }).click();
    await scope.locator('.month-grid__title', { hasNotText: title ?? '' }).waitFor();
  }
  throw new Error(`no free day on or after ${from} in six months`);
}

/** The chosen day's times (buttons), in order. */
export const dayTimes = (scope: Locator) =>
  scope.getByRole('region', { name: /^Times on / }).getByRole('button');

/** Today plus `days` in the page's own zone, as YYYY-MM-DD. */
export async function dateInDays(page: Page, days: number): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date(Date.now() + n * 86_400_000);
    const part = (type: string) =>
      new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(d)
        .find((p) => p.type === type)?.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  }, days);
}
