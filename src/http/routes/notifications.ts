import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { emailModes, notificationKinds } from '../../core/notification-preferences.ts';
import { MAX_REMINDERS } from '../../core/session-reminders.ts';
import { listMyNotifications, markMyNotificationsRead } from '../../services/my-notifications.ts';
import { getMyPreferences, saveMyPreferences } from '../../services/notification-preferences.ts';
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

const preferences = z
  .object({
    kinds: z.array(
      z.object({
        kind: z.enum(notificationKinds),
        label: z.string(),
        description: z.string(),
        inApp: z.boolean(),
        email: z.enum(emailModes),
        digest: z.boolean().describe('whether a daily digest may replace immediate email'),
        alwaysSent: z.string().optional().describe('what is sent whatever is chosen'),
      }),
    ),
    reminderMinutes: z.array(z.number()).describe('minutes before an approved session'),
  })
  .register(apiSchemas, { id: 'NotificationPreferences' });

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

  app.get(
    '/api/me/notification-preferences',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'What I receive, per kind of event, in the app and by email; my reminder times',
        response: { 200: preferences, ...errorResponses },
      },
    },
    async (request) => getMyPreferences(ctx, requireActor(request)),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Choose what I receive: the kinds listed change, the rest stay',
        body: z.strictObject({
          kinds: z
            .array(
              z.strictObject({
                kind: z.enum(notificationKinds),
                inApp: z.boolean(),
                email: z.enum(emailModes),
              }),
            )
            .max(notificationKinds.length * 2)
            .optional(),
          reminderMinutes: z
            .array(z.number().int())
            .max(MAX_REMINDERS)
            .optional()
            .describe('minutes before each approved session; empty for no reminders'),
        }),
        response: { 200: preferences, ...errorResponses },
      },
    },
    async (request) => saveMyPreferences(ctx, requireActor(request), request.body),
  );
};
