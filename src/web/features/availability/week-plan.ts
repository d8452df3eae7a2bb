import { addDays, wallClockAt } from '../../../core/local-time.ts';
import type { Availability, Booking, Session } from '../../api/types.ts';

/**
 * A mentor's week on their own clock: each day's hours (a date override
 * wins over the weekly hours, an empty one is a day off) and what is in it —
 * pending and approved bookings, a move's proposed time, published and
 * draft sessions. Pure: the page gives it what it loaded.
 */
export type WeekEvent = {
  key: string;
  startsAt: string;
  endsAt: string;
  what: string;
  /** calendar: a busy time from the mentor's own calendars (issue #14) */
  state: 'pending' | 'approved' | 'proposed_move' | 'published' | 'draft' | 'calendar';
};

/** A busy time from one of the mentor's own calendars, with its title. */
export type OutsideBusy = { startsAt: string; endsAt: string; title: string; tentative: boolean };

export type WeekDay = {
  date: string;
  hours: { start: string; end: string }[];
  /** hours from a date override rather than the weekly ones */
  overridden: boolean;
  events: WeekEvent[];
};

/** The Monday on or before `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

export function weekPlan(input: {
  monday: string;
  zone: string;
  mentorId: string;
  availability: Pick<Availability, 'weekly' | 'overrides'> | undefined;
  bookings: Booking[];
  sessions: Session[];
  outside?: OutsideBusy[];
}): WeekDay[] {
  const { zone, mentorId } = input;
  const dateOf = (iso: string) => wallClockAt(Date.parse(iso), zone).date;
  const events: (WeekEvent & { date: string })[] = [];
  for (const b of input.bookings) {
    if (b.mentor.userId !== mentorId || (b.status !== 'pending' && b.status !== 'approved'))
      continue;
    const what = b.sessionId ? `${b.mentee.name} (a seat)` : `With ${b.mentee.name}`;
    events.push({
      key: `b-${b.id}`,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      what,
      state: b.status,
      date: dateOf(b.startsAt),
    });
    if (b.move) {
      events.push({
        key: `m-${b.id}`,
        startsAt: b.move.startsAt,
        endsAt: b.move.endsAt,
        what: `With ${b.mentee.name}, if the move is accepted`,
        state: 'proposed_move',
        date: dateOf(b.move.startsAt),
      });
    }
  }
  for (const s of input.sessions) {
    if (s.mentor.userId !== mentorId || s.status === 'cancelled') continue;
    events.push({
      key: `s-${s.id}`,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      what: s.title || 'Session',
      state: s.status,
      date: dateOf(s.startsAt),
    });
  }
  for (const [i, b] of (input.outside ?? []).entries()) {
    events.push({
      key: `c-${b.startsAt}-${i}`,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      what: `${b.title || 'Busy'}${b.tentative ? ' (tentative)' : ''}`,
      state: 'calendar',
      date: dateOf(b.startsAt),
    });
  }
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(input.monday, i);
    const override = input.availability?.overrides.find((o) => o.date === date);
    const weekday = i + 1;
    const hours = override
      ? override.ranges
      : (input.availability?.weekly ?? [])
          .filter((w) => w.weekday === weekday)
          .map(({ start, end }) => ({ start, end }));
    return {
      date,
      hours: [...hours].sort((a, b) => a.start.localeCompare(b.start)),
      overridden: Boolean(override),
      events: events
        .filter((e) => e.date === date)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
        .map(({ date: _d, ...e }) => e),
    };
  });
}
