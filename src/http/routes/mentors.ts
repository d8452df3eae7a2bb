import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { localDateTimeWithOffset } from '../../core/local-time.ts';
import { MAX_SEARCH_LENGTH } from '../../core/mentor-search.ts';
import { photoUrlFor } from '../../core/photo-url.ts';
import { programModes } from '../../core/roles.ts';
import { enrollmentMethods } from '../../core/session-rules.ts';
import { listMentorSlots } from '../../services/list-slots.ts';
import { reputationsOf } from '../../services/reputation.ts';
import { searchMentors } from '../../services/search-mentors.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, instant, timeZone, uuidParam } from '../schemas.ts';

const tags = ['availability'];

const reputation = z
  .object({
    approvalRate: z
      .number()
      .nullable()
      .meta({ description: 'approved ÷ decided over 90 days, 0–1' }),
    medianResponseMinutes: z.number().nullable(),
    decided: z.number(),
  })
  .register(apiSchemas, { id: 'Reputation' });
const DAY_MS = 86_400_000;

const slot = z
  .object({
    start: z.date(),
    end: z.date(),
    lengthMinutes: z.number(),
    kind: z.enum(['weekly', 'session']),
    sessionId: z.uuid().optional(),
    seatsLeft: z.number().optional(),
    viewerLocal: z.string().meta({
      description:
        'wall-clock start in the viewer zone with its UTC offset, YYYY-MM-DDTHH:MM±HH:MM (an hour repeated in autumn reads with two offsets)',
      example: '2028-11-05T01:00-05:00',
    }),
    mentorLocal: z.string().meta({
      description: "wall-clock start in the mentor's zone with its UTC offset, as viewerLocal",
    }),
    session: z
      .object({
        title: z.string(),
        location: z.string(),
        enrollment: z.enum(enrollmentMethods),
        locationTimeZone: z.string().nullable(),
        timeZones: z.array(z.string()),
      })
      .optional(),
  })
  .register(apiSchemas, { id: 'Slot' });

export const mentorRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs/:orgId/mentors',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary:
          "The organisation's mentors with their next free slot: searched, most relevant first, then the best responders",
        params: z.object({ orgId: uuidParam }),
        querystring: z.strictObject({
          q: z
            .string()
            .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`)
            .optional()
            .meta({ description: 'words of names, skills, bio, goals or location; each a prefix' }),
          freeThisWeek: z
            .stringbool({
              truthy: ['true'],
              falsy: ['false'],
              case: 'sensitive',
              error: 'must be true or false',
            })
            .default(false)
            .meta({
              description: 'only mentors with a free slot starting in the next 7 days',
              enum: ['true', 'false'],
            }),
          limit: z.coerce
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(1, 'must be between 1 and 100')
            .max(100, 'must be between 1 and 100')
            .default(50),
        }),
        response: {
          200: z.object({
            mentors: z.array(
              z.object({
                userId: z.uuid(),
                name: z.string(),
                photoUrl: z.string().nullable(),
                timeZone: z.string(),
                location: z.string(),
                skills: z.array(z.string()),
                programs: z.array(
                  z.object({
                    programId: z.uuid(),
                    programName: z.string(),
                    mode: z.enum(programModes),
                  }),
                ),
                nextSlot: z.object({ start: z.date(), end: z.date() }).nullable(),
                reputation,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const mentors = await searchMentors(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.query,
      );
      return {
        mentors: mentors.map(({ photoKey, ...m }) => ({
          ...m,
          photoUrl: photoUrlFor(m.userId, photoKey),
        })),
      };
    },
  );

  app.get(
    '/api/orgs/:orgId/mentors/:mentorId/slots',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary:
          "A mentor's bookable slots in [from, to), each also written in the viewer's zone (tz) and the mentor's",
        params: z.object({ orgId: uuidParam, mentorId: uuidParam }),
        querystring: z.strictObject({
          from: instant.optional(),
          to: instant.optional(),
          tz: timeZone.default('UTC'),
          forBooking: z.uuid().optional().meta({
            description:
              "a booking of this mentor's the caller takes part in: its own time counts as free (choosing where to move it)",
          }),
        }),
        response: {
          200: z.object({
            mentor: z.object({
              userId: z.uuid(),
              name: z.string(),
              timeZone: z.string(),
              reputation,
            }),
            viewerTimeZone: z.string(),
            slotLengths: z.array(z.number()).meta({
              description:
                'the lengths in minutes the mentor offers from their hours to this viewer',
            }),
            bookableUntil: z
              .date()
              .meta({ description: 'no slot starts after this (the horizon)' }),
            slots: z.array(slot),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const from = request.query.from ?? ctx.now();
      const to = request.query.to ?? new Date(from.getTime() + 14 * DAY_MS);
      if (to <= from) {
        throw new AppError('validation_failed', 'to must be after from', {
          fields: { 'query.to': 'must be after from' },
        });
      }
      if (to.getTime() - from.getTime() > 100 * DAY_MS) {
        throw new AppError('validation_failed', 'at most 100 days at a time', {
          fields: { 'query.to': 'must be at most 100 days after from' },
        });
      }
      const { orgId, mentorId } = request.params;
      const tz = request.query.tz;
      const result = await listMentorSlots(
        ctx,
        requireActor(request),
        orgId,
        mentorId,
        { from, to },
        request.query.forBooking,
      );
      return {
        mentor: {
          ...result.mentor,
          reputation: (await reputationsOf(ctx, [mentorId])).get(mentorId)!,
        },
        viewerTimeZone: tz,
        slotLengths: result.slotLengths,
        bookableUntil: result.bookableUntil,
        slots: result.slots.map((s) => ({
          start: new Date(s.startMs),
          end: new Date(s.endMs),
          lengthMinutes: s.lengthMinutes,
          kind: s.kind,
          ...(s.sessionId ? { sessionId: s.sessionId, seatsLeft: s.seatsLeft } : {}),
          viewerLocal: localDateTimeWithOffset(s.startMs, tz),
          mentorLocal: localDateTimeWithOffset(s.startMs, result.mentor.timeZone),
          ...(s.listing
            ? {
                session: {
                  title: s.listing.session.title,
                  location: s.listing.session.location,
                  enrollment: s.listing.session.enrollment,
                  locationTimeZone: s.listing.session.locationTimeZone,
                  timeZones: s.listing.session.timeZones,
                },
              }
            : {}),
        })),
      };
    },
  );
};
