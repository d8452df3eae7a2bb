import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { calendarFeed, resetCalendarFeed } from '../../services/calendar-feed.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { publicOrigin } from '../public-url.ts';
import { errorResponses } from '../schemas.ts';

const tags = ['bookings'];

export const calendarRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx, config }) => {
  app.post(
    '/api/me/calendar-feed',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'A new secret address to subscribe to my sessions from a calendar app (the previous address stops working)',
        response: { 201: z.object({ url: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = await resetCalendarFeed(ctx, requireActor(request));
      const origin = publicOrigin(app, config);
      return reply.code(201).send({ url: new URL(`/api/calendar/${token}.ics`, origin).href });
    },
  );

  app.get(
    '/api/calendar/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A calendar feed (iCalendar): the secret in the address is the credential',
        params: z.object({
          file: z.string().regex(/^cal_[\w-]{20,100}\.ics$/, 'must be a feed address'),
        }),
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendarFeed(ctx, request.params.file.replace(/\.ics$/, ''))),
  );
};
