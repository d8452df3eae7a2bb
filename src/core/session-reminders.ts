/**
 * Reminders before an approved session (PRODUCT: "Reminders to both sides
 * before every approved session, 24 h and 1 h by default").
 */
export const DEFAULT_REMINDER_MINUTES: readonly number[] = [24 * 60, 60];

/** At most this many reminders per session, each between 5 minutes and 7 days before. */
export const MAX_REMINDERS = 3;
const REMINDER_RANGE = { min: 5, max: 7 * 24 * 60 };

/** Why a person's reminder times cannot be saved, or null (none at all turns reminders off). */
export function reminderProblem(minutesBefore: readonly number[]): string | null {
  if (minutesBefore.length > MAX_REMINDERS) return `has more than ${MAX_REMINDERS} reminders`;
  const bad = minutesBefore.find(
    (m) => !Number.isInteger(m) || m < REMINDER_RANGE.min || m > REMINDER_RANGE.max,
  );
  if (bad !== undefined) {
    return `${bad} is not a whole number of minutes from ${REMINDER_RANGE.min} to ${REMINDER_RANGE.max}`;
  }
  return null;
}

export type ReminderTime = { minutesBefore: number; runAtMs: number };

/**
 * When to remind of a session starting at `startsAtMs`, as scheduled at
 * `nowMs`: each offset whose moment is still ahead (a session booked 3 hours
 * ahead gets only its 1-hour reminder), earliest first.
 */
export function reminderTimes(
  startsAtMs: number,
  nowMs: number,
  minutesBefore: readonly number[] = DEFAULT_REMINDER_MINUTES,
): ReminderTime[] {
  return [...new Set(minutesBefore)]
    .filter((m) => m > 0)
    .map((m) => ({ minutesBefore: m, runAtMs: startsAtMs - m * 60_000 }))
    .filter((r) => r.runAtMs > nowMs)
    .sort((a, b) => a.runAtMs - b.runAtMs);
}

/** "in 24 hours", "in 1 hour", "in 30 minutes": how a reminder says how soon. */
export function startsIn(minutesBefore: number): string {
  if (minutesBefore % 60 === 0) {
    const hours = minutesBefore / 60;
    return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  return `in ${minutesBefore} ${minutesBefore === 1 ? 'minute' : 'minutes'}`;
}

/**
 * Whether a reminder scheduled for a session at `scheduledForMs` still
 * stands: the booking is approved and has not moved (a move schedules its
 * own reminders; a cancellation withdraws them all).
 */
export function reminderStands(
  booking: { status: string; startsAtMs: number },
  scheduledForMs: number,
): boolean {
  return booking.status === 'approved' && booking.startsAtMs === scheduledForMs;
}

/** The same for the question asked when a session ends, keyed by its end. */
export function followUpStands(
  booking: { status: string; endsAtMs: number },
  scheduledForMs: number,
): boolean {
  return booking.status === 'approved' && booking.endsAtMs === scheduledForMs;
}
