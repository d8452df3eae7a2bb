import { addDays, wallClockAt, zonedInstant } from './local-time.ts';

/*
 * The daily digest (issue #11): what someone chose to get once a day instead
 * of at once comes in one email at 08:00 on their own clock.
 */

export const DIGEST_CLOCK_TIME = '08:00';

/**
 * The next digest moment after `nowMs` in `timeZone`: today's 08:00 if still
 * ahead, else tomorrow's. A day whose 08:00 falls in a clock change's gap
 * (no zone skips 08:00 today, but rules change) takes the first instant after it.
 */
export function nextDigestAt(nowMs: number, timeZone: string): { date: string; atMs: number } {
  const today = wallClockAt(nowMs, timeZone).date;
  for (const date of [today, addDays(today, 1), addDays(today, 2)]) {
    const at =
      zonedInstant(date, DIGEST_CLOCK_TIME, timeZone) ??
      zonedInstant(date, '09:00', timeZone) ??
      Number.NaN;
    if (at > nowMs) return { date, atMs: at };
  }
  throw new Error(`no digest time after ${nowMs} in ${timeZone}`);
}
