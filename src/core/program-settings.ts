import { Temporal } from 'temporal-polyfill';

/*
 * Issue #13 "Programs: settings per program": the ranges an admin may set and
 * the cohort rule — a program with dates takes sessions only from the first
 * day to the last, each a whole day on the mentor's clock (the calendar the
 * session sits in).
 */

/** The bounds of each number an admin sets per program. */
export const programLimits = {
  expiryDays: { min: 1, max: 60 },
  lateCancelHours: { min: 0, max: 336 },
  moveNoticeHours: { min: 0, max: 336 },
  maxMoves: { min: 0, max: 10 },
} as const;

export type Cohort = { startsOn: string | null; endsOn: string | null };

/** Whether a session starting at `startsAtMs` falls within the cohort's days in `timeZone`. */
export function withinCohort(startsAtMs: number, cohort: Cohort, timeZone: string): boolean {
  const day = Temporal.Instant.fromEpochMilliseconds(startsAtMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
  if (cohort.startsOn && day < cohort.startsOn) return false;
  if (cohort.endsOn && day > cohort.endsOn) return false;
  return true;
}

/** "from 2027-03-01 to 2027-06-30", "from 2027-03-01", "until 2027-06-30" */
export function describeCohort(cohort: Cohort): string {
  if (cohort.startsOn && cohort.endsOn) return `from ${cohort.startsOn} to ${cohort.endsOn}`;
  if (cohort.startsOn) return `from ${cohort.startsOn}`;
  return `until ${cohort.endsOn}`;
}

/** A refusal of cohort dates that end before they start; null when they are fine. */
export function cohortProblem(cohort: Cohort): string | null {
  if (cohort.startsOn && cohort.endsOn && cohort.endsOn < cohort.startsOn) {
    return 'must be on or after the first day';
  }
  return null;
}
