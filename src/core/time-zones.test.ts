import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './time-zones.ts';

describe('isIanaTimeZone', () => {
  it.each([
    'Europe/London',
    'America/New_York',
    'America/Argentina/Buenos_Aires',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'UTC',
  ])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each(['', 'Mars/Olympus_Mons', '+05:30', 'EST', 'GMT+1', 'europe/london/../x', 'Europe/'])(
    'refuses %s',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(false);
    },
  );
});
