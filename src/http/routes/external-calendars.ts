import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  addExternalCalendar,
  listExternalCalendars,
  listMyOutsideBusy,
  removeExternalCalendar,
  requestCalendarRefresh,
} from '../../services/external-calendars.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, instant, uuidParam } from '../schemas.ts';

const tags = ['availability'];

const calendar = z
  .object({
    id: z.uuid(),
    label: z.string().describe('the host and the end of the address; never the secret part'),
    tentativeIsBusy: z.boolean(),
    status: z
      .enum(['waiting', 'ok', 'failing', 'stale'])
      .describe(
        'waiting: not read yet; failing: the last read failed; stale: no good read for an hour',
      ),
    lastReadAt: z.date().nullable(),
    lastOkAt: z.date().nullable(),
    lastError: z.string().nullable(),
    busyCount: z.number().int().describe('busy times the last good read found'),
    createdAt: z.date(),
  })
  .register(apiSchemas, { id: 'ExternalCalendar' });

/** A mentor's outside calendars, as iCalendar addresses (issue #14). */
export const externalCalendarRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/me/calendars',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'My outside calendars whose busy times block my slots, with when each was read',
        response: { 200: z.object({ calendars: z.array(calendar) }), ...errorResponses },
      },
    },
    async (request) => ({ calendars: await listExternalCalendars(ctx, requireActor(request)) }),
  );

  app.get(
    '/api/me/calendars/busy',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'My busy times from my own calendars between from and to (at most 62 days), with their titles: for my week view, never shown to others',
        querystring: z.strictObject({ from: instant, to: instant }),
        response: {
          200: z.object({
            busy: z.array(
              z.object({
                startsAt: z.date(),
                endsAt: z.date(),
                title: z.string(),
                tentative: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      busy: (await listMyOutsideBusy(ctx, requireActor(request), request.query)).map(
        ({ userId: _u, ...b }) => b,
      ),
    }),
  );

  app.post(
    '/api/me/calendars',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          "Add an iCalendar address (Google's, Outlook's or Apple's secret address; https or webcal): read in the background every ten minutes",
        body: z.strictObject({
          url: z.string().trim().min(1, 'is required').max(2000),
          tentativeIsBusy: z.boolean().default(true),
        }),
        response: { 201: calendar, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addExternalCalendar(ctx, requireActor(request), request.body)),
  );

  app.post(
    '/api/me/calendars/:calendarId/refresh',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Read one of my calendars again now (within seconds)',
        params: z.object({ calendarId: uuidParam }),
        response: { 202: calendar, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await requestCalendarRefresh(ctx, requireActor(request), request.params.calendarId)),
  );

  app.delete(
    '/api/me/calendars/:calendarId',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Remove one of my calendars and the busy times it gave',
        params: z.object({ calendarId: uuidParam }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeExternalCalendar(ctx, requireActor(request), request.params.calendarId);
      return reply.code(204).send(null);
    },
  );
};
