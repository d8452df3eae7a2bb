import { z } from 'zod';
import { parseClockTime } from '../core/availability.ts';
import { isCalendarDate } from '../core/local-time.ts';
import { isIanaTimeZone } from '../core/time-zones.ts';

/** Shared request and response shapes. Objects are strict: unknown fields are refused. */

/**
 * Schemas registered here become named `components.schemas` in the OpenAPI
 * document (and so named types in the generated web client). A registry of our
 * own, not zod's global one: it lives and dies with this module, so loading the
 * app twice in one process (tests) cannot collide on an id.
 */
export const apiSchemas = z.registry<{ id: string }>();

export const uuidParam = z.uuid({ message: 'must be a UUID' });

/** My lists across organisations (`/api/me/…`): `?orgId=` keeps one organisation's. */
export const myListQuery = z.strictObject({ orgId: uuidParam.optional() });

/** A calendar day, like 2027-03-01. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-03-01')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'must be a real date');

export const timeZone = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, { message: 'must be an IANA time zone such as Europe/London' });

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }))
  .pipe(z.string().max(254));

export const name = z.string().trim().min(1, 'must not be empty').max(120);

export const optionalReason = z.string().trim().max(500).optional();

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      reason: z.string().optional(),
    }),
  })
  .register(apiSchemas, { id: 'Error' });

/** Standard error responses, listed on each route for the OpenAPI document. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

export const profileInput = z.strictObject({
  name,
  bio: z.string().max(5000),
  skills: z.array(z.string().trim().min(1).max(60)).max(50),
  shortTermGoals: z.string().max(2000),
  longTermGoals: z.string().max(2000),
  timeZone,
  location: z.string().trim().max(200),
});

export const profile = z
  .object({
    id: z.uuid(),
    name: z.string(),
    bio: z.string(),
    skills: z.array(z.string()),
    shortTermGoals: z.string(),
    longTermGoals: z.string(),
    timeZone: z.string(),
    location: z.string(),
    hasPhoto: z.boolean(),
    photoUrl: z.string().nullable(),
    updatedAt: z.date(),
  })
  .register(apiSchemas, { id: 'Profile' });

/** "HH:MM", 00:00–24:00 → minutes after midnight. */
export const clockTime = z
  .string()
  .transform((text, ctx) => {
    const minutes = parseClockTime(text);
    if (minutes === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a time HH:MM between 00:00 and 24:00' });
      return z.NEVER;
    }
    return minutes;
  })
  .meta({ type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$', example: '17:00' });

export const timeRange = z
  .strictObject({ start: clockTime, end: clockTime })
  .refine((r) => r.start !== r.end, {
    message: 'must not start and end at the same time',
    path: ['end'],
  })
  .refine((r) => r.start < 1440, { message: 'must start before 24:00', path: ['start'] });

export const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD' })
  .meta({ example: '2026-12-01' });

export const instant = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T09:00:00Z',
  })
  .transform((text) => new Date(text));
