import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  createGroup,
  editGroup,
  listGroups,
  removeGroup,
  requireGroup,
  setGroupMembership,
} from '../../services/manage-groups.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, name, uuidParam } from '../schemas.ts';

const tags = ['groups'];
const orgParams = z.object({ orgId: uuidParam });
const groupParams = z.object({ orgId: uuidParam, groupId: uuidParam });
const groupMemberParams = groupParams.extend({ userId: uuidParam });

const groupInput = z.strictObject({ name, description: z.string().max(2000).default('') });
const group = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    name: z.string(),
    description: z.string(),
    createdAt: z.date(),
  })
  .register(apiSchemas, { id: 'Group' });

export const groupRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs/:orgId/groups',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Groups of the organisation',
        params: orgParams,
        response: {
          200: z.object({ groups: z.array(group.extend({ memberCount: z.number() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      groups: await listGroups(ctx, requireActor(request), request.params.orgId),
    }),
  );

  app.post(
    '/api/orgs/:orgId/groups',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create a group (admin)',
        params: orgParams,
        body: groupInput,
        response: { 201: group, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createGroup(ctx, requireActor(request), request.params.orgId, request.body)),
  );

  app.get(
    '/api/orgs/:orgId/groups/:groupId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'A group with its members',
        params: groupParams,
        response: {
          200: group.extend({ members: z.array(z.object({ userId: z.uuid(), name: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      requireGroup(ctx, requireActor(request), request.params.orgId, request.params.groupId),
  );

  app.patch(
    '/api/orgs/:orgId/groups/:groupId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename or describe a group (admin)',
        params: groupParams,
        body: groupInput.partial(),
        response: { 200: group, ...errorResponses },
      },
    },
    async (request) =>
      editGroup(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.groupId,
        request.body,
      ),
  );

  app.delete(
    '/api/orgs/:orgId/groups/:groupId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Delete a group (admin)',
        params: groupParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeGroup(ctx, requireActor(request), request.params.orgId, request.params.groupId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/orgs/:orgId/groups/:groupId/members/:userId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a member to the group (admin)',
        params: groupMemberParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, groupId, userId } = request.params;
      await setGroupMembership(ctx, requireActor(request), orgId, groupId, userId, true);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/orgs/:orgId/groups/:groupId/members/:userId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a member from the group (admin)',
        params: groupMemberParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, groupId, userId } = request.params;
      await setGroupMembership(ctx, requireActor(request), orgId, groupId, userId, false);
      return reply.code(204).send(null);
    },
  );
};
