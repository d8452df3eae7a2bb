import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { listMyNotifications, markMyNotificationsRead } from '../../services/my-notifications.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses } from '../schemas.ts';

const tags = ['notifications'];

const notification = z
  .object({
    id: z.number(),
    topic: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .register(apiSchemas, { id: 'Notification' });

export const notificationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/me/notifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'My latest notifications and how many are unread (the bell)',
        response: {
          200: z.object({ unread: z.number(), notifications: z.array(notification) }),
          ...errorResponses,
        },
      },
    },
    async (request) => listMyNotifications(ctx, requireActor(request)),
  );

  app.post(
    '/api/me/notifications/read',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Mark notifications read: the listed ids, or all when none are listed',
        body: z.strictObject({ ids: z.array(z.number().int().positive()).max(500).optional() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await markMyNotificationsRead(ctx, requireActor(request), request.body.ids ?? null);
      return reply.code(204).send(null);
    },
  );
};
