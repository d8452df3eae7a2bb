/**
 * Dates and times are always shown in the viewer's profile time zone, and
 * say which zone, so "14:00" is never ambiguous.
 */

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    // An unknown zone name must not break the page: fall back to UTC.
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
  }
}

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

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

/** A date and time of day as a wall clock shows them in some zone. */
export type WallClock = { date: string; time: string };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The wall clock in `timeZone` at an instant: { date: "2026-03-07", time: "14:05" }. */
export function wallClockAt(value: string | Date, timeZone: string): WallClock {
  const parts = formatter(timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(toDate(value));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return {
    date: `${pad(part('year'), 4)}-${pad(part('month'))}-${pad(part('day'))}`,
    time: `${pad(part('hour') % 24)}:${pad(part('minute'))}`,
  };
}

/** "14:05" (24-hour) in `timeZone`, without naming it. */
export function formatClock(value: string | Date, timeZone: string): string {
  return wallClockAt(value, timeZone).time;
}

/** "12:00–12:30" in `timeZone`, without naming it. */
export function formatClockRange(start: string | Date, end: string | Date, timeZone: string) {
  return `${formatClock(start, timeZone)}–${formatClock(end, timeZone)}`;
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

/** The calendar date `days` after `date`, both "YYYY-MM-DD"; pure day counting in UTC. */
export function addDaysToDate(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
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

const MINUTE_MS = 60_000;

/**
 * The instant at which clocks in `timeZone` read `date` ("2026-03-07") and
 * `time` ("14:05"), or null when they never do (skipped by a spring-forward
 * change). A time read twice (autumn) is its first occurrence.
 */
export function instantAt(date: string, time: string, timeZone: string): Date | null {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  // The wall time written as if it were UTC; the zone's offset is then tried either side of it.
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wallMs)) return null;
  const offsetAt = (ms: number) => {
    const wall = wallClockAt(new Date(ms), timeZone);
    const [y = 1970, mo = 1, d = 1] = wall.date.split('-').map(Number);
    const [h = 0, mi = 0] = wall.time.split(':').map(Number);
    return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  };
  const offsets = new Set([offsetAt(wallMs - 86_400_000), offsetAt(wallMs + 86_400_000)]);
  const found = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((candidate) => {
      const wall = wallClockAt(new Date(candidate), timeZone);
      return wall.date === date && wall.time === time;
    })
    .sort((a, b) => a - b);
  return found[0] === undefined ? null : new Date(found[0]);
}

/** Whether the runtime knows `timeZone` as an IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}
