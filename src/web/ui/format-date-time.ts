import { isRepeatedClockTime, utcOffsetAt, wallClockAt } from '../../core/local-time.ts';

/**
 * Dates and times are always shown in the viewer's profile time zone, and
 * say which zone, so "14:00" is never ambiguous. This module only words them;
 * every computation (wall clocks, offsets, clock changes) is core/local-time.ts,
 * the same code the server runs.
 */

/**
 * The zone times are shown in: `timeZone`, or UTC when the runtime does not
 * know it, so an unknown zone name never breaks the page. (Whether a name is
 * an acceptable zone is core's `isIanaTimeZone`; this is only display.)
 */
export function shownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: shownZone(timeZone) });
}

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

const toMs = (value: string | Date) => toDate(value).getTime();

/** "22 Nov 2026, 14:00 (Europe/London)" */
export function formatDateTime(value: string | Date, timeZone: string): string {
  const text = formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(
    toDate(value),
  );
  return `${text} (${timeZone})`;
}

/** "22 Nov 2026" as seen in `timeZone`. */
export function formatDate(value: string | Date, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium' }).format(toDate(value));
}

/** "14:00" as seen in `timeZone`, without naming it. */
export function formatTime(value: string | Date, timeZone: string): string {
  return formatter(timeZone, { timeStyle: 'short' }).format(toDate(value));
}

/** "14:05" (24-hour) in `timeZone`, without naming it. */
export function formatClock(value: string | Date, timeZone: string): string {
  return wallClockAt(toMs(value), shownZone(timeZone)).time;
}

/** "-04:00" → "UTC−4", "+05:45" → "UTC+5:45", "+00:00" → "UTC". */
export function formatUtcOffset(offset: string): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 'UTC';
  const [, sign, hours = '00', minutes = '00'] = match;
  if (hours === '00' && minutes === '00') return 'UTC';
  const tail = minutes === '00' ? '' : `:${minutes}`;
  return `UTC${sign === '-' ? '−' : '+'}${Number(hours)}${tail}`;
}

/**
 * "14:05" in `timeZone`; a clock time read twice that night says which pass,
 * "01:30 UTC−4" then "01:30 UTC−5" in New York, so two instants never look alike.
 */
export function formatClockMarked(value: string | Date, timeZone: string): string {
  const clock = formatClock(value, timeZone);
  const ms = toMs(value);
  const zone = shownZone(timeZone);
  return isRepeatedClockTime(ms, zone)
    ? `${clock} ${formatUtcOffset(utcOffsetAt(ms, zone))}`
    : clock;
}

/** "12:00–12:30" in `timeZone`, without naming it; a repeated clock time carries its offset. */
export function formatClockRange(start: string | Date, end: string | Date, timeZone: string) {
  return `${formatClockMarked(start, timeZone)}–${formatClockMarked(end, timeZone)}`;
}

/**
 * A calendar date ("2026-03-07") as words: "Saturday 7 March". A date has no
 * zone, so it is read and written in UTC, where it cannot shift.
 */
export function formatCalendarDate(date: string, withYear = false): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const parts = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(year, month - 1, day)));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return [part('weekday'), part('day'), part('month'), withYear ? part('year') : '']
    .filter(Boolean)
    .join(' ');
}

/** "Sat 7 Mar 2026, 14:00–15:00 (Europe/London)" */
export function formatTimeSpan(start: string, end: string, timeZone: string): string {
  const day = formatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(toDate(start));
  return `${day}, ${formatClockRange(start, end, timeZone)} (${timeZone})`;
}

/** "Mon 2 Mar 14:00" as seen in `timeZone`, without naming it (for lists under a named zone). */
export function formatShortDateTime(value: string | Date, timeZone: string): string {
  const day = formatter(timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    toDate(value),
  );
  return `${day} ${formatClock(value, timeZone)}`;
}
