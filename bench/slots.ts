import {
  type AvailabilityRules,
  computeSlots,
  type Interval,
  nextFreeSlot,
} from '../src/core/availability.ts';
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
}
