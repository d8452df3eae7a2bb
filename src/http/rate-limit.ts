import type { FastifyInstance } from 'fastify';
import type { RateLimits } from '../config.ts';
import { clientOfAddress } from '../core/client-address.ts';
import type { ServiceContext } from '../services/context.ts';
import { hitRateLimit } from '../services/rate-limits.ts';

type RouteLimit = {
  /** the others are counted by their use cases, which know the account asked about */
  rule: Exclude<keyof RateLimits, 'signInAccount' | 'signInAddress' | 'passwordResetEmail'>;
  /** who is counted: the signed-in user (anonymous calls are refused by the route anyway), or the address */
  per: 'user' | 'address';
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** counted in the database, so the limit holds across instances */
    limit?: RouteLimit;
  }
}

const described: Record<RouteLimit['rule'], string> = {
  signUp: 'sign-ups from this address',
  passwordResetAddress: 'password-reset requests from this address',
  messages: 'messages sent',
  uploads: 'uploads',
};

/**
 * Routes opt in with `config: { limit: { rule, per } }`. Runs as preHandler:
 * after authentication (to know the user) and after validation (bad input
 * is refused without using up the limit).
 */
export function installRateLimits(app: FastifyInstance, ctx: ServiceContext, limits: RateLimits) {
  app.addHook('preHandler', async (request) => {
    const limit = request.routeOptions.config?.limit;
    if (!limit) return;
    let subject = `address:${clientOfAddress(request.ip)}`;
    if (limit.per === 'user') {
      if (!request.auth) return;
      subject = `user:${request.auth.userId}`;
    }
    await hitRateLimit(
      ctx,
      { ...limits[limit.rule], name: limit.rule, what: described[limit.rule] },
      subject,
    );
  });
}
