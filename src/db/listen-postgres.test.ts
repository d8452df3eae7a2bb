import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './listen-postgres.ts';

describe('retryDelayMs', () => {
  it.each([
    [0, 125, 250],
    [1, 250, 500],
    [4, 2_000, 4_000],
    [7, 15_000, 30_000],
    [8, 15_000, 30_000],
    [1_000, 15_000, 30_000],
  ])('attempt %i waits between %i and %i ms', (attempt, low, high) => {
    expect(retryDelayMs(attempt, 0)).toBe(low);
    expect(retryDelayMs(attempt, 1)).toBe(high);
    const some = retryDelayMs(attempt, 0.5);
    expect(some).toBeGreaterThan(low);
    expect(some).toBeLessThan(high);
  });
});
