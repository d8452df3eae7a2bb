import { describe, expect, it } from 'vitest';
import { followUpStands, reminderStands, reminderTimes, startsIn } from './session-reminders.ts';

const HOUR = 3_600_000;
const start = Date.parse('2027-03-10T15:00:00Z');

describe('session reminders', () => {
  it('reminds 24 h and 1 h before by default, earliest first', () => {
    expect(reminderTimes(start, start - 3 * 24 * HOUR)).toEqual([
      { minutesBefore: 1440, runAtMs: start - 24 * HOUR },
      { minutesBefore: 60, runAtMs: start - HOUR },
    ]);
  });

  it('skips reminders whose moment has passed when the session is approved late', () => {
    expect(reminderTimes(start, start - 3 * HOUR)).toEqual([
      { minutesBefore: 60, runAtMs: start - HOUR },
    ]);
    expect(reminderTimes(start, start - 30 * 60_000)).toEqual([]);
  });

  it('takes a person’s own offsets, once each, ignoring nonsense', () => {
    expect(
      reminderTimes(start, start - 10 * HOUR, [30, 30, 0, -5, 120]).map((r) => r.minutesBefore),
    ).toEqual([120, 30]);
    expect(reminderTimes(start, start - 10 * HOUR, [])).toEqual([]);
  });

  it('says how soon, and stands only while the session is approved at that time', () => {
    expect(startsIn(1440)).toBe('in 24 hours');
    expect(startsIn(60)).toBe('in 1 hour');
    expect(startsIn(30)).toBe('in 30 minutes');
    expect(reminderStands({ status: 'approved', startsAtMs: start }, start)).toBe(true);
    expect(reminderStands({ status: 'approved', startsAtMs: start + HOUR }, start)).toBe(false);
    expect(reminderStands({ status: 'cancelled', startsAtMs: start }, start)).toBe(false);
  });
});

describe('the question at a session’s end', () => {
  it('stands only for an approved session that still ends when it was asked for', () => {
    const end = Date.parse('2027-03-10T16:00:00Z');
    expect(followUpStands({ status: 'approved', endsAtMs: end }, end)).toBe(true);
    expect(followUpStands({ status: 'cancelled', endsAtMs: end }, end)).toBe(false);
    expect(followUpStands({ status: 'completed', endsAtMs: end }, end)).toBe(false);
    expect(followUpStands({ status: 'approved', endsAtMs: end + 3_600_000 }, end)).toBe(false);
  });
});
