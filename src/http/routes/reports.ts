import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { sendNudge } from '../../services/nudges.ts';
import { computeReports, reportCharts, reportCsv } from '../../services/program-reports.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { sendCsv } from '../csv-reply.ts';
import { apiSchemas, day, errorResponses, timeZone, uuidParam } from '../schemas.ts';

const tags = ['reports'];
const orgParams = z.object({ orgId: uuidParam });

const filters = z.strictObject({
  from: day
    .optional()
    .meta({ description: 'first day (in timeZone); twelve weeks back by default' }),
  to: day.optional().meta({ description: 'last day, inclusive; today by default' }),
  timeZone: timeZone.default('UTC').meta({ description: 'whose days and weeks (from Monday)' }),
  programId: uuidParam.optional(),
  groupId: uuidParam.optional().meta({ description: 'only bookings of mentees in this group' }),
  quietDays: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 365')
    .max(365, 'must be between 1 and 365')
    .optional()
    .meta({ description: 'matches with no session in this many days (30 by default)' }),
});

const count = z.number().int();
const nudgeMessage = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .meta({ description: 'your words instead of the standard ones' });

const stars = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  byStars: z.array(z.number().int()).describe('how many gave 1, 2, 3, 4 and 5 stars'),
});

const reports = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
    sessionsPerWeek: z.array(
      z.object({
        week: z.string().describe('the Monday the week starts on'),
        completed: count,
        approved: count.describe('approved, not yet marked held'),
        pending: count,
        cancelled: count,
        noShow: count,
        notHeld: count.describe('rejected, declined, withdrawn or expired'),
      }),
    ),
    outcomes: z.object({
      requested: z.number().int(),
      approved: z.number().int(),
      rejected: z.number().int(),
      expired: z.number().int(),
      withdrawn: z.number().int(),
      cancelledLate: z.number().int(),
      cancelledEarly: z.number().int(),
      noShowMentee: z.number().int(),
      noShowMentor: z.number().int(),
      decided: z.number().int(),
      approvalRate: z.number().nullable(),
      rejectionRate: z.number().nullable(),
      expiryRate: z.number().nullable(),
    }),
    answerTimes: z.object({
      medianMinutes: z.number().nullable(),
      p90Minutes: z.number().nullable(),
      answered: z.number().int(),
    }),
    ratings: z.object({ byMentees: stars, byMentors: stars }),
    firstSession: z.object({
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
      withSession: z.number().int(),
      withoutSession: z.number().int(),
    }),
    skills: z.array(z.object({ skill: z.string(), bookings: z.number().int() })),
    busiestMentors: z.array(
      z.object({
        mentorId: z.uuid(),
        name: z.string(),
        sessions: z.number().int(),
        requests: z.number().int(),
      }),
    ),
    quietMatches: z.object({
      days: z.number().int(),
      matches: z.array(
        z.object({
          matchId: z.uuid(),
          programName: z.string(),
          mentorId: z.uuid(),
          mentorName: z.string(),
          menteeId: z.uuid(),
          menteeName: z.string(),
          matchedAt: z.date(),
          lastSessionAt: z.date().nullable(),
        }),
      ),
    }),
    unansweredMentors: z.array(
      z.object({
        mentorId: z.uuid(),
        name: z.string(),
        waiting: z.number().int(),
        oldestAt: z.date(),
      }),
    ),
  })
  .register(apiSchemas, { id: 'Reports' });

/** Issue #13: how the organisation's mentoring is going, and each chart's data as CSV. */
export const reportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs/:orgId/reports',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Reports (admin): sessions per week by status, answer times, approval/rejection/expiry rates, cancellations and no-shows, ratings, time to a first session, booked skills, busiest mentors, quiet matches and unanswered requests',
        params: orgParams,
        querystring: filters,
        response: { 200: reports, ...errorResponses },
      },
    },
    async (request) =>
      computeReports(ctx, requireActor(request), request.params.orgId, request.query),
  );

  app.get(
    '/api/orgs/:orgId/reports/:file',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "One chart's data as CSV (admin), with the same filters",
        params: orgParams.extend({
          file: z.enum(reportCharts.map((c) => `${c}.csv`) as [string, ...string[]], {
            error: `must be one of ${reportCharts.map((c) => `${c}.csv`).join(', ')}`,
          }),
        }),
        querystring: filters,
      },
    },
    async (request, reply) => {
      const chart = request.params.file.replace(/\.csv$/, '');
      const csv = await reportCsv(
        ctx,
        requireActor(request),
        request.params.orgId,
        chart,
        request.query,
      );
      return sendCsv(reply, `${chart}.csv`, csv);
    },
  );

  app.post(
    '/api/orgs/:orgId/nudges',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Nudge from Reports (admin): a quiet match (both people) or a mentor with unanswered requests, in the bell and by email as each chose; once a day each',
        params: orgParams,
        body: z.discriminatedUnion('kind', [
          z.strictObject({
            kind: z.literal('quiet_match'),
            matchId: uuidParam,
            message: nudgeMessage,
          }),
          z.strictObject({
            kind: z.literal('unanswered_requests'),
            mentorId: uuidParam,
            message: nudgeMessage,
          }),
        ]),
        response: {
          201: z.object({ sentAt: z.date(), to: z.array(z.uuid()) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await sendNudge(ctx, requireActor(request), request.params.orgId, request.body)),
  );
};
