import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { bookingStatuses } from '../../core/booking-machine.ts';
import { MAX_SEARCH_LENGTH } from '../../core/mentor-search.ts';
import {
  exportBookingsCsv,
  exportMatchesCsv,
  exportRatingsCsv,
  listBookingsOfOrg,
} from '../../services/org-bookings.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { sendCsv } from '../csv-reply.ts';
import { apiSchemas, day, errorResponses, timeZone, uuidParam } from '../schemas.ts';

const tags = ['organisations'];
const orgParams = z.object({ orgId: uuidParam });

const bookingFilters = z.strictObject({
  status: z.enum(bookingStatuses).optional(),
  programId: uuidParam.optional(),
  mentorId: uuidParam.optional(),
  menteeId: uuidParam.optional(),
  q: z
    .string()
    .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`)
    .optional()
    .meta({ description: "words of the mentor's or mentee's name; each a prefix" }),
  from: day.optional().meta({ description: 'sessions on or after this day (in timeZone)' }),
  to: day.optional().meta({ description: 'sessions on or before this day (in timeZone)' }),
  timeZone: timeZone.default('UTC'),
});

const orgBooking = z
  .object({
    id: z.uuid(),
    status: z.enum(bookingStatuses),
    startsAt: z.date(),
    endsAt: z.date(),
    createdAt: z.date(),
    programId: z.uuid(),
    programName: z.string(),
    mentorId: z.uuid(),
    mentorName: z.string(),
    menteeId: z.uuid(),
    menteeName: z.string(),
    reason: z.string().nullable(),
    lateCancellation: z.boolean(),
    priceMinor: z.number().int(),
    currency: z.string().nullable(),
    menteeStars: z.number().int().nullable(),
  })
  .register(apiSchemas, { id: 'OrgBooking' });

/** Admin → Bookings and the CSV exports of bookings, matches and ratings (issue #13). */
export const orgBookingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs/:orgId/bookings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          "The organisation's bookings (admin), latest session first: filtered by status, program, mentor, mentee, a name and the session's days; a page at a time",
        params: orgParams,
        querystring: bookingFilters.extend({
          limit: z.coerce
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(1, 'must be between 1 and 200')
            .max(200, 'must be between 1 and 200')
            .default(50),
          offset: z.coerce
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(0, 'must be 0 or more')
            .max(10_000_000, 'must be at most 10000000')
            .default(0),
        }),
        response: {
          200: z.object({
            bookings: z.array(orgBooking),
            total: z.number().int().describe('how many bookings the filters find in all'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit, offset, ...search } = request.query;
      return listBookingsOfOrg(ctx, requireActor(request), request.params.orgId, search, {
        limit,
        offset,
      });
    },
  );

  app.get(
    '/api/orgs/:orgId/exports/bookings.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'The bookings the same filters find, as CSV (admin): times, status, program, both people, price, rating, reason; at most 100,000 rows',
        params: orgParams,
        querystring: bookingFilters,
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'bookings.csv',
        await exportBookingsCsv(ctx, requireActor(request), request.params.orgId, request.query),
      ),
  );

  app.get(
    '/api/orgs/:orgId/exports/matches.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Every match of the organisation's programs as CSV (admin), with sessions held",
        params: orgParams,
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'matches.csv',
        await exportMatchesCsv(ctx, requireActor(request), request.params.orgId),
      ),
  );

  app.get(
    '/api/orgs/:orgId/exports/ratings.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Every rating given on the organisation's bookings as CSV (admin)",
        params: orgParams,
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'ratings.csv',
        await exportRatingsCsv(ctx, requireActor(request), request.params.orgId),
      ),
  );
};
