import { describe, expect, it } from 'vitest';
import {
  formatClockRange,
  formatTimeSpan,
  formatUtcOffset,
  instantAt,
  isRepeatedClockTime,
  labelOffset,
  utcOffsetAt,
  wallClockAt,
} from './format-date-time.ts';
import { formatMoney } from './format-money.ts';

describe('instantAt', () => {
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
    expect(instantAt(date, time, zone)?.toISOString() ?? null).toBe(expected);
  });

  it('round-trips with wallClockAt every 45 minutes across a New York autumn day', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 45) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const instant = instantAt('2026-11-01', time, 'America/New_York');
      expect(instant && wallClockAt(instant, 'America/New_York')).toEqual({
        date: '2026-11-01',
        time,
      });
    }
  });
});

describe('formatMoney', () => {
  it('reads minor units by the currency', () => {
    expect(formatMoney({ amountMinor: 12000, currency: 'EUR' })).toMatch(/120(?![.,]\d)/);
    expect(formatMoney({ amountMinor: 4950, currency: 'EUR' })).toMatch(/49[.,]50/);
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' })).toMatch(/500/);
  });
});

describe('the hour read twice when clocks go back (#9 item 22)', () => {
  // New York, 5 November 2028: 01:00–02:00 EDT (05:00–06:00Z), then again in EST (06:00–07:00Z).
  const ny = 'America/New_York';

  it('writes offsets as the server labels end, and as people read them', () => {
    expect(utcOffsetAt('2028-11-05T05:30:00Z', ny)).toBe('-04:00');
    expect(utcOffsetAt('2028-11-05T06:30:00Z', ny)).toBe('-05:00');
    expect(utcOffsetAt('2028-11-05T06:30:00Z', 'UTC')).toBe('+00:00');
    expect(utcOffsetAt('2028-11-05T06:30:00Z', 'Asia/Kathmandu')).toBe('+05:45');
    expect(labelOffset('2028-11-05T01:30-05:00')).toBe('-05:00');
    expect(formatUtcOffset('-04:00')).toBe('UTC−4');
    expect(formatUtcOffset('+05:45')).toBe('UTC+5:45');
    expect(formatUtcOffset('+00:00')).toBe('UTC');
  });

  it.each([
    ['2028-11-05T04:59:00Z', false], // 00:59 EDT
    ['2028-11-05T05:00:00Z', true], // 01:00 EDT
    ['2028-11-05T05:59:00Z', true],
    ['2028-11-05T06:00:00Z', true], // 01:00 EST
    ['2028-11-05T06:59:00Z', true],
    ['2028-11-05T07:00:00Z', false], // 02:00 EST
    ['2028-03-12T06:30:00Z', false], // 01:30 EST on the spring-forward night
    ['2028-07-01T12:00:00Z', false],
  ])('%s is a repeated clock time in New York: %s', (instant, repeated) => {
    expect(isRepeatedClockTime(instant, ny)).toBe(repeated);
  });

  it('tells the two 01:30s apart in a range, and leaves other times plain', () => {
    expect(formatClockRange('2028-11-05T05:30:00Z', '2028-11-05T06:30:00Z', ny)).toBe(
      '01:30 UTC−4–01:30 UTC−5',
    );
    expect(formatClockRange('2028-11-05T04:30:00Z', '2028-11-05T05:30:00Z', ny)).toBe(
      '00:30–01:30 UTC−4',
    );
    expect(formatClockRange('2028-11-05T07:30:00Z', '2028-11-05T08:30:00Z', ny)).toBe(
      '02:30–03:30',
    );
    expect(formatTimeSpan('2028-11-05T06:00:00Z', '2028-11-05T07:00:00Z', ny)).toMatch(
      /01:00 UTC−5–02:00 \(America\/New_York\)$/,
    );
  });
});
