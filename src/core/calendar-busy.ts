import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';

/*
 * Issue #14: the busy times of an iCalendar feed (a mentor's "secret
 * address" from Google, Outlook or Apple), read with ical.js — never by
 * hand. Recurring events expand within the window asked for (RRULE, RDATE,
 * EXDATE, and RECURRENCE-ID overrides that move or cancel one occurrence);
 * times with a TZID are placed in that zone (the IANA rules where the name is
 * one, else the feed's own VTIMEZONE), floating times and all-day events on
 * the mentor's clock; transparent (free) and cancelled events are skipped,
 * tentative ones count unless the mentor says otherwise. Pure: text in,
 * intervals out.
 */

export type BusyTime = {
  startMs: number;
  endMs: number;
  /** the event's summary: shown to the mentor only */
  title: string;
  tentative: boolean;
  /** the event's UID and, for an occurrence, its original start: stable across reads */
  key: string;
};

export type BusyOptions = {
  fromMs: number;
  toMs: number;
  /** where floating times and all-day events are (the mentor's zone) */
  timeZone: string;
  /** whether TENTATIVE events block time (they do by default) */
  tentativeIsBusy?: boolean;
  /** at most this many busy times; the rest is cut (`truncated`) */
  maxBusy?: number;
};

export type FeedRead =
  | { ok: true; busy: BusyTime[]; truncated: boolean; events: number }
  | { ok: false; problem: string };

const DEFAULT_MAX_BUSY = 20_000;
/** Occurrences walked per recurring event before giving up on it (a runaway rule). */
const MAX_STEPS_PER_EVENT = 50_000;

const knownZones = new Map<string, boolean>();

function isIanaZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      Temporal.Now.instant().toZonedDateTimeISO(name);
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1_000) knownZones.set(name, known);
  }
  return known;
}

/** An ICAL.Time as an instant: its own zone, a zone named by the event, or the mentor's. */
function instantOf(t: ICAL.Time, hintZone: string | null, floatingZone: string): number {
  const wall = {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.isDate ? 0 : t.hour,
    minute: t.isDate ? 0 : t.minute,
    // A leap second (60) is read as the next minute's start.
    second: t.isDate ? 0 : Math.min(t.second, 59),
  };
  const at = (timeZone: string) =>
    timeZone === 'UTC'
      ? Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
      : Temporal.ZonedDateTime.from({ ...wall, timeZone }, { disambiguation: 'compatible' })
          .epochMilliseconds;
  if (t.isDate) return at(floatingZone);
  const tzid = t.zone?.tzid;
  if (tzid === 'UTC' || tzid === 'Z') return at('UTC');
  if (tzid && tzid !== 'floating') {
    if (isIanaZone(tzid)) return at(tzid);
    // A zone defined only by the feed's VTIMEZONE (Windows names from Outlook, say).
    return t.toUnixTime() * 1000;
  }
  if (hintZone && isIanaZone(hintZone)) return at(hintZone);
  return at(floatingZone);
}

/** The TZID an event's start names, even when the feed left its VTIMEZONE out. */
function tzidOf(event: ICAL.Component): string | null {
  const tzid = event.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : null;
}

/**
 * An event without ical.js's own search of the whole calendar for its
 * exceptions (once per event: quadratic in the feed's size); overrides are
 * related to their series by UID below.
 */
const eventOf = (c: ICAL.Component) => new ICAL.Event(c, { exceptions: [] });

function statusOf(c: ICAL.Component): string {
  return String(c.getFirstPropertyValue('status') ?? '').toUpperCase();
}

function isFree(c: ICAL.Component): boolean {
  return String(c.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT';
}

/**
 * The busy times of a feed within [fromMs, toMs), soonest first; or the
 * problem with it (not iCalendar at all).
 */
export function busyFromIcs(text: string, opts: BusyOptions): FeedRead {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    return { ok: false, problem: `not an iCalendar file (${(err as Error).message})` };
  }
  if (root.name !== 'vcalendar') return { ok: false, problem: 'not an iCalendar file' };
  const tentativeIsBusy = opts.tentativeIsBusy ?? true;
  const maxBusy = opts.maxBusy ?? DEFAULT_MAX_BUSY;
  const components = root.getAllSubcomponents('vevent');
  // Overrides (RECURRENCE-ID) belong to their series' master, by UID.
  const masters = new Map<string, ICAL.Event>();
  const singles: ICAL.Component[] = [];
  const overrides: ICAL.Component[] = [];
  for (const c of components) {
    if (c.hasProperty('recurrence-id')) overrides.push(c);
    else if (c.hasProperty('rrule') || c.hasProperty('rdate')) {
      masters.set(String(c.getFirstPropertyValue('uid') ?? ''), eventOf(c));
    } else singles.push(c);
  }
  for (const o of overrides) {
    const master = masters.get(String(o.getFirstPropertyValue('uid') ?? ''));
    // An override without its series stands alone.
    if (master) master.relateException(o);
    else singles.push(o);
  }

  const busy: BusyTime[] = [];
  const add = (
    c: ICAL.Component,
    start: ICAL.Time,
    end: ICAL.Time,
    hint: string | null,
    key: string,
  ) => {
    if (statusOf(c) === 'CANCELLED' || isFree(c)) return;
    const tentative = statusOf(c) === 'TENTATIVE';
    if (tentative && !tentativeIsBusy) return;
    const startMs = instantOf(start, hint, opts.timeZone);
    let endMs = instantOf(end, hint, opts.timeZone);
    // No end, or one not after the start: an all-day event is its day, a timed one an instant.
    if (endMs <= startMs) endMs = start.isDate ? startMs + 86_400_000 : startMs;
    if (endMs <= opts.fromMs || startMs >= opts.toMs || endMs === startMs) return;
    busy.push({
      startMs,
      endMs,
      title: String(c.getFirstPropertyValue('summary') ?? ''),
      tentative,
      key,
    });
  };

  for (const c of singles) {
    const event = eventOf(c);
    if (!event.startDate) continue;
    const end = event.endDate ?? event.startDate;
    add(c, event.startDate, end, tzidOf(c), `${event.uid}`);
  }
  for (const [uid, event] of masters) {
    const hint = tzidOf(event.component);
    const iterator = event.iterator();
    for (let step = 0, next = iterator.next(); next && step < MAX_STEPS_PER_EVENT; step++) {
      const details = event.getOccurrenceDetails(next);
      const startMs = instantOf(details.startDate, hint, opts.timeZone);
      // Occurrences come in order of their original start; a moved one is placed by its new time.
      const originalMs = instantOf(next, hint, opts.timeZone);
      if (originalMs >= opts.toMs && startMs >= opts.toMs) break;
      add(
        details.item.component,
        details.startDate,
        details.endDate,
        tzidOf(details.item.component) ?? hint,
        `${uid}@${originalMs}`,
      );
      if (busy.length > maxBusy) break;
      next = iterator.next();
    }
  }
  busy.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const truncated = busy.length > maxBusy;
  return { ok: true, busy: busy.slice(0, maxBusy), truncated, events: components.length };
}
