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
