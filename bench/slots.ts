import {
  type AvailabilityRules,
  computeSlots,
  type Interval,
  nextFreeSlot,
} from '../src/core/availability.ts';
import { busyFromIcs } from '../src/core/calendar-busy.ts';
import { offsetSegments } from '../src/core/zone-offsets.ts';
import { percentile } from './stats.ts';

/**
 * Slot computation in the pure core (no database): 90 days for one mentor with
 * 3 ranges a day, 20 overrides and 500 busy intervals; and the next free slot
 * of 200 mentors for a directory page. Prints medians over repeated runs.
 */
const DAY = 86_400_000;
const now = Date.UTC(2026, 0, 5, 8, 0);

function mentorRules(timeZone: string, seed: number): AvailabilityRules {
  const weekly = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, start: 8 * 60, end: 10 * 60 },
    { weekday, start: 12 * 60 + ((seed * 15) % 60), end: 14 * 60 },
    { weekday, start: 18 * 60, end: 21 * 60 },
  ]);
  const overrides = Array.from({ length: 20 }, (_, i) => ({
    date: new Date(now + (i * 4 + 1) * DAY).toISOString().slice(0, 10),
    ranges: i % 3 === 0 ? [] : [{ start: 9 * 60, end: 12 * 60 }],
  }));
  return {
    timeZone,
    weekly,
    overrides,
    slotLengths: [30, 60],
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 90,
  };
}

function busyIntervals(count: number): Interval[] {
  return Array.from({ length: count }, (_, i) => {
    const startMs = now + Math.floor((i * 90 * DAY) / count) + ((i * 37) % 20) * 30 * 60_000;
    return { startMs, endMs: startMs + 60 * 60_000 };
  });
}

function time(runs: number, fn: () => unknown) {
  for (let i = 0; i < 20; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return percentile(samples, 50);
}

export async function run() {
  console.log('\n# slots: pure core, medians');
  const rules = mentorRules('America/New_York', 1);
  const busy = busyIntervals(500);
  let count = 0;
  const oneMentor = time(200, () => {
    count = computeSlots({ rules, busy, now, fromMs: now, toMs: now + 90 * DAY }).length;
  });
  console.log(
    `90 days, 1 mentor, 3 ranges/day, 20 overrides, 500 busy: ${oneMentor.toFixed(3)} ms (${count} slots; target < 1 ms)`,
  );

  const zones = [
    'America/New_York',
    'Europe/London',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
  ];
  const mentors = Array.from({ length: 200 }, (_, i) => ({
    rules: mentorRules(zones[i % zones.length]!, i),
    busy: busyIntervals(20 + (i % 5) * 20),
  }));
  const directory = time(50, () => {
    // Offsets are computed once per zone for the page, as the directory route does.
    const segmentsByZone = new Map(zones.map((z) => [z, offsetSegments(z, now, now + 90 * DAY)]));
    for (const m of mentors) {
      nextFreeSlot({
        rules: m.rules,
        busy: m.busy,
        now,
        segments: segmentsByZone.get(m.rules.timeZone)!,
      });
    }
  });
  console.log(
    `directory page, next free slot of 200 mentors: ${directory.toFixed(3)} ms (target < 20 ms)`,
  );

  // Issue #14: a mentor's own calendar, recurrences expanded, as the busy times slots skip.
  const feed = calendarFeed(5_000);
  const parsedIn = time(10, () =>
    busyFromIcs(feed, { fromMs: now, toMs: now + 400 * DAY, timeZone: 'Europe/London' }),
  );
  const read = busyFromIcs(feed, { fromMs: now, toMs: now + 90 * DAY, timeZone: 'Europe/London' });
  const outside = read.ok
    ? read.busy.slice(0, 2_000).map((b) => ({ startMs: b.startMs, endMs: b.endMs }))
    : [];
  const withCalendar = time(200, () => {
    count = computeSlots({
      rules,
      busy: [...busy, ...outside],
      now,
      fromMs: now,
      toMs: now + 90 * DAY,
    }).length;
  });
  console.log(
    `a 5,000-event feed (a third weekly, with exceptions), parsed and expanded for 400 days: ${parsedIn.toFixed(1)} ms (target: parsed and stored < 1 s)`,
  );
  console.log(
    `90 days, 1 mentor, 500 bookings + ${outside.length} calendar busy times: ${withCalendar.toFixed(3)} ms (${count} slots; target < 2 ms)`,
  );
}

/** An iCalendar file of `events` events over a year: every third a weekly series with an exception. */
function calendarFeed(events: number): string {
  const stamp = (ms: number) =>
    new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Confer bench//EN'];
  for (let i = 0; i < events; i++) {
    const start = now + Math.floor((i * 365 * DAY) / events) + (i % 9) * 3_600_000;
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-${i}@example.com`,
      'DTSTAMP:20260101T000000Z',
      `SUMMARY:Meeting ${i}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 45 * 60_000)}`,
    );
    if (i % 3 === 0) {
      lines.push('RRULE:FREQ=WEEKLY;COUNT=8', `EXDATE:${stamp(start + 14 * DAY)}`);
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}
