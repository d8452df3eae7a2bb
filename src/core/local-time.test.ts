import { describe, expect, it } from 'vitest';
import {
  addDays,
  isClockTime,
  isRepeatedClockTime,
  offsetOfLocalDateTime,
  utcOffsetAt,
  wallClockAt,
  zonedInstant,
} from './local-time.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('zonedInstant', () => {
  it.each([
    // [date, time, zone, expected instant or null]
    ['2026-01-15', '14:00', 'UTC', '2026-01-15T14:00:00.000Z'],
    ['2026-07-01', '09:00', 'Asia/Kathmandu', '2026-07-01T03:15:00.000Z'],
    ['2026-07-01', '00:00', 'Pacific/Kiritimati', '2026-06-30T10:00:00.000Z'],
    // Spring forward: 01:00–02:00 in London and 02:00–03:00 in New York never happen.
    ['2026-03-29', '01:30', 'Europe/London', null],
    ['2026-03-08', '02:30', 'America/New_York', null],
    ['2026-03-29', '02:30', 'Europe/London', '2026-03-29T01:30:00.000Z'],
    // Autumn: the repeated hour is its first occurrence.
    ['2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00.000Z'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ])('%s %s in %s', (date, time, zone, expected) => {
    expect(iso(zonedInstant(date, time, zone))).toBe(expected);
  });

  it('round-trips with wallClockAt every 45 minutes across a New York autumn day', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 45) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const instant = zonedInstant('2026-11-01', time, 'America/New_York');
      expect(instant !== null && wallClockAt(instant, 'America/New_York')).toEqual({
        date: '2026-11-01',
        time,
      });
    }
  });
});

describe('wallClockAt', () => {
  it.each([
    ['2026-03-07T14:05:59Z', 'UTC', { date: '2026-03-07', time: '14:05' }],
    ['2026-03-07T18:20:00Z', 'Asia/Kathmandu', { date: '2026-03-08', time: '00:05' }],
    ['2026-03-07T03:00:00Z', 'America/New_York', { date: '2026-03-06', time: '22:00' }],
  ])('%s in %s', (instant, zone, expected) => {
    expect(wallClockAt(at(instant), zone)).toEqual(expected);
  });
});

describe('the hour read twice when clocks go back (#9 item 22)', () => {
  // New York, 5 November 2028: 01:00–02:00 EDT (05:00–06:00Z), then again in EST (06:00–07:00Z).
  const ny = 'America/New_York';

  it('writes offsets as the server labels end', () => {
    expect(utcOffsetAt(at('2028-11-05T05:30:00Z'), ny)).toBe('-04:00');
    expect(utcOffsetAt(at('2028-11-05T06:30:00Z'), ny)).toBe('-05:00');
    expect(utcOffsetAt(at('2028-11-05T06:30:00Z'), 'UTC')).toBe('+00:00');
    expect(utcOffsetAt(at('2028-11-05T06:30:00Z'), 'Asia/Kathmandu')).toBe('+05:45');
    expect(offsetOfLocalDateTime('2028-11-05T01:30-05:00')).toBe('-05:00');
    expect(offsetOfLocalDateTime('2028-11-05T01:30Z')).toBe('+00:00');
  });

  it.each([
    ['2028-11-05T04:59:00Z', ny, false], // 00:59 EDT
    ['2028-11-05T05:00:00Z', ny, true], // 01:00 EDT
    ['2028-11-05T05:59:00Z', ny, true],
    ['2028-11-05T05:59:59Z', ny, true],
    ['2028-11-05T06:00:00Z', ny, true], // 01:00 EST
    ['2028-11-05T06:59:00Z', ny, true],
    ['2028-11-05T07:00:00Z', ny, false], // 02:00 EST
    ['2028-03-12T06:30:00Z', ny, false], // 01:30 EST on the spring-forward night
    ['2028-07-01T12:00:00Z', ny, false],
    // Lord Howe goes back half an hour: 01:30–02:00 local is read twice (14:30–15:30Z).
    ['2028-04-01T14:29:00Z', 'Australia/Lord_Howe', false],
    ['2028-04-01T14:45:00Z', 'Australia/Lord_Howe', true],
    ['2028-04-01T15:15:00Z', 'Australia/Lord_Howe', true],
    ['2028-04-01T15:30:00Z', 'Australia/Lord_Howe', false],
    ['2028-11-05T06:30:00Z', 'UTC', false],
  ])('%s is a repeated clock time in %s: %s', (instant, zone, repeated) => {
    expect(isRepeatedClockTime(at(instant), zone)).toBe(repeated);
  });
});

describe('date and clock-time text', () => {
  it.each([
    ['2026-03-07', 7, '2026-03-14'],
    ['2026-02-26', 3, '2026-03-01'],
    ['2028-02-26', 3, '2028-02-29'],
    ['2026-12-30', 7, '2027-01-06'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['00:00', true],
    ['23:59', true],
    ['14:05', true],
    ['24:00', false],
    ['9:30', false],
    ['14:60', false],
    ['14:05:00', false],
    ['', false],
  ])('%s is a clock time: %s', (text, expected) => {
    expect(isClockTime(text)).toBe(expected);
  });
});
