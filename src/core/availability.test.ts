import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type AvailabilityRules,
  computeSlots,
  nextFreeSlot,
  parseClockTime,
  type WeeklyRange,
} from './availability.ts';

const H = 60;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const at = (text: string) => Date.parse(text);
const local = (ms: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString()
    .slice(0, 16);

function rules(over: Partial<AvailabilityRules>): AvailabilityRules {
  return {
    timeZone: 'UTC',
    weekly: [],
    overrides: [],
    slotLengths: [60],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    horizonDays: 365,
    ...over,
  };
}

const tuesday = (start: number, end: number): WeeklyRange => ({ weekday: 2, start, end });

function slotsBetween(
  r: AvailabilityRules,
  from: string,
  to: string,
  busy: { startMs: number; endMs: number }[] = [],
) {
  return computeSlots({ rules: r, busy, now: at(from) - 1, fromMs: at(from), toMs: at(to) });
}

describe('clock times', () => {
  it.each([
    ['09:00', 540],
    ['00:00', 0],
    ['24:00', 1440],
    ['9:00', null],
    ['24:30', null],
    ['12:60', null],
  ])('%s → %s', (text, minutes) => {
    expect(parseClockTime(text)).toBe(minutes);
  });
});

describe('daylight saving time', () => {
  const ny = rules({
    timeZone: 'America/New_York',
    weekly: [tuesday(9 * H, 17 * H)],
    slotLengths: [480],
  });

  it('keeps 09:00–17:00 New York local on both sides of the November 2023 change', () => {
    const before = slotsBetween(ny, '2023-10-31T00:00Z', '2023-11-01T00:00Z');
    const after = slotsBetween(ny, '2023-11-07T00:00Z', '2023-11-08T00:00Z');
    expect(before.map((s) => [iso(s.startMs), iso(s.endMs)])).toEqual([
      ['2023-10-31T13:00', '2023-10-31T21:00'],
    ]);
    expect(after.map((s) => [iso(s.startMs), iso(s.endMs)])).toEqual([
      ['2023-11-07T14:00', '2023-11-07T22:00'],
    ]);
  });

  it('never offers a wall time skipped by spring-forward', () => {
    const r = rules({
      timeZone: 'America/New_York',
      overrides: [{ date: '2023-03-12', ranges: [{ start: 1 * H, end: 4 * H }] }],
      slotLengths: [30],
    });
    const slots = slotsBetween(r, '2023-03-12T00:00Z', '2023-03-13T00:00Z');
    expect(slots.map((s) => local(s.startMs, 'America/New_York').slice(11))).toEqual([
      '01:00',
      '01:30',
      '03:00',
      '03:30',
    ]);
  });

  it('offers both passes of the repeated hour, each once, as distinct instants', () => {
    const r = rules({
      timeZone: 'America/New_York',
      overrides: [{ date: '2023-11-05', ranges: [{ start: 0, end: 3 * H }] }],
      slotLengths: [30],
    });
    const slots = slotsBetween(r, '2023-11-05T00:00Z', '2023-11-06T00:00Z');
    // 00:00 EDT to 03:00 EST is four hours of real time: eight half hours.
    expect(slots.map((s) => iso(s.startMs).slice(11))).toEqual([
      '04:00',
      '04:30',
      '05:00', // 01:00 EDT
      '05:30',
      '06:00', // 01:00 EST
      '06:30',
      '07:00',
      '07:30',
    ]);
    for (const s of slots) expect(s.endMs - s.startMs).toBe(30 * 60_000);
  });

  it('offers 05:30–06:30Z on New York’s fall-back night (01:30 EDT to 01:30 EST), which wall-clock stepping missed', () => {
    const r = rules({
      timeZone: 'America/New_York',
      overrides: [{ date: '2028-11-05', ranges: [{ start: 30, end: 3 * H + 30 }] }],
    });
    const slots = slotsBetween(r, '2028-11-05T00:00Z', '2028-11-06T00:00Z');
    expect(slots.map((s) => [iso(s.startMs), iso(s.endMs)])).toEqual([
      ['2028-11-05T04:30', '2028-11-05T05:30'],
      ['2028-11-05T05:30', '2028-11-05T06:30'],
      ['2028-11-05T06:30', '2028-11-05T07:30'],
      ['2028-11-05T07:30', '2028-11-05T08:30'],
    ]);
  });

  it('leaves out the part of the repeated hour before hours that start inside it (New York, from 01:15)', () => {
    const r = rules({
      timeZone: 'America/New_York',
      overrides: [{ date: '2028-11-05', ranges: [{ start: H + 15, end: 2 * H + 45 }] }],
      slotLengths: [45],
    });
    const slots = slotsBetween(r, '2028-11-05T00:00Z', '2028-11-06T00:00Z');
    // 01:15–02:00 EDT, then (01:00–01:15 EST is before the hours) 01:15–02:45 EST.
    expect(slots.map((s) => local(s.startMs, 'America/New_York').slice(11))).toEqual([
      '01:15',
      '01:15',
      '02:00',
    ]);
    expect(slots.map((s) => iso(s.startMs).slice(11))).toEqual(['05:15', '06:15', '07:00']);
  });

  it('shows London 17:00–19:00 in New York as 12:00–14:00, or 13:00 while only one side has changed', () => {
    const london = rules({
      timeZone: 'Europe/London',
      weekly: [tuesday(17 * H, 19 * H)],
      slotLengths: [30],
    });
    const firstInNewYork = (day: string) =>
      local(
        slotsBetween(london, `${day}T00:00Z`, `${day}T23:59Z`)[0]!.startMs,
        'America/New_York',
      ).slice(11);
    expect(firstInNewYork('2023-03-07')).toBe('12:00'); // both on winter time
    expect(firstInNewYork('2023-03-14')).toBe('13:00'); // New York changed on 12 March, London on 26 March
    expect(firstInNewYork('2023-04-04')).toBe('12:00'); // both on summer time
    expect(firstInNewYork('2023-10-31')).toBe('13:00'); // London changed on 29 October, New York on 5 November
    const tuesdaySlots = slotsBetween(london, '2023-03-07T00:00Z', '2023-03-08T00:00Z');
    expect(tuesdaySlots.map((s) => local(s.startMs, 'America/New_York').slice(11))).toEqual([
      '12:00',
      '12:30',
      '13:00',
      '13:30',
    ]);
  });
  it('does not let a slot that spans the spring gap overlap the next one (London, 45 min)', () => {
    const r = rules({
      timeZone: 'Europe/London',
      weekly: [{ weekday: 6, start: 22 * H + 30, end: 3 * H }],
      slotLengths: [45],
    });
    const slots = slotsBetween(r, '2024-03-30T12:00Z', '2024-03-31T12:00Z');
    expect(slots.map((s) => local(s.startMs, 'Europe/London'))).toEqual([
      '2024-03-30T22:30',
      '2024-03-30T23:15',
      '2024-03-31T00:00',
      '2024-03-31T00:45', // lasts 45 real minutes, ending 02:30 BST
    ]);
  });

  it('offers a repeated wall time at the occurrence where the slot fits (Chatham, 03:00–04:00)', () => {
    const r = rules({
      timeZone: 'Pacific/Chatham',
      overrides: [{ date: '2024-04-07', ranges: [{ start: 3 * H, end: 4 * H }] }],
    });
    const slots = slotsBetween(r, '2024-04-05T00:00Z', '2024-04-08T00:00Z');
    expect(slots.map((s) => [iso(s.startMs), iso(s.endMs)])).toEqual([
      ['2024-04-06T14:15', '2024-04-06T15:15'],
    ]);
  });
});

describe('zones with half- and quarter-hour offsets', () => {
  it.each([
    ['Asia/Kolkata', '2024-01-01', '2024-01-01T03:30'],
    ['Asia/Kathmandu', '2024-01-01', '2024-01-01T03:15'],
    ['Australia/Lord_Howe', '2024-07-01', '2024-06-30T22:30'], // +10:30 in winter
    ['Australia/Lord_Howe', '2024-01-01', '2023-12-31T22:00'], // +11:00 in summer
  ])('%s: 09:00 on %s is %s UTC', (timeZone, date, expected) => {
    const r = rules({ timeZone, overrides: [{ date, ranges: [{ start: 9 * H, end: 10 * H }] }] });
    const slots = slotsBetween(r, '2023-12-30T00:00Z', '2024-12-31T00:00Z');
    expect(slots.map((s) => iso(s.startMs))).toEqual([expected]);
  });
});

describe('rules', () => {
  const base = rules({ timeZone: 'Europe/Berlin', slotLengths: [30] });

  it('offers every length even in a range that ends before the shorter length runs out', () => {
    // Regression: the 30-minute stepping reaching the end of the range stopped the 60-minute one.
    const r = { ...base, weekly: [tuesday(17 * H, 19 * H)], slotLengths: [30, 60] };
    const slots = computeSlots({
      rules: r,
      busy: [],
      now: at('2024-01-01T00:00Z'),
      fromMs: at('2024-01-02T16:00Z'),
      toMs: at('2024-01-02T17:00Z'),
    });
    expect(
      slots.map((s) => `${local(s.startMs, 'Europe/Berlin').slice(11)}/${s.lengthMinutes}`),
    ).toEqual(['17:00/30', '17:00/60', '17:30/30']);
  });

  it('runs a range past midnight into the next day', () => {
    const r = { ...base, weekly: [{ weekday: 5, start: 22 * H, end: 1 * H }] };
    const slots = slotsBetween(r, '2024-01-05T00:00Z', '2024-01-07T00:00Z');
    expect(slots.map((s) => local(s.startMs, 'Europe/Berlin'))).toEqual([
      '2024-01-05T22:00',
      '2024-01-05T22:30',
      '2024-01-05T23:00',
      '2024-01-05T23:30',
      '2024-01-06T00:00',
      '2024-01-06T00:30',
    ]);
  });

  it('lets a date override replace the weekly hours, or take the day off', () => {
    const r = {
      ...base,
      weekly: [tuesday(9 * H, 10 * H)],
      overrides: [
        { date: '2024-01-09', ranges: [{ start: 14 * H, end: 15 * H }] },
        { date: '2024-01-16', ranges: [] },
      ],
    };
    const slots = slotsBetween(r, '2024-01-01T00:00Z', '2024-01-21T00:00Z');
    expect(slots.map((s) => local(s.startMs, 'Europe/Berlin'))).toEqual([
      '2024-01-02T09:00',
      '2024-01-02T09:30',
      '2024-01-09T14:00',
      '2024-01-09T14:30',
    ]);
  });

  it('offers every length, and keeps buffers around busy time', () => {
    const r = {
      ...base,
      weekly: [tuesday(9 * H, 13 * H)],
      slotLengths: [30, 60],
      bufferAfterMinutes: 15,
    };
    const busy = [{ startMs: at('2024-01-02T09:00Z'), endMs: at('2024-01-02T10:00Z') }]; // 10:00–11:00 Berlin
    const slots = slotsBetween(r, '2024-01-02T00:00Z', '2024-01-03T00:00Z', busy);
    const thirty = slots
      .filter((s) => s.lengthMinutes === 30)
      .map((s) => local(s.startMs, 'Europe/Berlin').slice(11));
    const sixty = slots
      .filter((s) => s.lengthMinutes === 60)
      .map((s) => local(s.startMs, 'Europe/Berlin').slice(11));
    expect(thirty).toEqual(['09:00', '11:30', '12:00', '12:30']);
    expect(sixty).toEqual(['12:00']);
  });

  it('drops slots inside the minimum notice and beyond the horizon', () => {
    const r = {
      ...base,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: 9 * H, end: 10 * H })),
      minimumNoticeMinutes: 24 * 60,
      horizonDays: 3,
    };
    const now = at('2024-01-02T08:15Z'); // 09:15 in Berlin
    const slots = computeSlots({
      rules: r,
      busy: [],
      now,
      fromMs: now,
      toMs: now + 30 * 86_400_000,
    });
    expect(slots.map((s) => local(s.startMs, 'Europe/Berlin'))).toEqual([
      '2024-01-03T09:30',
      '2024-01-04T09:00',
      '2024-01-04T09:30',
      '2024-01-05T09:00', // the horizon ends at 09:15, three days after now
    ]);
  });

  it('offers a published session with free seats, but not a full one', () => {
    const r = { ...base };
    const open = {
      sessionId: 's1',
      seatsLeft: 2,
      startMs: at('2024-01-02T10:00Z'),
      endMs: at('2024-01-02T11:30Z'),
    };
    const full = {
      sessionId: 's2',
      seatsLeft: 0,
      startMs: at('2024-01-03T10:00Z'),
      endMs: at('2024-01-03T11:00Z'),
    };
    const slots = computeSlots({
      rules: r,
      busy: [],
      openSessions: [open, full],
      now: at('2024-01-01T00:00Z'),
      fromMs: at('2024-01-01T00:00Z'),
      toMs: at('2024-01-10T00:00Z'),
    });
    expect(slots).toEqual([
      {
        startMs: open.startMs,
        endMs: open.endMs,
        lengthMinutes: 90,
        kind: 'session',
        sessionId: 's1',
        seatsLeft: 2,
      },
    ]);
  });

  it('finds the next free slot past a fully booked week', () => {
    const r = { ...base, weekly: [tuesday(9 * H, 10 * H)], slotLengths: [60] };
    const busy = [{ startMs: at('2024-01-02T08:00Z'), endMs: at('2024-01-02T09:00Z') }];
    const slot = nextFreeSlot({ rules: r, busy, now: at('2024-01-01T00:00Z') });
    expect(slot && local(slot.startMs, 'Europe/Berlin')).toBe('2024-01-09T09:00');
    expect(
      nextFreeSlot({ rules: { ...r, weekly: [] }, busy, now: at('2024-01-01T00:00Z') }),
    ).toBeNull();
  });
});
