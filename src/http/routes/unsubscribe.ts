import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notificationKinds } from '../../core/notification-preferences.ts';
import { describeUnsubscribe, unsubscribe } from '../../services/unsubscribe-links.ts';
import type { RouteDeps } from '../app.ts';
import { errorResponses } from '../schemas.ts';

const tags = ['notifications'];
const params = z.object({ token: z.string().min(1).max(300) });
const result = z.object({ kind: z.enum([...notificationKinds, 'digest']), label: z.string() });

/**
 * One-click unsubscribe (RFC 8058). Mail programs POST
 * `List-Unsubscribe=One-Click` (a form body) to the address in an email's
 * List-Unsubscribe header; a person who opens it lands on a page that asks
 * first, since link checkers open links but never POST.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  // Only here: the one-click POST is a form, not JSON.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.get(
    '/api/email/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'What an unsubscribe link switches off; a browser is sent on to the page that asks to confirm',
        params,
        response: { 200: result, 303: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const about = await describeUnsubscribe(ctx, request.params.token);
      if (request.headers.accept?.includes('text/html')) {
        return reply.redirect(`/unsubscribe/${encodeURIComponent(request.params.token)}`, 303);
      }
      return about;
    },
  );

  app.post(
    '/api/email/unsubscribe/:token',
    {
      config: { access: 'public', skipCsrf: true },
      schema: {
        tags,
        summary: 'Stop emails of the link’s kind (one-click, RFC 8058); the app keeps showing them',
        params,
        response: { 200: result, ...errorResponses },
      },
    },
    async (request) => unsubscribe(ctx, request.params.token),
  );
};
