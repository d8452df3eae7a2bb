import { Temporal } from 'temporal-polyfill';

/**
 * The instant of a wall-clock date and time in a zone, or null when that wall
 * time does not exist there (a spring-forward gap). A time that occurs twice
 * maps to its first occurrence.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number | null {
  const wall = Temporal.PlainDateTime.from(`${date}T${time}`);
  const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  return Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), wall) === 0
    ? zoned.epochMilliseconds
    : null;
}

/** `YYYY-MM-DDTHH:MM` wall time of an instant in a zone. */
export function localDateTime(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/**
 * `YYYY-MM-DDTHH:MM±HH:MM`: the wall time of an instant in a zone with the UTC
 * offset in force, so the two passes of an hour repeated when clocks go back
 * read differently (`…T01:00-04:00`, then `…T01:00-05:00` in New York).
 */
export function localDateTimeWithOffset(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString() === text;
  } catch {
    return false;
  }
}

/** The date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** The first date on or after `date` that falls on an ISO weekday (1 = Monday). */
export function nextWeekday(date: string, weekday: number): string {
  const d = Temporal.PlainDate.from(date);
  return d.add({ days: (weekday - d.dayOfWeek + 7) % 7 }).toString();
}
