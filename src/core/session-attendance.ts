import type { SessionStatus } from './session-rules.ts';

/**
 * A mentee added directly to a session has what a booking's mentee has
 * (issue #12): before the start they may leave it with a reason; from the
 * start either side says whether it took place (attended, or who did not
 * come), once; after the end a mentee who was not marked absent rates it
 * once. Pure: the service locks the enrolment and asks here.
 */
export const attendanceOutcomes = ['attended', 'no_show_mentee', 'no_show_mentor'] as const;
export type AttendanceOutcome = (typeof attendanceOutcomes)[number];
export type AttendanceStep = 'leave' | 'attended' | 'no_show' | 'rate';

export type EnrolmentFacts = {
  status: SessionStatus;
  startsAtMs: number;
  endsAtMs: number;
  outcome: AttendanceOutcome | null;
  rated: boolean;
};

export type StepVerdict = { ok: true } | { ok: false; reason: string; message: string };

const no = (reason: string, message: string): StepVerdict => ({ ok: false, reason, message });

export function attendanceStep(
  step: AttendanceStep,
  side: 'mentor' | 'mentee',
  e: EnrolmentFacts,
  nowMs: number,
): StepVerdict {
  if (e.status === 'cancelled') return no('session_cancelled', 'The session was cancelled');
  if (step === 'leave') {
    if (side !== 'mentee') return no('not_allowed', 'Only the mentee leaves a session');
    if (nowMs >= e.startsAtMs) return no('started', 'The session has already begun');
    return { ok: true };
  }
  if (step === 'rate') {
    if (side !== 'mentee') return no('not_allowed', 'The mentee rates the session');
    if (nowMs < e.endsAtMs) return no('not_over', 'A session can be rated once it has ended');
    if (e.outcome === 'no_show_mentee' || e.outcome === 'no_show_mentor') {
      return no('no_show', 'A session that did not take place cannot be rated');
    }
    if (e.rated) return no('already_rated', 'You have already rated this session');
    return { ok: true };
  }
  if (e.status !== 'published') return no('not_published', 'The session was never published');
  if (nowMs < e.startsAtMs) return no('not_started', 'The session has not begun yet');
  if (e.outcome) return no('already_recorded', 'Whether it took place is already recorded');
  return { ok: true };
}

/** What a step records: attended, or the other side's absence. */
export function outcomeOf(
  step: 'attended' | 'no_show',
  side: 'mentor' | 'mentee',
): AttendanceOutcome {
  if (step === 'attended') return 'attended';
  return side === 'mentor' ? 'no_show_mentee' : 'no_show_mentor';
}
