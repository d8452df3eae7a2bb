import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './zoom-video.ts';

describe('Retry-After of a Zoom 429', () => {
  const now = Date.parse('2027-03-01T10:00:00Z');
  it.each([
    ['seconds', '120', 120_000],
    ['a date (the daily limit resets)', 'Tue, 02 Mar 2027 00:00:00 GMT', 14 * 3_600_000],
    ['an ISO date', '2027-03-01T10:05:00Z', 300_000],
    ['a date already past', '2027-03-01T09:00:00Z', 0],
    ['missing', null, 60_000],
    ['unreadable', 'soon', 60_000],
  ])('%s', (_, header, wait) => {
    expect(retryAfterMs(header, now)).toBe(wait);
  });
});
