import { describe, expect, it } from 'vitest';
import { attendanceStep, type EnrolmentFacts, outcomeOf } from './session-attendance.ts';

const start = Date.parse('2027-05-03T10:00:00Z');
const end = start + 3_600_000;
const e = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  status: 'published',
  startsAtMs: start,
  endsAtMs: end,
  outcome: null,
  rated: false,
  ...over,
});

describe('a directly added mentee’s steps', () => {
  it('leaves only before the start, and only themselves', () => {
    expect(attendanceStep('leave', 'mentee', e(), start - 1).ok).toBe(true);
    expect(attendanceStep('leave', 'mentee', e(), start)).toMatchObject({ reason: 'started' });
    expect(attendanceStep('leave', 'mentor', e(), start - 1)).toMatchObject({
      reason: 'not_allowed',
    });
    expect(attendanceStep('leave', 'mentee', e({ status: 'cancelled' }), 0)).toMatchObject({
      reason: 'session_cancelled',
    });
  });

  it('says whether it took place from the start, once, on a published session', () => {
    expect(attendanceStep('attended', 'mentee', e(), start - 1)).toMatchObject({
      reason: 'not_started',
    });
    expect(attendanceStep('no_show', 'mentor', e(), start).ok).toBe(true);
    expect(attendanceStep('attended', 'mentor', e({ outcome: 'attended' }), end)).toMatchObject({
      reason: 'already_recorded',
    });
    expect(attendanceStep('attended', 'mentee', e({ status: 'draft' }), end)).toMatchObject({
      reason: 'not_published',
    });
    expect(outcomeOf('no_show', 'mentor')).toBe('no_show_mentee');
    expect(outcomeOf('no_show', 'mentee')).toBe('no_show_mentor');
    expect(outcomeOf('attended', 'mentor')).toBe('attended');
  });

  it('rates after the end, once, unless someone did not come', () => {
    expect(attendanceStep('rate', 'mentee', e(), end - 1)).toMatchObject({ reason: 'not_over' });
    expect(attendanceStep('rate', 'mentee', e(), end).ok).toBe(true);
    expect(attendanceStep('rate', 'mentee', e({ outcome: 'attended' }), end).ok).toBe(true);
    expect(attendanceStep('rate', 'mentee', e({ outcome: 'no_show_mentor' }), end)).toMatchObject({
      reason: 'no_show',
    });
    expect(attendanceStep('rate', 'mentee', e({ rated: true }), end)).toMatchObject({
      reason: 'already_rated',
    });
    expect(attendanceStep('rate', 'mentor', e(), end)).toMatchObject({ reason: 'not_allowed' });
  });
});
