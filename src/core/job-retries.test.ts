import { describe, expect, it } from 'vitest';
import { JOB_MAX_ATTEMPTS, jobRetryAfterFailure } from './job-retries.ts';

describe('jobRetryAfterFailure', () => {
  const now = Date.parse('2027-01-01T00:00:00Z');
  it.each([
    [0, 1, false],
    [1, 2, false],
    [3, 8, false],
    [JOB_MAX_ATTEMPTS - 1, 16, true],
  ])('after %i earlier attempts waits %i minutes (last try: %s)', (attempts, minutes, giveUp) => {
    expect(jobRetryAfterFailure(attempts, now)).toEqual({
      retryAt: new Date(now + minutes * 60_000),
      giveUp,
    });
  });
});
