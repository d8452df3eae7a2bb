import { Temporal } from 'temporal-polyfill';

/*
 * Wall clocks ↔ instants in IANA zones, shared by the server and the browser
 * (the web bundles this module: it stays pure, with no Node APIs). Instants are
 * epoch milliseconds; dates are `YYYY-MM-DD` and clock times `HH:MM`.
 */

/** A date and time of day as a wall clock shows them in some zone. */
export type WallClock = { date: string; time: string };

/** A clock time `HH:MM`, 00:00–23:59, as the API takes a start time. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const zonedAt = (ms: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);

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
  return zonedAt(ms, timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The wall clock in a zone at an instant: { date: '2026-03-07', time: '14:05' }. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const local = localDateTime(ms, timeZone);
  return { date: local.slice(0, 10), time: local.slice(11) };
}

/**
 * `YYYY-MM-DDTHH:MM±HH:MM`: the wall time of an instant in a zone with the UTC
 * offset in force, so the two passes of an hour repeated when clocks go back
 * read differently (`…T01:00-04:00`, then `…T01:00-05:00` in New York).
 */
export function localDateTimeWithOffset(ms: number, timeZone: string): string {
  return zonedAt(ms, timeZone).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}

/** The UTC offset in force in a zone at an instant, `±HH:MM` ("-04:00", "+05:45", "+00:00"). */
export function utcOffsetAt(ms: number, timeZone: string): string {
  return offsetOfLocalDateTime(localDateTimeWithOffset(ms, timeZone));
}

/** The offset a `localDateTimeWithOffset` text ends with: `2028-11-05T01:00-05:00` → `-05:00`. */
export function offsetOfLocalDateTime(text: string): string {
  const offset = text.slice(16);
  return offset === 'Z' || offset === '' ? '+00:00' : offset;
}

/**
 * Whether the zone's clock reads the same minute at another instant too: inside
 * the hour (half hour on Lord Howe) repeated when clocks go back. Such a minute
 * has two instants, its first and its second pass.
 */
export function isRepeatedClockTime(ms: number, timeZone: string): boolean {
  const minute = zonedAt(ms, timeZone)
    .toPlainDateTime()
    .round({ smallestUnit: 'minute', roundingMode: 'trunc' });
  const first = minute.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const second = minute.toZonedDateTime(timeZone, { disambiguation: 'later' });
  return first.epochMilliseconds !== second.epochMilliseconds;
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

/** True for a clock time written `HH:MM` (see CLOCK_TIME). */
export function isClockTime(text: string): boolean {
  return CLOCK_TIME.test(text);
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
