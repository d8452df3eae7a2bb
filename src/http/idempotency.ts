import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context.ts';
import {
  abandonIdempotent,
  beginIdempotent,
  type Claim,
  finishIdempotent,
} from '../services/idempotency.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** this request's claim on its Idempotency-Key, while it holds one */
    idempotency: { claim: Claim; stored: boolean } | null;
  }
  interface FastifyContextConfig {
    /** Routes that honour an Idempotency-Key header (their schema validates it). */
    idempotent?: boolean;
  }
}

/** Key order does not change a request: the digest is of the body with keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(canonical(request.body ?? null))}`)
    .digest('hex');
}

/**
 * Idempotency-Key on the routes that declare `config: { idempotent: true }`:
 * before the handler, the key is claimed or the first answer replayed
 * (waiting for it if the first request is still running, on any instance);
 * the answer sent is stored for retries, unless it is a 5xx, which lets the
 * key go so a retry runs afresh. (A change whose answer is stored here can
 * commit without it if the process dies in between; its own row must then
 * let the retry find it, as a booking's idempotency key does.)
 */
export function installIdempotency(app: FastifyInstance, ctx: ServiceContext) {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (!request.routeOptions.config?.idempotent || typeof key !== 'string' || !request.auth)
      return;
    const begun = await beginIdempotent(ctx, {
      userId: request.auth.userId,
      key,
      method: request.method,
      path: request.url,
      fingerprint: fingerprintOf(request),
    });
    if ('replay' in begun) {
      const { status, type, body } = begun.replay;
      return reply.code(status).type(type).header('idempotent-replayed', 'true').send(body);
    }
    request.idempotency = { claim: begun.claim, stored: false };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held || held.stored) return payload;
    held.stored = true; // onSend runs once per answer, but be sure
    // Only a text answer can be replayed; anything else, and our own failures, let the key go.
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await abandonIdempotent(ctx, held.claim);
      return payload;
    }
    const type = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    await finishIdempotent(ctx.db, held.claim, { status: reply.statusCode, type, body: payload });
    return payload;
  });
}
