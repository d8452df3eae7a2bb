import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import {
  type Authentication,
  authenticateApiToken,
  authenticateSessionToken,
} from '../services/authenticate.ts';
import type { Actor, ServiceContext } from '../services/context.ts';
import { secretsEqual } from '../services/secrets.ts';

export const SESSION_COOKIE = 'confer_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authentication | null;
  }
  interface FastifyContextConfig {
    /** Routes that must work without a CSRF token (sign-in, sign-up). */
    skipCsrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling: a Bearer API token, or the session cookie. Cookie
 * writes must echo the session's CSRF token in X-CSRF-Token; Bearer clients
 * are not exposed to CSRF (browsers never add that header on their own).
 */
export function installAuth(app: FastifyInstance, ctx: ServiceContext) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const auth = match?.[1] ? await authenticateApiToken(ctx, match[1]) : null;
      if (!auth) {
        throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked');
      }
      request.auth = auth;
      if (auth.via === 'api_token' && auth.scope === 'read' && !SAFE_METHODS.has(request.method)) {
        throw new AppError('forbidden', 'This API token is read-only', {
          reason: 'read_only_token',
        });
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.auth = await authenticateSessionToken(ctx, token);
    const auth = request.auth;
    if (auth?.via !== 'session' || SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.skipCsrf) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !secretsEqual(sent, auth.csrfToken)) {
      throw new AppError('forbidden', 'Missing or wrong X-CSRF-Token header', { reason: 'csrf' });
    }
  });
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor & { sessionId: string | null } {
  const auth = request.auth;
  if (!auth) throw new AppError('unauthenticated', 'Sign in first');
  return { userId: auth.userId, sessionId: auth.via === 'session' ? auth.sessionId : null };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
  });
}
