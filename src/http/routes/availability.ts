import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { type AvailabilityRules, formatClockTime } from '../../core/availability.ts';
import {
  removeDateOverride,
  requireMyAvailability,
  saveMyAvailability,
  setDateOverride,
} from '../../services/manage-availability.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, calendarDate, errorResponses, timeRange, timeZone } from '../schemas.ts';

const tags = ['availability'];
const clock = z.string().meta({ example: '17:00' });
const rangeOut = z.object({ start: clock, end: clock });

const availability = z
  .object({
    timeZone: z.string(),
    slotLengths: z.array(z.number()),
    bufferBeforeMinutes: z.number(),
    bufferAfterMinutes: z.number(),
    minimumNoticeMinutes: z.number(),
    horizonDays: z.number(),
    autoApprove: z.boolean(),
    weekly: z.array(rangeOut.extend({ weekday: z.number() })),
    overrides: z.array(z.object({ date: z.string(), ranges: z.array(rangeOut) })),
  })
  .register(apiSchemas, { id: 'Availability' });

const toClock = (r: { start: number; end: number }) => ({
  start: formatClockTime(r.start),
  end: formatClockTime(r.end),
});

/** Minutes → "HH:MM" for the API. */
export function presentAvailability(rules: AvailabilityRules & { autoApprove: boolean }) {
  return {
    ...rules,
    weekly: rules.weekly.map((w) => ({ weekday: w.weekday, ...toClock(w) })),
    overrides: rules.overrides.map((o) => ({ date: o.date, ranges: o.ranges.map(toClock) })),
  };
}

const minutes = (max: number) => z.number().int().min(0).max(max);

export const availabilityRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/me/availability',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'My weekly hours, date overrides and booking settings',
        response: { 200: availability, ...errorResponses },
      },
    },
    async (request) => presentAvailability(await requireMyAvailability(ctx, requireActor(request))),
  );

  app.put(
    '/api/me/availability',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Replace my weekly hours and settings (times in my zone; a range ending at or before its start runs past midnight)',
        body: z.strictObject({
          timeZone,
          slotLengths: z
            .array(
              z
                .number()
                .int()
                .min(5)
                .max(24 * 60),
            )
            .min(1)
            .max(6),
          bufferBeforeMinutes: minutes(240),
          bufferAfterMinutes: minutes(240),
          minimumNoticeMinutes: minutes(30 * 24 * 60),
          horizonDays: z.number().int().min(1).max(365),
          autoApprove: z.boolean().default(false),
          weekly: z
            .array(timeRange.and(z.object({ weekday: z.number().int().min(1).max(7) })))
            .max(70),
        }),
        response: { 200: availability, ...errorResponses },
      },
    },
    async (request) =>
      presentAvailability(await saveMyAvailability(ctx, requireActor(request), request.body)),
  );

  app.put(
    '/api/me/availability/overrides/:date',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Other hours on one date, or a day off (no ranges)',
        params: z.object({ date: calendarDate }),
        body: z.strictObject({ ranges: z.array(timeRange).max(10) }),
        response: { 200: availability, ...errorResponses },
      },
    },
    async (request) =>
      presentAvailability(
        await setDateOverride(ctx, requireActor(request), request.params.date, request.body.ranges),
      ),
  );

  app.delete(
    '/api/me/availability/overrides/:date',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Remove a date override',
        params: z.object({ date: calendarDate }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeDateOverride(ctx, requireActor(request), request.params.date);
      return reply.code(204).send(null);
    },
  );
};
