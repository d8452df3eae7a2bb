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

/**
 * The UTC offset in force in `timeZone` at an instant, written "-04:00" (as
 * the server's wall-clock labels end). Intl writes it "GMT-04:00", or "GMT"
 * when zero.
 */
export function utcOffsetAt(value: string | Date, timeZone: string): string {
  const name = formatter(timeZone, { timeZoneName: 'longOffset' })
    .formatToParts(toDate(value))
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace(/^(GMT|UTC)/, '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/** The offset a server wall-clock label ends with: "2028-11-05T01:00-05:00" → "-05:00". */
export function labelOffset(label: string): string {
  const offset = label.slice(16);
  return offset === 'Z' || offset === '' ? '+00:00' : offset;
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

const HOUR_MS = 3_600_000;

function offsetMs(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

/**
 * Whether the clock in `timeZone` reads the same minute at another instant
 * too: inside the hour (half hour on Lord Howe) repeated when clocks go back.
 * Clock changes are months apart, so one within 3 hours either side is the
 * only one that can matter.
 */
export function isRepeatedClockTime(value: string | Date, timeZone: string): boolean {
  const ms = toDate(value).getTime();
  const shift = Math.abs(
    offsetMs(utcOffsetAt(new Date(ms - 3 * HOUR_MS), timeZone)) -
      offsetMs(utcOffsetAt(new Date(ms + 3 * HOUR_MS), timeZone)),
  );
  if (shift === 0) return false;
  const wall = wallClockAt(new Date(ms), timeZone);
  return [ms - shift, ms + shift].some((other) => {
    const seen = wallClockAt(new Date(other), timeZone);
    return seen.date === wall.date && seen.time === wall.time;
  });
}

/**
 * "14:05" in `timeZone`; a clock time read twice that night says which pass,
 * "01:30 UTC−4" then "01:30 UTC−5" in New York, so two instants never look alike.
 */
export function formatClockMarked(value: string | Date, timeZone: string): string {
  const clock = formatClock(value, timeZone);
  return isRepeatedClockTime(value, timeZone)
    ? `${clock} ${formatUtcOffset(utcOffsetAt(value, timeZone))}`
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
