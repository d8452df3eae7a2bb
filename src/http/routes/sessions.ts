import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CLOCK_TIME } from '../../core/local-time.ts';
import { attendanceOutcomes } from '../../core/session-attendance.ts';
import {
  enrollmentMethods,
  MAX_BULK_COPIES,
  MAX_SESSION_MINUTES,
  sessionStatuses,
  sessionWallTimeZone,
} from '../../core/session-rules.ts';
import { sessionCalendarLinks, sessionIcsFile } from '../../services/booking-calendar.ts';
import {
  bulkDuplicateSession,
  cancelSession,
  createSession,
  duplicateSession,
  editSession,
  listMySessions,
  listOrgSessions,
  publishSession,
  requireSession,
} from '../../services/manage-sessions.ts';
import { takeAttendanceStep } from '../../services/session-attendance.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import {
  apiSchemas,
  calendarDate,
  errorResponses,
  instant,
  myListQuery,
  timeZone,
  uuidParam,
} from '../schemas.ts';

const tags = ['sessions'];
const orgParams = z.object({ orgId: uuidParam });
const sessionParams = orgParams.extend({ sessionId: uuidParam });
const startTime = z.string().regex(CLOCK_TIME, 'must be a time HH:MM').meta({ example: '17:00' });

export const sessionView = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    programId: z.uuid(),
    programName: z.string(),
    mentor: z.object({ userId: z.uuid(), name: z.string(), timeZone: z.string() }),
    status: z.enum(sessionStatuses),
    title: z.string(),
    description: z.string(),
    startsAt: z.date(),
    endsAt: z.date(),
    durationMinutes: z.number(),
    location: z.string(),
    locationTimeZone: z.string().nullable(),
    wallTimeZone: z.string().meta({
      description:
        "the zone whose clock the session's date and start time are on: the location's when held in person, else the mentor's; duplicates and moves keep its wall time",
    }),
    enrollment: z.enum(enrollmentMethods),
    meetingUrl: z.string().nullable(),
    capacity: z.number(),
    seatsTaken: z.number(),
    groupIds: z.array(z.uuid()),
    timeZones: z.array(z.string()),
    enrolled: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        outcome: z.enum(attendanceOutcomes).nullable().meta({
          description:
            'whether it took place for this mentee; shown to the mentor and to that mentee, else null',
        }),
        rating: z
          .object({ stars: z.number(), feedback: z.string() })
          .nullable()
          .meta({ description: "the mentee's rating, shown to that mentee only" }),
      }),
    ),
    seriesId: z.uuid().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.date(),
    calendar: z
      .object({ google: z.string(), outlook: z.string(), yahoo: z.string(), ics: z.string() })
      .nullable()
      .meta({
        description: 'add-to-calendar links of a published session, for its mentor and mentees',
      }),
  })
  .register(apiSchemas, { id: 'Session' });

/** What the session services return; named by them, not by the database layer. */
type SessionListing = Awaited<ReturnType<typeof requireSession>>;

export function presentSession(l: SessionListing, viewerId: string): z.infer<typeof sessionView> {
  const s = l.session;
  const isMentor = s.mentorId === viewerId;
  return {
    id: s.id,
    orgId: s.orgId,
    programId: s.programId,
    programName: l.programName,
    mentor: { userId: s.mentorId, name: l.mentorName, timeZone: l.mentorTimeZone },
    status: s.status,
    title: s.title,
    description: s.description,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    durationMinutes: Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000),
    location: s.location,
    locationTimeZone: s.locationTimeZone,
    wallTimeZone: sessionWallTimeZone(s, l.mentorTimeZone),
    enrollment: s.enrollment,
    meetingUrl: s.meetingUrl,
    capacity: s.capacity,
    seatsTaken: l.enrolled.length,
    groupIds: l.groupIds,
    timeZones: s.timeZones,
    enrolled: l.enrolled.map((e) => ({
      userId: e.userId,
      name: e.name,
      outcome: isMentor || e.userId === viewerId ? e.outcome : null,
      rating:
        e.userId === viewerId && e.stars !== null ? { stars: e.stars, feedback: e.feedback } : null,
    })),
    seriesId: s.seriesId,
    cancelReason: s.cancelReason,
    createdAt: s.createdAt,
    calendar:
      s.status === 'published' && (isMentor || l.enrolled.some((e) => e.userId === viewerId))
        ? { ...sessionCalendarLinks(l), ics: `/api/orgs/${s.orgId}/sessions/${s.id}/calendar.ics` }
        : null,
  };
}

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);

const sessionFields = {
  menteeId: uuidParam.optional(),
  title: z.string().trim().max(200).default(''),
  description: z.string().max(5000).default(''),
  date: calendarDate,
  startTime,
  timeZone: timeZone.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1, 'must be at least 1 minute')
    .max(MAX_SESSION_MINUTES, 'must be at most 24 hours'),
  location: z.string().trim().max(300).default(''),
  locationTimeZone: timeZone.optional(),
  enrollment: z.enum(enrollmentMethods),
  meetingUrl: httpUrl.optional(),
  groupIds: z.array(uuidParam).max(50).default([]),
  capacity: z.number().int().min(1).max(1000).default(1),
  timeZones: z.array(timeZone).max(10).default([]),
};

const list = z.object({ sessions: z.array(sessionView) });

/** Sessions as the signed-in caller may read them. */
const presentFor = (request: FastifyRequest) => (l: SessionListing) =>
  presentSession(l, requireActor(request).userId);

export const sessionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/me/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Sessions where I am the mentor or an enrolled mentee; ?orgId= keeps one organisation',
        querystring: myListQuery,
        response: { 200: list, ...errorResponses },
      },
    },
    async (request) => ({
      sessions: (await listMySessions(ctx, requireActor(request), request.query.orgId)).map(
        presentFor(request),
      ),
    }),
  );

  app.get(
    '/api/orgs/:orgId/sessions',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Sessions I may see in the organisation',
        params: orgParams,
        querystring: z.strictObject({
          mentorId: uuidParam.optional(),
          programId: uuidParam.optional(),
          from: instant.optional().meta({ description: 'sessions ending after' }),
          to: instant.optional().meta({ description: 'sessions starting before' }),
        }),
        response: { 200: list, ...errorResponses },
      },
    },
    async (request) => ({
      sessions: (
        await listOrgSessions(ctx, requireActor(request), request.params.orgId, request.query)
      ).map(presentFor(request)),
    }),
  );

  app.post(
    '/api/orgs/:orgId/sessions',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          "Create a session for a mentor (yourself, or any mentor as admin); date and time are wall-clock in timeZone, by default the session's wallTimeZone",
        params: orgParams,
        body: z.strictObject({
          programId: uuidParam,
          mentorId: uuidParam,
          ...sessionFields,
          publish: z.boolean().default(false),
        }),
        response: { 201: sessionView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentFor(request)(
            await createSession(ctx, requireActor(request), request.params.orgId, request.body),
          ),
        ),
  );

  app.get(
    '/api/orgs/:orgId/sessions/:sessionId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'One session',
        params: sessionParams,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) =>
      presentFor(request)(
        await requireSession(
          ctx,
          requireActor(request),
          request.params.orgId,
          request.params.sessionId,
        ),
      ),
  );

  app.patch(
    '/api/orgs/:orgId/sessions/:sessionId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Edit a session (mentor or admin)',
        params: sessionParams,
        body: z.strictObject(sessionFields).partial(),
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, sessionId } = request.params;
      return presentFor(request)(
        await editSession(ctx, requireActor(request), orgId, sessionId, request.body),
      );
    },
  );

  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/publish',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Publish a draft',
        params: sessionParams,
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) =>
      presentFor(request)(
        await publishSession(
          ctx,
          requireActor(request),
          request.params.orgId,
          request.params.sessionId,
        ),
      ),
  );

  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/cancel',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Cancel a session, with a reason',
        params: sessionParams,
        body: z.strictObject({ reason: z.string().trim().min(1, 'is required').max(1000) }),
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, sessionId } = request.params;
      return presentFor(request)(
        await cancelSession(ctx, requireActor(request), orgId, sessionId, request.body.reason),
      );
    },
  );

  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/duplicate',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          "One copy at a new date and time on the session's clock (wallTimeZone); enrolled mentees are not copied",
        params: sessionParams,
        body: z.strictObject({
          date: calendarDate,
          startTime,
          publish: z.boolean().default(false),
        }),
        response: { 201: sessionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, sessionId } = request.params;
      const copy = await duplicateSession(
        ctx,
        requireActor(request),
        orgId,
        sessionId,
        request.body,
      );
      return reply.code(201).send(presentFor(request)(copy));
    },
  );

  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/bulk-duplicate',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: `A regular series of copies, every N days or weeks until a date or K times (at most ${MAX_BULK_COPIES}); an enrolled mentee is carried over`,
        params: sessionParams,
        body: z
          .strictObject({
            interval: z.number().int().min(1).max(52),
            unit: z.enum(['days', 'weeks']),
            until: calendarDate.optional(),
            count: z
              .number()
              .int()
              .min(1)
              .max(MAX_BULK_COPIES, `must be at most ${MAX_BULK_COPIES}`)
              .optional(),
            publish: z.boolean().default(false),
          })
          .refine((b) => b.until !== undefined || b.count !== undefined, {
            message: 'give until (a date) or count',
            path: ['count'],
          }),
        response: { 201: list, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, sessionId } = request.params;
      const { publish, ...plan } = request.body;
      const copies = await bulkDuplicateSession(ctx, requireActor(request), orgId, sessionId, {
        interval: plan.interval,
        unit: plan.unit,
        publish,
        ...(plan.until ? { until: plan.until } : {}),
        ...(plan.count ? { count: plan.count } : {}),
      });
      return reply.code(201).send({ sessions: copies.map(presentFor(request)) });
    },
  );
  app.get(
    '/api/orgs/:orgId/sessions/:sessionId/calendar.ics',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'The session as an iCalendar file (the UID of its invitations)',
        params: sessionParams,
      },
    },
    async (request, reply) => {
      const listing = await requireSession(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.sessionId,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="confer-session-${listing.session.id}.ics"`,
        )
        .send(sessionIcsFile(listing));
    },
  );

  // Issue #12: a mentee added directly behaves like a booking's mentee.
  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/leave',
    {
      config: { access: 'mentee' },
      schema: {
        tags,
        summary: 'Leave a session I was added to, with a reason, before it begins',
        params: sessionParams,
        body: z.strictObject({ reason: z.string().trim().min(1, 'is required').max(1000) }),
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { orgId, sessionId } = request.params;
      const after = await takeAttendanceStep(ctx, actor, orgId, sessionId, actor.userId, {
        step: 'leave',
        reason: request.body.reason,
      });
      return presentFor(request)(after);
    },
  );

  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/attendance',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary:
          'After the start: whether it took place — the mentee for themselves (no_show: the mentor did not come), the mentor for menteeId (no_show: that mentee did not come); once',
        params: sessionParams,
        body: z.strictObject({
          outcome: z.enum(['attended', 'no_show']),
          menteeId: uuidParam.optional(),
        }),
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { orgId, sessionId } = request.params;
      const after = await takeAttendanceStep(
        ctx,
        actor,
        orgId,
        sessionId,
        request.body.menteeId ?? actor.userId,
        { step: request.body.outcome },
      );
      return presentFor(request)(after);
    },
  );

  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/rating',
    {
      config: { access: 'mentee' },
      schema: {
        tags,
        summary: 'Rate a session I was added to, once, after it ended',
        params: sessionParams,
        body: z.strictObject({
          stars: z.number().int().min(1).max(5),
          feedback: z.string().trim().max(5000).default(''),
        }),
        response: { 200: sessionView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { orgId, sessionId } = request.params;
      const after = await takeAttendanceStep(ctx, actor, orgId, sessionId, actor.userId, {
        step: 'rate',
        rating: request.body,
      });
      return presentFor(request)(after);
    },
  );
};
