import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { MAX_SEARCH_LENGTH } from '../../core/mentor-search.ts';
import { requestKinds } from '../../core/mentorship-requests.ts';
import { orgRoles, programRoles } from '../../core/roles.ts';
import { exportMembersCsv } from '../../services/export-members.ts';
import { exportAuditCsv, listOrgAuditEvents } from '../../services/list-audit-events.ts';
import {
  changeOrgRole,
  deactivateMember,
  listMembers,
  listMembersPage,
  reactivateMember,
  removeMember,
} from '../../services/manage-members.ts';
import {
  createOrganisation,
  listMyOrganisations,
  renameOrganisation,
  requireOrganisation,
} from '../../services/manage-organisations.ts';
import { requireVisibleUser, toProfile } from '../../services/manage-profile.ts';
import { requestKindsToward } from '../../services/mentorship-requests.ts';
import { mayMessageMember } from '../../services/messaging.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { sendCsv } from '../csv-reply.ts';
import {
  apiSchemas,
  errorResponses,
  name,
  optionalReason,
  profile,
  uuidParam,
} from '../schemas.ts';

const tags = ['organisations'];
const orgParams = z.object({ orgId: uuidParam });
const memberParams = z.object({ orgId: uuidParam, userId: uuidParam });

const organisation = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: z.enum(orgRoles),
    createdAt: z.date(),
  })
  .register(apiSchemas, { id: 'Organisation' });

const programMembership = z.object({ programId: z.uuid(), role: z.enum(programRoles) });

const member = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string().optional().meta({ description: 'only for admins, and on your own entry' }),
    timeZone: z.string(),
    location: z.string(),
    hasPhoto: z.boolean(),
    photoUrl: z.string().nullable(),
    role: z.enum(orgRoles),
    joinedAt: z.date(),
    deactivatedAt: z.date().nullable().meta({
      description: 'when an admin deactivated the member (admins see them; others do not)',
    }),
    programs: z.array(programMembership),
    groupIds: z.array(z.uuid()),
  })
  .register(apiSchemas, { id: 'Member' });

const auditFilters = z.strictObject({
  actorId: uuidParam.optional().meta({ description: 'only what this person did' }),
  action: z
    .string()
    .regex(
      /^[a-z_]+(\.[a-z_]+)?$/,
      'must be an action like member.removed, or a family like member',
    )
    .optional(),
  subjectType: z
    .string()
    .regex(/^[a-z_]+$/, 'must be a subject type like user')
    .max(40)
    .optional(),
  subjectId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true, error: 'must be an ISO instant' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'must be an ISO instant' }).optional(),
});

const auditFiltersOf = ({ from, to, ...rest }: z.infer<typeof auditFilters>) => ({
  ...rest,
  ...(from ? { from: new Date(from) } : {}),
  ...(to ? { to: new Date(to) } : {}),
});

export const organisationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Organisations I belong to',
        response: { 200: z.object({ organisations: z.array(organisation) }), ...errorResponses },
      },
    },
    async (request) => ({ organisations: await listMyOrganisations(ctx, requireActor(request)) }),
  );

  app.post(
    '/api/orgs',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Start an organisation; I become its admin',
        body: z.strictObject({ name }),
        response: { 201: organisation, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganisation(ctx, requireActor(request), request.body.name)),
  );

  app.get(
    '/api/orgs/:orgId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'One organisation',
        params: orgParams,
        response: { 200: organisation, ...errorResponses },
      },
    },
    async (request) => requireOrganisation(ctx, requireActor(request), request.params.orgId),
  );

  app.patch(
    '/api/orgs/:orgId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename an organisation (admin)',
        params: orgParams,
        body: z.strictObject({ name }),
        response: { 200: organisation, ...errorResponses },
      },
    },
    async (request) =>
      renameOrganisation(ctx, requireActor(request), request.params.orgId, request.body.name),
  );

  app.get(
    '/api/orgs/:orgId/members',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary:
          'Members with their roles, programs and groups, by name; searched, mentors only, or a first page when asked',
        params: orgParams,
        querystring: z.strictObject({
          q: z
            .string()
            .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`)
            .optional()
            .meta({ description: 'words of names, skills or profile text; each a prefix' }),
          mentorsOnly: z
            .stringbool({
              truthy: ['true'],
              falsy: ['false'],
              case: 'sensitive',
              error: 'must be true or false',
            })
            .optional()
            .meta({ enum: ['true', 'false'] }),
          limit: z.coerce
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(1, 'must be between 1 and 500')
            .max(500, 'must be between 1 and 500')
            .optional()
            .meta({ description: 'at most this many, by name (all when omitted)' }),
          offset: z.coerce
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(0, 'must be 0 or more')
            .max(1_000_000, 'must be at most 1000000')
            .optional()
            .meta({ description: 'skip this many first (with limit: a page)' }),
          role: z.enum(orgRoles).optional(),
          programId: uuidParam.optional().meta({ description: 'only members of this program' }),
          programRole: z
            .enum(programRoles)
            .optional()
            .meta({ description: 'with programId: only its mentors, or only its mentees' }),
          groupId: uuidParam.optional().meta({ description: 'only members of this group' }),
          status: z
            .enum(['active', 'deactivated'])
            .optional()
            .meta({ description: 'only members taking part, or only those deactivated (admins)' }),
        }),
        response: {
          200: z.object({
            members: z.array(member),
            total: z.number().int().describe('how many members the filters find in all'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      listMembersPage(ctx, requireActor(request), request.params.orgId, request.query),
  );

  app.get(
    '/api/orgs/:orgId/members/:userId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "A member's profile and roles",
        params: memberParams,
        response: {
          200: z.object({
            profile,
            role: z.enum(orgRoles),
            programs: z.array(programMembership),
            groupIds: z.array(z.uuid()),
            requestKinds: z
              .array(z.enum(requestKinds))
              .describe(
                'The mentorship requests the viewer may send this member (the rule the server applies when one is sent)',
              ),
            canMessage: z
              .boolean()
              .describe(
                'Whether the viewer may write to this member directly (a shared program, or connected)',
              ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { orgId, userId } = request.params;
      const [found] = await listMembers(ctx, actor, orgId, { userId });
      if (!found) throw notFound('Member');
      const user = await requireVisibleUser(ctx, actor, userId);
      return {
        profile: toProfile(user),
        role: found.role,
        programs: found.programs,
        groupIds: found.groupIds,
        requestKinds: await requestKindsToward(ctx, actor, orgId, userId),
        canMessage: await mayMessageMember(ctx, actor, orgId, userId),
      };
    },
  );

  app.get(
    '/api/orgs/:orgId/exports/members.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Every member as CSV (name, email, role, programs, groups, time zone, location, joined), for spreadsheets',
        params: z.object({ orgId: uuidParam }),
      },
    },
    async (request, reply) => {
      const csv = await exportMembersCsv(ctx, requireActor(request), request.params.orgId);
      return sendCsv(reply, 'members.csv', csv);
    },
  );

  app.patch(
    '/api/orgs/:orgId/members/:userId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Change a member's organisation role (admin)",
        params: memberParams,
        body: z.strictObject({ role: z.enum(orgRoles), reason: optionalReason }),
        response: {
          200: z.object({ userId: z.uuid(), role: z.enum(orgRoles) }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      changeOrgRole(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.userId,
        request.body.role,
        request.body.reason,
      ),
  );

  app.post(
    '/api/orgs/:orgId/members/:userId/deactivate',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Deactivate a member (admin): no access or new bookings; their open requests are rejected and sessions to come cancelled, with the reason, refunds and notifications',
        params: memberParams,
        body: z.strictObject({ reason: z.string().trim().min(1, 'is required').max(500) }),
        response: {
          200: z.object({
            userId: z.uuid(),
            deactivatedAt: z.date(),
            bookingsRejected: z.number().int(),
            bookingsCancelled: z.number().int(),
            sessionsCancelled: z.number().int(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      deactivateMember(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.userId,
        request.body.reason,
      ),
  );

  app.post(
    '/api/orgs/:orgId/members/:userId/reactivate',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Reactivate a deactivated member (admin); what was closed stays closed',
        params: memberParams,
        body: z.strictObject({ reason: optionalReason }),
        response: {
          200: z.object({ userId: z.uuid(), deactivatedAt: z.null() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      reactivateMember(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.userId,
        request.body.reason,
      ),
  );

  app.delete(
    '/api/orgs/:orgId/members/:userId',
    {
      config: { access: 'self-or-admin' },
      schema: {
        tags,
        summary: 'Remove a member (admin), or leave (yourself)',
        params: memberParams,
        querystring: z.strictObject({ reason: optionalReason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeMember(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.userId,
        request.query.reason,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/orgs/:orgId/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Changes in the organisation, newest first: who, what, to whom, when, why (admin); filtered and paged',
        params: orgParams,
        querystring: auditFilters.extend({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number({ error: 'must be a number' }).int().min(1).optional().meta({
            description: 'only entries older than this id (nextBefore of the page before)',
          }),
        }),
        response: {
          200: z.object({
            events: z.array(
              z.object({
                id: z.number(),
                actorId: z.uuid().nullable(),
                actorName: z.string().nullable(),
                action: z.string(),
                subjectType: z.string(),
                subjectId: z.string(),
                subjectName: z
                  .string()
                  .nullable()
                  .describe('the person, program or group acted on, when it has a name'),
                at: z.date(),
                details: z.record(z.string(), z.unknown()),
              }),
            ),
            names: z
              .record(z.string(), z.string())
              .describe('names of the people, programs and groups the details mention, by id'),
            nextBefore: z.number().nullable().describe('ask with before= this for the next page'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit, before, ...filters } = request.query;
      return listOrgAuditEvents(ctx, requireActor(request), request.params.orgId, limit, {
        ...auditFiltersOf(filters),
        before,
      });
    },
  );

  app.get(
    '/api/orgs/:orgId/exports/audit.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The audit log as CSV (admin), with the same filters; at most 10,000 entries',
        params: orgParams,
        querystring: auditFilters,
      },
    },
    async (request, reply) => {
      const csv = await exportAuditCsv(
        ctx,
        requireActor(request),
        request.params.orgId,
        auditFiltersOf(request.query),
      );
      return sendCsv(reply, 'audit-log.csv', csv);
    },
  );
};
