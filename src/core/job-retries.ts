/** How often a failing background job is tried before it is given up. */
export const JOB_MAX_ATTEMPTS = 5;

/**
 * After a failed attempt (`attempts` made before this one): when to try
 * again — a minute, then doubling — and whether this was the last try.
 */
export function jobRetryAfterFailure(attempts: number, now: number) {
  return {
    retryAt: new Date(now + 60_000 * 2 ** attempts),
    giveUp: attempts + 1 >= JOB_MAX_ATTEMPTS,
  };
}
