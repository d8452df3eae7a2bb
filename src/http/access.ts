import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.ts';

/**
 * Who may call a route, declared beside its handler (`config: { access }`) and
 * published in the OpenAPI document as `x-access`. The HTTP layer enforces the
 * first step (signed in or not) before any input is read; the services enforce
 * the rest, and the authorisation matrix (tests/reliability/authorisation.test.ts)
 * checks every operation of the document against its rule.
 */
export const accessRules = {
  public: 'anyone, signed in or not',
  'signed-in': 'anyone signed in, about their own account',
  owner:
    'anyone signed in, on something of their own (a session, a token, a session type, a calendar)',
  member: 'the members of the organisation',
  admin: 'the admins of the organisation',
  mentee: 'the mentees of the program the booking is in',
  'mentor-or-mentee': 'members with a role in a program (mentors offer, mentees ask)',
  party: 'the people a booking, a conversation or a request is between',
  'mentor-side': 'the mentor of the booking',
  manager: 'the mentor of the session, or an admin',
  'matched-or-admin': 'admins, and the people who are matched',
  'self-or-admin': 'the member themselves, or an admin',
} as const;

export type Access = keyof typeof accessRules;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/**
 * Anonymous calls to a route that needs someone signed in are answered 401
 * before the body is parsed, so a bad body never tells them more than that.
 * Runs after authentication (installAuth), which sets `request.auth`.
 */
export function installAccess(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access && access !== 'public' && !request.auth) {
      throw new AppError('unauthenticated', 'Sign in first');
    }
  });
}

/** The route's rule as an OpenAPI extension, for API clients and the matrix. */
export function withAccess<T extends { schema: unknown }>(
  result: T,
  access: Access | undefined,
): T {
  if (!access || typeof result.schema !== 'object' || result.schema === null) return result;
  const description = `Access: ${access} (${accessRules[access]}).`;
  const schema = result.schema as { description?: string };
  return {
    ...result,
    schema: {
      ...schema,
      'x-access': access,
      description: schema.description ? `${schema.description}\n\n${description}` : description,
    },
  };
}
