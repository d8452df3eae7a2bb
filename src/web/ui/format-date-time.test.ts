import { describe, expect, it } from 'vitest';
import { instantAt, wallClockAt } from './format-date-time.ts';
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
