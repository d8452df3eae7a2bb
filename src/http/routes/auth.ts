import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clientOfAddress } from '../../core/client-address.ts';
import { PASSWORD_MAX_LENGTH } from '../../core/passwords.ts';
import { confirmEmailChange, requestEmailChange } from '../../services/change-email.ts';
import {
  changePassword,
  createApiToken,
  listApiTokens,
  listSessions,
  revokeApiTokenOf,
  revokeSession,
} from '../../services/manage-credentials.ts';
import { requireMe } from '../../services/manage-profile.ts';
import { requestPasswordReset } from '../../services/request-password-reset.ts';
import { resetPassword } from '../../services/reset-password.ts';
import { describeDemo } from '../../services/seed-demo.ts';
import { openAuthSession, signIn, signOut } from '../../services/sign-in.ts';
import { confirmSignUp, requestSignUp } from '../../services/sign-up.ts';
import type { RouteDeps } from '../app.ts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../auth.ts';
import { publicOrigin } from '../public-url.ts';
import { apiSchemas, email, errorResponses, name, timeZone, uuidParam } from '../schemas.ts';

/** Tokens outlive no more than a year; a forgotten one stops working on its own. */
const MAX_TOKEN_DAYS = 365;

const password = z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH);

const me = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    timeZone: z.string(),
    hasPhoto: z.boolean(),
    photoUrl: z.string().nullable(),
    organisations: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        role: z.enum(['admin', 'member']),
        mentors: z
          .boolean()
          .meta({ description: 'a mentor in one of its programs (has a schedule)' }),
        inMatchedProgram: z
          .boolean()
          .meta({ description: 'a member of one of its matched programs (has matches)' }),
      }),
    ),
  })
  .register(apiSchemas, { id: 'Me' });

const sessionView = z
  .object({ user: me, csrfToken: z.string() })
  .register(apiSchemas, { id: 'CurrentSession' });

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx, config }) => {
  const describeMe = (userId: string) => requireMe(ctx, { userId });
  /** Opens a session for the account and answers with it (and its cookie). */
  const signedInAs = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: Parameters<typeof openAuthSession>[1],
    status: 200 | 201,
  ) => {
    const session = await openAuthSession(ctx, user, request.headers['user-agent'] ?? '');
    setSessionCookie(request, reply, session.token, session.expiresAt);
    return reply
      .code(status)
      .send({ user: await describeMe(user.id), csrfToken: session.csrfToken });
  };

  app.post(
    '/api/auth/sign-up',
    {
      config: { access: 'public', skipCsrf: true, limit: { rule: 'signUp', per: 'address' } },
      schema: {
        tags,
        summary:
          'Sign up. With an invitation for this address: the account is made and signed in (201). Otherwise a link to confirm the address is emailed (202), with the same answer whether or not the address already has an account',
        body: z.strictObject({
          email,
          password,
          name,
          timeZone: timeZone.default('UTC'),
          invitationToken: z.string().max(200).optional(),
        }),
        response: {
          201: sessionView,
          202: z.object({ message: z.string() }),
          429: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const outcome = await requestSignUp(
        ctx,
        { ...request.body, origin: publicOrigin(app, config) },
        config.rateLimits.passwordResetEmail,
      );
      if (outcome.kind === 'check_email') {
        return reply.code(202).send({
          message: `We sent a link to ${request.body.email}: open it to finish signing up.`,
        });
      }
      return signedInAs(request, reply, outcome.user, 201);
    },
  );

  app.post(
    '/api/auth/sign-up/confirm',
    {
      config: { access: 'public', skipCsrf: true },
      schema: {
        tags,
        summary: 'Finish signing up with the link from the confirmation email; signs in',
        body: z.strictObject({ token: z.string().min(1).max(200) }),
        response: { 201: sessionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await confirmSignUp(ctx, request.body.token);
      return signedInAs(request, reply, user, 201);
    },
  );

  app.post(
    '/api/me/email',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Change my email: a link goes to the new address, and the account takes it once the link is used',
        body: z.strictObject({ email, password }),
        response: {
          202: z.object({ message: z.string() }),
          429: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      await requestEmailChange(
        ctx,
        requireActor(request),
        {
          newEmail: request.body.email,
          password: request.body.password,
          origin: publicOrigin(app, config),
        },
        config.rateLimits.passwordResetEmail,
      );
      return reply.code(202).send({
        message: `We sent a link to ${request.body.email}: open it to use that address from now on.`,
      });
    },
  );

  app.post(
    '/api/auth/email/confirm',
    {
      config: { access: 'public', skipCsrf: true },
      schema: {
        tags,
        summary: 'Confirm a new email address with the link sent to it',
        body: z.strictObject({ token: z.string().min(1).max(200) }),
        response: { 200: z.object({ email: z.string() }), ...errorResponses },
      },
    },
    async (request) => confirmEmailChange(ctx, request.body.token),
  );

  app.get(
    '/api/auth/demo',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'On a demo database only: its accounts and shared password, for one-click sign-in (on any other: none, and no password)',
        response: {
          200: z.object({
            password: z.string().nullable(),
            accounts: z.array(
              z.object({
                email: z.string(),
                name: z.string(),
                role: z.enum(['admin', 'mentor', 'mentee']),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => (await describeDemo(ctx)) ?? { password: null, accounts: [] },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', skipCsrf: true },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.strictObject({ email, password }),
        response: { 200: sessionView, 429: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await signIn(
        ctx,
        {
          ...request.body,
          userAgent: request.headers['user-agent'] ?? '',
          address: clientOfAddress(request.ip),
        },
        { account: config.rateLimits.signInAccount, address: config.rateLimits.signInAddress },
      );
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user: await describeMe(session.user.id), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: {
        access: 'public',
        skipCsrf: true,
        limit: { rule: 'passwordResetAddress', per: 'address' },
      },
      schema: {
        tags,
        summary:
          'Email a password-reset link to this address if it has an account; the answer is the same either way',
        body: z.strictObject({ email }),
        response: {
          202: z.object({ message: z.string() }),
          429: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(
        ctx,
        { email: request.body.email, origin: publicOrigin(app, config) },
        config.rateLimits.passwordResetEmail,
      );
      return reply
        .code(202)
        .send({ message: 'If an account exists for that address, we sent it a link.' });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public', skipCsrf: true },
      schema: {
        tags,
        summary:
          'Set a new password with the token from a reset email; signs out every session and signs in here',
        body: z.strictObject({ token: z.string().min(1, 'is required').max(200), password }),
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      return signedInAs(request, reply, await resetPassword(ctx, request.body), 200);
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      // Signing out when already signed out is harmless: it clears the cookie.
      config: { access: 'public' },
      schema: { tags, summary: 'End this browser session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (auth?.via === 'session') await signOut(ctx, auth.userId, auth.sessionId);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Who is signed in, their organisations, and the CSRF token for writes',
        response: {
          200: z.object({ user: me, csrfToken: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const auth = request.auth;
      return {
        user: await describeMe(actor.userId),
        csrfToken: auth?.via === 'session' ? auth.csrfToken : null,
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Change password; signs out every other session',
        body: z.strictObject({ currentPassword: password, newPassword: password }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changePassword(ctx, requireActor(request), request.body);
      return reply.code(204).send(null);
    },
  );

  const sessionItem = z.object({
    id: z.uuid(),
    userAgent: z.string(),
    createdAt: z.date(),
    lastSeenAt: z.date(),
    expiresAt: z.date(),
    current: z.boolean(),
  });

  app.get(
    '/api/auth/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Signed-in browser sessions',
        response: { 200: z.object({ sessions: z.array(sessionItem) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const sessions = await listSessions(ctx, actor);
      return { sessions: sessions.map((s) => ({ ...s, current: s.id === actor.sessionId })) };
    },
  );

  app.delete(
    '/api/auth/sessions/:sessionId',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Revoke a browser session',
        params: z.object({ sessionId: uuidParam }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeSession(ctx, requireActor(request), request.params.sessionId);
      return reply.code(204).send(null);
    },
  );

  const tokenItem = z.object({
    id: z.uuid(),
    name: z.string(),
    scope: z.enum(['full', 'read']),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    /** null only for tokens made before expiry existed */
    expiresAt: z.date().nullable(),
  });

  app.get(
    '/api/auth/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Personal API tokens',
        response: { 200: z.object({ tokens: z.array(tokenItem) }), ...errorResponses },
      },
    },
    async (request) => ({ tokens: await listApiTokens(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Create a personal API token (from a browser session only); the secret is shown only in this response. A `read` token can only make GET requests.',
        body: z.strictObject({
          name,
          scope: z.enum(['full', 'read']).default('full'),
          expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
        }),
        response: { 201: tokenItem.extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = await createApiToken(ctx, requireActor(request), request.body);
      return reply.code(201).send(token);
    },
  );

  app.delete(
    '/api/auth/tokens/:tokenId',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Revoke a personal API token',
        params: z.object({ tokenId: uuidParam }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeApiTokenOf(ctx, requireActor(request), request.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};
