import { describe, expect, it } from 'vitest';
import { formatClockRange, formatTimeSpan, formatUtcOffset } from './format-date-time.ts';
import { formatMoney } from './format-money.ts';

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

  // The offsets and which times repeat are core's (src/core/local-time.test.ts); this is their wording.
  it('writes offsets as people read them', () => {
    expect(formatUtcOffset('-04:00')).toBe('UTC−4');
    expect(formatUtcOffset('+05:45')).toBe('UTC+5:45');
    expect(formatUtcOffset('+00:00')).toBe('UTC');
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

describe('a zone the runtime does not know', () => {
  it('is shown as UTC rather than breaking the page', () => {
    expect(formatClockRange('2028-11-05T05:30:00Z', '2028-11-05T06:30:00Z', 'Mars/Olympus')).toBe(
      '05:30–06:30',
    );
  });
});
