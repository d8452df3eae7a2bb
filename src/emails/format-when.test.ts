import { describe, expect, it } from 'vitest';
import { formatShortWhen, formatWhen, zoneWords } from './format-when.ts';

const at = (iso: string) => new Date(iso);

describe('when an email says a session is', () => {
  it('names the day, the times and the zone as people read them', () => {
    expect(
      formatWhen(at('2026-12-03T17:00:00Z'), at('2026-12-03T18:00:00Z'), 'Europe/London'),
    ).toBe('Thursday 3 December 2026, 17:00–18:00 London time (GMT)');
  });

  it("uses the reader's zone and its abbreviation at that date (summer time)", () => {
    expect(
      formatWhen(at('2027-07-01T16:00:00Z'), at('2027-07-01T17:00:00Z'), 'Europe/London'),
    ).toBe('Thursday 1 July 2027, 17:00–18:00 London time (BST)');
    expect(
      formatWhen(at('2026-12-03T17:00:00Z'), at('2026-12-03T18:00:00Z'), 'America/New_York'),
    ).toBe('Thursday 3 December 2026, 12:00–13:00 New York time (GMT-5)');
  });

  it('moves to the next day in a zone ahead, and writes an end on another day in full', () => {
    expect(
      formatWhen(at('2026-12-03T17:00:00Z'), at('2026-12-03T18:00:00Z'), 'Asia/Kathmandu'),
    ).toBe('Thursday 3 December 2026, 22:45–23:45 Kathmandu time (GMT+5:45)');
    expect(
      formatWhen(at('2026-12-03T18:00:00Z'), at('2026-12-03T19:00:00Z'), 'Asia/Kathmandu'),
    ).toBe(
      'Thursday 3 December 2026, 23:45 – Friday 4 December 2026, 00:45 Kathmandu time (GMT+5:45)',
    );
  });

  it('writes an instant without an end, and UTC plainly', () => {
    expect(formatWhen(at('2026-12-03T17:00:00Z'), null, 'UTC')).toBe(
      'Thursday 3 December 2026, 17:00 UTC (UTC)',
    );
    expect(zoneWords('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
  });
});

describe('a title’s short when', () => {
  it('reads "Thu 3 Dec, 17:00 (London time)" in the reader’s zone', () => {
    expect(formatShortWhen(at('2026-12-03T17:00:00Z'), 'Europe/London')).toBe(
      'Thu 3 Dec, 17:00 (London time)',
    );
    expect(formatShortWhen(at('2026-12-03T17:00:00Z'), 'Asia/Kathmandu')).toBe(
      'Thu 3 Dec, 22:45 (Kathmandu time)',
    );
    // The day is the reader's: late evening in New York is the next morning in Tokyo.
    expect(formatShortWhen(at('2026-12-04T02:30:00Z'), 'America/New_York')).toBe(
      'Thu 3 Dec, 21:30 (New York time)',
    );
  });
});
