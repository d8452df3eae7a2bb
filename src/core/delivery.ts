/**
 * Delivery of a notification over a channel other than the app itself (the
 * notification row is the in-app delivery). Each (notification, channel) is
 * delivered on its own, so one refused address never holds up anyone else.
 */

export const deliveryChannels = ['email'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/**
 * queued → sending (claimed with a lease) → sent | retrying | failed;
 * retrying → sending again once due; a sending row whose lease ran out (the
 * sender crashed) is claimed again.
 */
export const deliveryStatuses = ['queued', 'sending', 'sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** What a send attempt came to, as the channel's integration classifies it. */
export type SendOutcome =
  | { ok: true }
  | {
      ok: false;
      /**
       * permanent: this message will never go (5xx, bad address);
       * transient: try this one again later (4xx, a timeout);
       * unreachable: the server itself is unavailable — every message waits.
       */
      kind: 'permanent' | 'transient' | 'unreachable';
      /** the server's answer, for admins */
      reason: string;
    };

export const RETRY_POLICY = {
  /** the first retry waits about this long; each next one twice as long */
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  /**
   * attempts (sends started) after which a transient failure is final: with
   * the doubling and the cap, 12 attempts span roughly half a day to a day, so
   * a mail server down overnight loses nothing.
   */
  maxAttempts: 12,
} as const;

/**
 * How long to wait before attempt `attempts + 1`: exponential, capped, with
 * jitter in [50 %, 100 %] of the step so that many messages refused at once
 * (a server outage) do not all come back at the same instant.
 * `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number, policy = RETRY_POLICY): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step * (0.5 + random / 2));
}

export type NextStep =
  | { status: 'sent' }
  | { status: 'failed'; lastError: string }
  | { status: 'retrying'; lastError: string; nextAttemptAt: Date };

/**
 * What a delivery becomes after its `attempts`-th send came to `outcome`:
 * permanent failures are final at once, transient ones retry with backoff
 * until `maxAttempts`.
 */
export function nextDeliveryStep(
  attempts: number,
  outcome: SendOutcome,
  now: Date,
  random: number,
  policy = RETRY_POLICY,
): NextStep {
  if (outcome.ok) return { status: 'sent' };
  if (outcome.kind === 'permanent') return { status: 'failed', lastError: outcome.reason };
  if (attempts >= policy.maxAttempts) {
    return { status: 'failed', lastError: `gave up after ${attempts} attempts: ${outcome.reason}` };
  }
  return {
    status: 'retrying',
    lastError: outcome.reason,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, random, policy)),
  };
}
