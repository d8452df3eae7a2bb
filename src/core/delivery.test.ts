import { describe, expect, it } from 'vitest';
import { nextDeliveryStep, RETRY_POLICY, retryDelayMs } from './delivery.ts';

const now = new Date('2027-03-01T09:00:00Z');
const transient = { ok: false, kind: 'transient', reason: '451 try later' } as const;

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 15_000],
    [1, 0.999_999, 30_000],
    [2, 0, 30_000],
    [3, 0, 60_000],
    [4, 0.5, 180_000],
  ])('attempt %i with random %f waits %i ms', (attempts, random, ms) => {
    expect(retryDelayMs(attempts, random)).toBe(ms);
  });

  it('is capped however many attempts there were', () => {
    expect(retryDelayMs(40, 0)).toBe(RETRY_POLICY.maxDelayMs / 2);
    expect(retryDelayMs(1000, 0.999_999)).toBeLessThanOrEqual(RETRY_POLICY.maxDelayMs);
  });

  it('grows with each attempt even at the extremes of the jitter', () => {
    for (let n = 1; n < 10; n++) {
      expect(retryDelayMs(n + 1, 0)).toBeGreaterThanOrEqual(retryDelayMs(n, 0));
      expect(retryDelayMs(n + 2, 0)).toBeGreaterThan(retryDelayMs(n, 0.999_999));
    }
  });
});

describe('nextDeliveryStep', () => {
  it('marks a sent message sent', () => {
    expect(nextDeliveryStep(1, { ok: true }, now, 0)).toEqual({ status: 'sent' });
  });

  it('fails a permanent refusal at once, keeping the server’s answer', () => {
    const refused = { ok: false, kind: 'permanent', reason: '550 no such user' } as const;
    expect(nextDeliveryStep(1, refused, now, 0)).toEqual({
      status: 'failed',
      lastError: '550 no such user',
    });
  });

  it.each(['transient', 'unreachable'] as const)('retries a %s failure later', (kind) => {
    const step = nextDeliveryStep(2, { ...transient, kind }, now, 0);
    expect(step).toEqual({
      status: 'retrying',
      lastError: '451 try later',
      nextAttemptAt: new Date(now.getTime() + 30_000),
    });
  });

  it('gives up after the last allowed attempt', () => {
    const step = nextDeliveryStep(RETRY_POLICY.maxAttempts, transient, now, 0);
    expect(step).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/gave up/) });
  });
});
