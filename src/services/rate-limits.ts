import type { RateLimit } from '../config.ts';
import { AppError } from '../core/errors.ts';
import { rateWindowAt, secondsUntilWindowEnds } from '../core/rate-windows.ts';
import {
  deleteExpiredRateLimits,
  getRateLimitCount,
  incrementRateLimit,
} from '../db/queries/rate-limits.ts';
import type { ServiceContext } from './context.ts';

/**
 * Counters live in the database so every instance shares them: N instances
 * must not mean N times the limit. Each counter is its own statement, outside
 * any use case's transaction (a refused request still counts).
 */
export type RateRule = RateLimit & {
  /** names the counter, e.g. `sign-up`; part of the key */
  name: string;
  /** what the person is told they did too often */
  what: string;
};

function keyOf(rule: RateRule, subject: string) {
  return `${rule.name}:${subject}`;
}

function tooMany(rule: RateRule, retryAfterSeconds: number) {
  return new AppError(
    'rate_limited',
    `Too many ${rule.what}; try again in ${retryAfterSeconds} seconds`,
    { reason: 'too_many_requests', retryAfterSeconds },
  );
}

/** Counts one hit for `subject`; throws rate_limited once it is over the limit. */
export async function hitRateLimit(ctx: ServiceContext, rule: RateRule, subject: string) {
  if ((await countRateLimitHit(ctx, rule, subject)) > rule.max) throw rateLimitedError(ctx, rule);
}

/** Counts one hit (e.g. a failed sign-in) and returns the window's count so far. */
export async function countRateLimitHit(ctx: ServiceContext, rule: RateRule, subject: string) {
  const window = rateWindowAt(ctx.now(), rule.windowSeconds);
  return incrementRateLimit(ctx.db, keyOf(rule, subject), window.start, window.end);
}

/** Throws rate_limited when `subject` has already used up the window, without counting. */
export async function requireUnderRateLimit(ctx: ServiceContext, rule: RateRule, subject: string) {
  const now = ctx.now();
  const window = rateWindowAt(now, rule.windowSeconds);
  if ((await getRateLimitCount(ctx.db, keyOf(rule, subject), window.start)) >= rule.max) {
    throw tooMany(rule, secondsUntilWindowEnds(now, window));
  }
}

/** The error for a subject found over a limit by the caller. */
export function rateLimitedError(ctx: ServiceContext, rule: RateRule) {
  const now = ctx.now();
  return tooMany(rule, secondsUntilWindowEnds(now, rateWindowAt(now, rule.windowSeconds)));
}

/** Drops counters of windows that have ended; the worker calls this now and then. */
export function purgeExpiredRateLimits(ctx: ServiceContext) {
  return deleteExpiredRateLimits(ctx.db, ctx.now());
}
