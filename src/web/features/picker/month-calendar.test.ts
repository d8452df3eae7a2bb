import { describe, expect, it } from 'vitest';
import { monthSpan, monthWeeks, shiftMonth, startOfDayMs } from './month-calendar.ts';

describe('the picker’s month grid', () => {
  it('lays a month out in weeks from Monday, padded with the months around', () => {
    const weeks = monthWeeks('2026-12'); // 1 December 2026 is a Tuesday
    expect(weeks[0]).toEqual([null, '2026-12-01', ...[2, 3, 4, 5, 6].map((d) => `2026-12-0${d}`)]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.at(-1)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      null,
      null,
      null,
    ]);
    expect(monthWeeks('2027-02').flat().filter(Boolean)).toHaveLength(28);
    expect(monthWeeks('2028-02').flat().filter(Boolean)).toHaveLength(29);
  });

  it('pages months across years without skipping or repeating', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2027-01', 13)).toBe('2028-02');
    // 31 January + one month is February, not March.
    expect(shiftMonth('2027-01', 1)).toBe('2027-02');
  });

  it('spans a month on the viewer’s clock, also where a day starts at 01:00', () => {
    expect(monthSpan('2027-03', 'Europe/London')).toEqual({
      fromMs: Date.parse('2027-03-01T00:00:00Z'),
      toMs: Date.parse('2027-03-31T23:00:00Z'), // BST from 28 March
    });
    expect(monthSpan('2027-01', 'Asia/Kathmandu').fromMs).toBe(Date.parse('2026-12-31T18:15:00Z'));
    // Santiago skips midnight when its clocks go forward (5 September 2026).
    expect(startOfDayMs('2026-09-06', 'America/Santiago')).toBe(Date.parse('2026-09-06T04:00:00Z'));
  });
});
