import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { programLimits } from '../../core/program-settings.ts';
import { programModes, programRoles } from '../../core/roles.ts';
import {
  createMatch,
  endMatchOf,
  listMatches,
  listMatchSuggestions,
  listMyMatches,
  setMentorMatchCapacity,
} from '../../services/manage-matches.ts';
import { setProgramRole } from '../../services/manage-members.ts';
import {
  createProgram,
  editProgram,
  listPrograms,
  requireProgram,
} from '../../services/manage-programs.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, day, errorResponses, name, optionalReason, uuidParam } from '../schemas.ts';

const tags = ['programs'];
const orgParams = z.object({ orgId: uuidParam });
const programParams = z.object({ orgId: uuidParam, programId: uuidParam });

const whole = (what: keyof typeof programLimits, description: string) => {
  const { min, max } = programLimits[what];
  return z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`)
    .meta({ description });
};

/** The rules an admin sets per program (issue #13); each optional, the defaults stand. */
const programSettings = z.strictObject({
  expiryDays: whole('expiryDays', 'unanswered requests expire after this many days (7)'),
  lateCancelHours: whole(
    'lateCancelHours',
    'a mentee cancelling closer than this to the start gets no refund (24)',
  ),
  moveNoticeHours: whole(
    'moveNoticeHours',
    'a session moves until this long before it, to a time at least this far ahead (24)',
  ),
  maxMoves: whole('maxMoves', 'how often one session may move (2)'),
  autoApproveAllowed: z
    .boolean()
    .meta({ description: 'whether mentors who approve automatically may do so here (yes)' }),
  pricesAllowed: z
    .boolean()
    .meta({ description: 'whether paid session types may be booked here (yes)' }),
  startsOn: day.nullable().meta({ description: "the cohort's first day (on the mentor's clock)" }),
  endsOn: day.nullable().meta({ description: "the cohort's last day" }),
});

const programInput = programSettings.partial().extend({
  name,
  description: z.string().max(5000).default(''),
  mode: z.enum(programModes),
});

const program = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    name: z.string(),
    description: z.string(),
    mode: z.enum(programModes),
    expiryDays: z.number().int(),
    lateCancelHours: z.number().int(),
    moveNoticeHours: z.number().int(),
    maxMoves: z.number().int(),
    autoApproveAllowed: z.boolean(),
    pricesAllowed: z.boolean(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    createdAt: z.date(),
    archivedAt: z.date().nullable(),
  })
  .register(apiSchemas, { id: 'Program' });

export const programRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs/:orgId/programs',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Programs of the organisation',
        params: orgParams,
        response: {
          200: z.object({
            programs: z.array(program.extend({ mentorCount: z.number(), menteeCount: z.number() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      programs: await listPrograms(ctx, requireActor(request), request.params.orgId),
    }),
  );

  app.post(
    '/api/orgs/:orgId/programs',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create a program (admin). mode: matched | a_la_carte',
        params: orgParams,
        body: programInput,
        response: { 201: program, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createProgram(ctx, requireActor(request), request.params.orgId, request.body)),
  );

  app.get(
    '/api/orgs/:orgId/programs/:programId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'A program with its mentors and mentees',
        params: programParams,
        response: {
          200: program.extend({
            members: z.array(
              z.object({
                userId: z.uuid(),
                name: z.string(),
                role: z.enum(programRoles),
                timeZone: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      requireProgram(ctx, requireActor(request), request.params.orgId, request.params.programId),
  );

  app.patch(
    '/api/orgs/:orgId/programs/:programId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Edit or archive a program (admin)',
        params: programParams,
        body: programInput.extend({ archived: z.boolean() }).partial(),
        response: { 200: program, ...errorResponses },
      },
    },
    async (request) =>
      editProgram(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.programId,
        request.body,
      ),
  );

  const programMemberParams = programParams.extend({ userId: uuidParam });
  const programMemberResult = z.object({
    programId: z.uuid(),
    userId: z.uuid(),
    role: z.enum(programRoles).nullable(),
  });

  app.put(
    '/api/orgs/:orgId/programs/:programId/members/:userId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Set a member's role in the program: mentor or mentee (admin)",
        params: programMemberParams,
        body: z.strictObject({ role: z.enum(programRoles), reason: optionalReason }),
        response: { 200: programMemberResult, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, programId, userId } = request.params;
      return setProgramRole(
        ctx,
        requireActor(request),
        orgId,
        programId,
        userId,
        request.body.role,
        request.body.reason,
      );
    },
  );

  app.delete(
    '/api/orgs/:orgId/programs/:programId/members/:userId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Take a member out of the program (admin)',
        params: programMemberParams,
        querystring: z.strictObject({ reason: optionalReason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, programId, userId } = request.params;
      const actor = requireActor(request);
      await setProgramRole(ctx, actor, orgId, programId, userId, null, request.query.reason);
      return reply.code(204).send(null);
    },
  );

  const match = z.object({
    id: z.uuid(),
    programId: z.uuid(),
    mentorId: z.uuid(),
    mentorName: z.string(),
    menteeId: z.uuid(),
    menteeName: z.string(),
    createdAt: z.date(),
  });

  app.get(
    '/api/orgs/:orgId/programs/:programId/matches',
    {
      config: { access: 'matched-or-admin' },
      schema: {
        tags,
        summary: 'Active mentor–mentee matches of a matched program',
        params: programParams,
        response: {
          200: z.object({
            matches: z.array(match),
            mentors: z.array(
              z.object({
                userId: z.uuid(),
                name: z.string(),
                matchCapacity: z.number().nullable(),
                activeMatches: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      listMatches(ctx, requireActor(request), request.params.orgId, request.params.programId),
  );

  app.put(
    '/api/orgs/:orgId/programs/:programId/mentors/:mentorId/match-capacity',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'How many mentees a mentor takes in this matched program (admin; null: no limit)',
        params: programParams.extend({ mentorId: uuidParam }),
        body: z.strictObject({ matchCapacity: z.number().int().min(0).max(500).nullable() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, programId, mentorId } = request.params;
      await setMentorMatchCapacity(
        ctx,
        requireActor(request),
        orgId,
        programId,
        mentorId,
        request.body.matchCapacity,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/orgs/:orgId/me/matches',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'My active matches (the Matches tab): my role and the other person',
        params: z.object({ orgId: uuidParam }),
        response: {
          200: z.object({
            matches: z.array(
              z.object({
                id: z.uuid(),
                programId: z.uuid(),
                programName: z.string(),
                role: z.enum(['mentor', 'mentee']),
                other: z.object({
                  userId: z.uuid(),
                  name: z.string(),
                  photoUrl: z.string().nullable(),
                  timeZone: z.string(),
                }),
                since: z.date(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      matches: await listMyMatches(ctx, requireActor(request), request.params.orgId),
    }),
  );

  app.post(
    '/api/orgs/:orgId/programs/:programId/matches',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Match a mentor with a mentee (admin, matched programs)',
        params: programParams,
        body: z.strictObject({ mentorId: uuidParam, menteeId: uuidParam }),
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, programId } = request.params;
      const created = await createMatch(ctx, requireActor(request), orgId, programId, request.body);
      return reply.code(201).send({ id: created.id });
    },
  );

  app.get(
    '/api/orgs/:orgId/programs/:programId/match-suggestions',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Suggested matches (admin): for each unmatched mentee the best mentors with room, by shared skills, room left and responsiveness, each score explained',
        params: programParams,
        response: {
          200: z.object({
            suggestions: z
              .array(
                z.object({
                  menteeId: z.uuid(),
                  menteeName: z.string(),
                  mentors: z.array(
                    z.object({
                      mentorId: z.uuid(),
                      mentorName: z.string(),
                      score: z
                        .number()
                        .int()
                        .describe('0–100: skills 60, room left 20, responsiveness 20'),
                      sharedSkills: z.array(z.string()),
                      reasons: z.array(z.string()),
                    }),
                  ),
                }),
              )
              .describe('at most 20 mentees, in name order; matching one brings the next up'),
            unmatched: z.number().int().describe('mentees of the program without an active match'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      listMatchSuggestions(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.programId,
      ),
  );

  app.delete(
    '/api/orgs/:orgId/programs/:programId/matches/:matchId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'End a match (admin)',
        params: programParams.extend({ matchId: uuidParam }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, programId, matchId } = request.params;
      await endMatchOf(ctx, requireActor(request), orgId, programId, matchId);
      return reply.code(204).send(null);
    },
  );
};
