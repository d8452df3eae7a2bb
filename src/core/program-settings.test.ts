import { describe, expect, it } from 'vitest';
import { cohortProblem, describeCohort, withinCohort } from './program-settings.ts';

describe('cohort days', () => {
  const cohort = { startsOn: '2027-03-01', endsOn: '2027-03-31' };

  it.each([
    // 23:30 UTC on the last day of February is already 1 March in Tokyo, still February in New York.
    ['2027-02-28T23:30:00Z', 'Asia/Tokyo', true],
    ['2027-02-28T23:30:00Z', 'America/New_York', false],
    // The last day counts whole on the mentor's clock, across the end of winter time in London.
    ['2027-03-31T22:59:00Z', 'Europe/London', true],
    ['2027-03-31T23:00:00Z', 'Europe/London', false],
    ['2027-03-31T23:00:00Z', 'America/Los_Angeles', true],
  ])('%s on a %s clock is within 1–31 March: %s', (at, zone, inside) => {
    expect(withinCohort(Date.parse(at), cohort, zone)).toBe(inside);
  });

  it('leaves an open side open, and words each shape', () => {
    const from = { startsOn: '2027-03-01', endsOn: null };
    expect(withinCohort(Date.parse('2030-01-01T00:00:00Z'), from, 'UTC')).toBe(true);
    expect(withinCohort(Date.parse('2027-02-01T00:00:00Z'), from, 'UTC')).toBe(false);
    expect(describeCohort(cohort)).toBe('from 2027-03-01 to 2027-03-31');
    expect(describeCohort(from)).toBe('from 2027-03-01');
    expect(describeCohort({ startsOn: null, endsOn: '2027-06-30' })).toBe('until 2027-06-30');
  });

  it('refuses an end before the start, not the same day', () => {
    expect(cohortProblem({ startsOn: '2027-03-02', endsOn: '2027-03-01' })).toBe(
      'must be on or after the first day',
    );
    expect(cohortProblem({ startsOn: '2027-03-02', endsOn: '2027-03-02' })).toBeNull();
  });
});
