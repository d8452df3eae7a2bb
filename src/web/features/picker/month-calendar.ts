import { zonedInstant } from '../../../core/local-time.ts';

/**
 * The month grid of the time picker. A month is `YYYY-MM` and a day
 * `YYYY-MM-DD`, both calendar values without a zone; they are computed in
 * UTC, where they cannot shift. Only `monthSpan` meets a zone: the instants
 * at which a month starts and ends on the viewer's clock.
 */

const utc = (date: string) => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The month `count` months after `month` (negative: before). */
export function shiftMonth(month: string, count: number): string {
  const d = utc(`${month}-01`);
  d.setUTCMonth(d.getUTCMonth() + count);
  return isoDate(d).slice(0, 7);
}

/** The month's days in weeks from Monday; days of the months around are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const first = utc(`${month}-01`);
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (const d = new Date(first); isoDate(d).startsWith(month); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(isoDate(d));
  }
  while (days.length % 7 !== 0) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
}

/** The first instant of `date` in `timeZone` (midnight, or the hour after where midnight is skipped). */
export function startOfDayMs(date: string, timeZone: string): number {
  return zonedInstant(date, '00:00', timeZone) ?? (zonedInstant(date, '01:00', timeZone) as number);
}

/** [start, end) of `month` on the clocks of `timeZone`. */
export function monthSpan(month: string, timeZone: string): { fromMs: number; toMs: number } {
  return {
    fromMs: startOfDayMs(`${month}-01`, timeZone),
    toMs: startOfDayMs(`${shiftMonth(month, 1)}-01`, timeZone),
  };
}

/** "December 2026" */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(`${month}-01`));
}

/** Monday to Sunday, short and long ("Mon", "Monday"), for the grid's column heads. */
export function weekdayNames(): { short: string; long: string }[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 0, 1 + i));
    const name = (weekday: 'short' | 'long') =>
      new Intl.DateTimeFormat(undefined, { weekday, timeZone: 'UTC' }).format(d);
    return { short: name('short'), long: name('long') };
  });
}
