/**
 * How an email says when something happens: in the reader's own zone and
 * words, naming the zone, e.g. "Thursday 3 December 2026, 17:00–18:00 London
 * time (GMT)". Every date in every email goes through here.
 */

/** "London time", "New York time", "UTC": the zone as people say it. */
export function zoneWords(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return `${city.replaceAll('_', ' ')} time`;
}

const dayOptions: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const clockOptions: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Thursday 3 December 2026": the locale's words, in the order people write a date. */
function dayOf(ms: number, timeZone: string, locale: string): string {
  const part = formatterFor(locale, timeZone, dayOptions).formatToParts(ms);
  const word = (type: Intl.DateTimeFormatPartTypes) => part.find((p) => p.type === type)?.value;
  return `${word('weekday')} ${word('day')} ${word('month')} ${word('year')}`;
}

function clockOf(ms: number, timeZone: string, locale: string): string {
  return formatterFor(locale, timeZone, clockOptions).format(ms);
}

/** The zone's abbreviation in force at that instant ("GMT", "BST", "GMT-5"), as Intl writes it. */
function zoneAbbreviation(ms: number, timeZone: string, locale: string): string {
  return (
    formatterFor(locale, timeZone, { timeZoneName: 'short' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  );
}

/**
 * "Thursday 3 December 2026, 17:00–18:00 London time (GMT)"; an end on
 * another day is written in full ("… 23:30 – Friday 4 December 2026, 00:30 …").
 */
export function formatWhen(
  start: Date,
  end: Date | null,
  timeZone: string,
  locale = 'en-GB',
): string {
  const s = start.getTime();
  const day = dayOf(s, timeZone, locale);
  const from = clockOf(s, timeZone, locale);
  const zone = `${zoneWords(timeZone)} (${zoneAbbreviation(s, timeZone, locale)})`;
  if (!end) return `${day}, ${from} ${zone}`;
  const e = end.getTime();
  const until = clockOf(e, timeZone, locale);
  const endDay = dayOf(e, timeZone, locale);
  if (endDay === day) return `${day}, ${from}–${until} ${zone}`;
  return `${day}, ${from} – ${endDay}, ${until} ${zone}`;
}

/**
 * "Thu 3 Dec, 17:00 (London time)": the short form for titles — the bell,
 * email subjects — in the reader's zone, named as people say it.
 */
export function formatShortWhen(start: Date, timeZone: string, locale = 'en-GB'): string {
  const s = start.getTime();
  const parts = formatterFor(locale, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).formatToParts(s);
  const word = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${word('weekday')} ${word('day')} ${word('month')}, ${clockOf(s, timeZone, locale)} (${zoneWords(timeZone)})`;
}
