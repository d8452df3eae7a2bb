import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type AvailabilityRules,
  computeSlots,
  type Interval,
  type TimeRange,
} from './availability.ts';

/*
 * Invariants of slot computation over random rules, zones and busy time,
 * checked against Temporal directly rather than against our own helpers.
 */

const DAY = 86_400_000;
const zones = [
  'America/New_York',
  'Europe/London',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
];

const timeRange = fc
  .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 24 }))
  .map(([startHalfHours, lengthHalfHours]): TimeRange => {
    const start = startHalfHours * 30;
    return { start, end: (start + lengthHalfHours * 30) % 1440 || 1440 };
  })
  .filter((r) => r.start !== r.end);

const rulesArb = fc.record({
  timeZone: fc.constantFrom(...zones),
  weekly: fc.array(
    fc.tuple(fc.integer({ min: 1, max: 7 }), timeRange).map(([weekday, r]) => ({ weekday, ...r })),
    { maxLength: 8 },
  ),
  // One override per date, as the API enforces.
  overrides: fc.uniqueArray(
    fc.record({
      date: fc
        .integer({ min: 0, max: 20 })
        .map((d) => new Date(Date.UTC(2024, 2, 20) + d * DAY).toISOString().slice(0, 10)),
      ranges: fc.array(timeRange, { maxLength: 2 }),
    }),
    { maxLength: 3, selector: (o) => o.date },
  ),
  slotLengths: fc.uniqueArray(fc.constantFrom(15, 30, 45, 60, 90), { minLength: 1, maxLength: 3 }),
  bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
  bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
  minimumNoticeMinutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
  horizonDays: fc.integer({ min: 1, max: 30 }),
}) satisfies fc.Arbitrary<AvailabilityRules>;

// Around the March 2024 changes in New York (10th), London (31st), Lord Howe (7 April).
const now = Date.UTC(2024, 2, 22, 7, 13);
const busyArb = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 20 * 24 * 4 }), fc.integer({ min: 1, max: 12 }))
    .map(([quarter, quarters]): Interval => {
      const startMs = now + quarter * 15 * 60_000;
      return { startMs, endMs: startMs + quarters * 15 * 60_000 };
    }),
  { maxLength: 20 },
);

function localMinutes(ms: number, zone: string) {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return { date: z.toPlainDate(), minutes: z.hour * 60 + z.minute };
}

/** Does some range of the mentor (weekly or override, today's or last night's) contain this wall time? */
function insideHours(rules: AvailabilityRules, ms: number): boolean {
  const { date, minutes } = localMinutes(ms, rules.timeZone);
  const rangesOn = (d: Temporal.PlainDate) =>
    rules.overrides.find((o) => o.date === d.toString())?.ranges ??
    rules.weekly.filter((w) => w.weekday === d.dayOfWeek);
  const today = rangesOn(date).some(
    (r) => minutes >= r.start && (r.end <= r.start || minutes < r.end),
  );
  const lastNight = rangesOn(date.subtract({ days: 1 })).some(
    (r) => r.end <= r.start && minutes < r.end,
  );
  return today || lastNight;
}

function run(rules: AvailabilityRules, busy: Interval[]) {
  return computeSlots({ rules, busy, now, fromMs: now, toMs: now + 21 * DAY });
}

describe('slot invariants', () => {
  it('no slot overlaps busy time widened by the buffers', () => {
    fc.assert(
      fc.property(rulesArb, busyArb, (rules, busy) => {
        const pad = (rules.bufferBeforeMinutes + rules.bufferAfterMinutes) * 60_000;
        for (const s of run(rules, busy)) {
          for (const b of busy)
            expect(s.startMs < b.endMs + pad && b.startMs - pad < s.endMs).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every slot starts inside the mentor’s hours in the mentor’s zone and respects notice and horizon', () => {
    fc.assert(
      fc.property(rulesArb, busyArb, (rules, busy) => {
        for (const s of run(rules, busy)) {
          expect(insideHours(rules, s.startMs)).toBe(true);
          expect(insideHours(rules, s.endMs - 60_000)).toBe(true);
          expect(s.endMs - s.startMs).toBe(s.lengthMinutes * 60_000);
          expect(s.startMs).toBeGreaterThanOrEqual(now + rules.minimumNoticeMinutes * 60_000);
          expect(s.startMs).toBeLessThan(now + rules.horizonDays * DAY);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('slots of one length never overlap one another', () => {
    fc.assert(
      fc.property(rulesArb, busyArb, (rules, busy) => {
        const slots = run(rules, busy);
        for (const length of rules.slotLengths) {
          const same = slots.filter((s) => s.lengthMinutes === length);
          for (let i = 1; i < same.length; i++)
            expect(same[i]!.startMs).toBeGreaterThanOrEqual(same[i - 1]!.endMs);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the process time zone', () => {
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(rulesArb, busyArb, (rules, busy) => {
          process.env.TZ = 'UTC';
          const inUtc = run(rules, busy);
          process.env.TZ = 'Pacific/Chatham';
          const inChatham = run(rules, busy);
          expect(inChatham).toEqual(inUtc);
        }),
        { numRuns: 50 },
      );
    } finally {
      process.env.TZ = original;
    }
  });
});

/*
 * Fall-back nights: the clock repeats an hour (half an hour on Lord Howe), so
 * the night is longer in real time than by the clock. Every free stretch of
 * real time inside the mentor's hours must still be offered, each slot once.
 */
const fallBackNights = [
  { timeZone: 'America/New_York', date: '2028-11-05' }, // 02:00 EDT → 01:00 EST
  { timeZone: 'Europe/London', date: '2028-10-29' }, // 02:00 BST → 01:00 GMT
  { timeZone: 'Australia/Lord_Howe', date: '2028-04-02' }, // 02:00 → 01:30
  { timeZone: 'Pacific/Chatham', date: '2028-04-02' }, // 03:45 → 02:45
];

const fallBackArb = fc
  .record({
    night: fc.constantFrom(...fallBackNights),
    // Hours starting before the change and ending after it, in quarter hours.
    startQuarter: fc.integer({ min: 0, max: 8 }),
    endQuarter: fc.integer({ min: 18, max: 28 }),
    length: fc.constantFrom(15, 30, 45, 60, 90),
    busy: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * 4 }), fc.integer({ min: 1, max: 8 })), {
      maxLength: 4,
    }),
  })
  .map(({ night, startQuarter, endQuarter, length, busy }) => {
    const rules: AvailabilityRules = {
      timeZone: night.timeZone,
      weekly: [],
      overrides: [
        { date: night.date, ranges: [{ start: startQuarter * 15, end: endQuarter * 15 }] },
      ],
      slotLengths: [length],
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      horizonDays: 30,
    };
    // The zone's midnight before the night, from Temporal, then busy quarters after it.
    const midnight = Temporal.PlainDate.from(night.date).toZonedDateTime(
      night.timeZone,
    ).epochMilliseconds;
    const busyIntervals = busy.map(([quarter, quarters]): Interval => {
      const startMs = midnight + quarter * 15 * 60_000;
      return { startMs, endMs: startMs + quarters * 15 * 60_000 };
    });
    return { rules, busy: busyIntervals, midnight, length };
  });

/** Minutes of [fromMs, toMs) inside the mentor's hours, by Temporal (a minute's start). */
function minutesInHours(rules: AvailabilityRules, fromMs: number, toMs: number): Set<number> {
  const inside = new Set<number>();
  for (let t = fromMs; t < toMs; t += 60_000) if (insideHours(rules, t)) inside.add(t);
  return inside;
}

/** Maximal runs of minutes inside the hours and outside busy time. */
function freeStretches(inHours: Set<number>, busy: Interval[], fromMs: number, toMs: number) {
  const stretches: Interval[] = [];
  for (let t = fromMs; t < toMs; t += 60_000) {
    if (!inHours.has(t) || busy.some((b) => b.startMs <= t && t < b.endMs)) continue;
    const last = stretches[stretches.length - 1];
    if (last && last.endMs === t) last.endMs = t + 60_000;
    else stretches.push({ startMs: t, endMs: t + 60_000 });
  }
  return stretches;
}

describe('fall-back nights', () => {
  it('offers a slot in every free stretch of at least two slot lengths, each slot once and inside the hours', () => {
    fc.assert(
      fc.property(fallBackArb, ({ rules, busy, midnight, length }) => {
        // The hours lie within 00:00–07:00 by the clock: scan a little wider.
        const from = midnight - 2 * 3_600_000;
        const to = midnight + 10 * 3_600_000;
        const slots = computeSlots({ rules, busy, now: from, fromMs: from, toMs: to });
        const inHours = minutesInHours(rules, from, to);
        const lengthMs = length * 60_000;
        for (let i = 1; i < slots.length; i++)
          expect(slots[i]!.startMs).toBeGreaterThanOrEqual(slots[i - 1]!.endMs);
        for (const s of slots) {
          for (let t = s.startMs; t < s.endMs; t += 60_000) expect(inHours.has(t)).toBe(true);
        }
        for (const f of freeStretches(inHours, busy, from, to)) {
          if (f.endMs - f.startMs < 2 * lengthMs) continue;
          const offered = slots.some((s) => s.startMs >= f.startMs && s.endMs <= f.endMs);
          const stretch = `${new Date(f.startMs).toISOString()}–${new Date(f.endMs).toISOString()}`;
          expect(offered, `free ${stretch}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
