import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { programRoles } from '../../core/roles.ts';
import {
  beginSsoSignIn,
  configureSso,
  finishSsoSignIn,
  listSignInProviders,
  readSsoSettings,
  removeSso,
  SsoSignInError,
} from '../../services/single-sign-on.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor, setSessionCookie } from '../auth.ts';
import { publicOrigin } from '../public-url.ts';
import { apiSchemas, errorResponses, name, uuidParam } from '../schemas.ts';

const tags = ['auth'];
const CALLBACK_PATH = '/api/auth/sso/callback';

const settings = z
  .object({
    displayName: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    allowedDomains: z.array(z.string()),
    defaultProgramId: z.uuid().nullable(),
    defaultProgramRole: z.enum(programRoles),
    ssoOnly: z.boolean(),
  })
  .register(apiSchemas, { id: 'SsoSettings' });

const settingsView = z.object({
  sso: settings.nullable(),
  redirectUri: z.string().describe('register this as the redirect URI at the provider'),
  secretsKeySet: z.boolean().describe('the server can keep a client secret (SECRETS_KEY)'),
});

/** Issue #13: an organisation's OpenID Connect provider, and signing in through it. */
export const singleSignOnRoutes: FastifyPluginAsyncZod<RouteDeps> = async (
  app,
  { ctx, config },
) => {
  const redirectUri = () => new URL(CALLBACK_PATH, publicOrigin(app, config)).href;

  app.get(
    '/api/auth/sso/providers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The organisations one may sign in through (“Sign in with …” on the sign-in page)',
        response: {
          200: z.object({ providers: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
        },
      },
    },
    async () => ({ providers: await listSignInProviders(ctx) }),
  );

  app.get(
    '/api/auth/sso/:orgId/start',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Begin signing in through the organisation's provider: a redirect to it with state, nonce and PKCE",
        params: z.object({ orgId: uuidParam }),
      },
    },
    async (request, reply) => {
      try {
        const url = await beginSsoSignIn(ctx, request.params.orgId, redirectUri());
        return reply.redirect(url.href, 302);
      } catch (err) {
        if (err instanceof SsoSignInError) return reply.redirect(`/sign-in?sso=${err.reason}`, 302);
        throw err;
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Where the provider sends the browser back: checks everything, signs in (making the account the first time), and redirects home — or to the sign-in page saying why not',
        querystring: z.looseObject({}),
      },
    },
    async (request, reply) => {
      const callback = new URL(request.url, redirectUri());
      try {
        const session = await finishSsoSignIn(ctx, callback, request.headers['user-agent'] ?? '');
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.redirect('/', 302);
      } catch (err) {
        if (!(err instanceof SsoSignInError)) request.log.error({ err }, 'single sign-on failed');
        const reason = err instanceof SsoSignInError ? err.reason : 'failed';
        return reply.redirect(`/sign-in?sso=${reason}`, 302);
      }
    },
  );

  app.get(
    '/api/orgs/:orgId/sso',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "The organisation's single sign-on settings (admin); the secret is never shown",
        params: z.object({ orgId: uuidParam }),
        response: { 200: settingsView, ...errorResponses },
      },
    },
    async (request) => ({
      sso: await readSsoSettings(ctx, requireActor(request), request.params.orgId),
      redirectUri: redirectUri(),
      secretsKeySet: ctx.videoSetup.secretsKey !== null,
    }),
  );

  app.put(
    '/api/orgs/:orgId/sso',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Set the OpenID Connect provider (admin): issuer, client, allowed email domains, the program and role first-timers join, and whether those domains must use it',
        params: z.object({ orgId: uuidParam }),
        body: z.strictObject({
          displayName: name,
          issuer: z.url({ message: 'must be the issuer URL, like https://login.example.com' }),
          clientId: z.string().trim().min(1, 'is required').max(255),
          clientSecret: z.string().min(1, 'is required').max(1000).optional(),
          allowedDomains: z.array(z.string().max(253)).max(50),
          defaultProgramId: uuidParam.nullable().default(null),
          defaultProgramRole: z.enum(programRoles).default('mentee'),
          ssoOnly: z.boolean().default(false),
        }),
        response: { 200: settingsView, ...errorResponses },
      },
    },
    async (request) => ({
      sso: await configureSso(ctx, requireActor(request), request.params.orgId, request.body),
      redirectUri: redirectUri(),
      secretsKeySet: ctx.videoSetup.secretsKey !== null,
    }),
  );

  app.delete(
    '/api/orgs/:orgId/sso',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Turn single sign-on off (admin); accounts made through it stay',
        params: z.object({ orgId: uuidParam }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeSso(ctx, requireActor(request), request.params.orgId);
      return reply.code(204).send(null);
    },
  );
};
