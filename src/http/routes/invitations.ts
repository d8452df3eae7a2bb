import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { orgRoles, programRoles } from '../../core/roles.ts';
import { acceptInvitation, previewInvitation } from '../../services/accept-invitation.ts';
import {
  cancelInvitation,
  invitationUrl,
  inviteMember,
  listInvitations,
} from '../../services/invite-member.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { publicOrigin } from '../public-url.ts';
import { apiSchemas, email, errorResponses, uuidParam } from '../schemas.ts';

const tags = ['invitations'];
const orgParams = z.object({ orgId: uuidParam });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

const invitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(orgRoles),
    programId: z.uuid().nullable(),
    programRole: z.enum(programRoles).nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
    acceptedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .register(apiSchemas, { id: 'Invitation' });

export const invitationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx, config }) => {
  app.get(
    '/api/orgs/:orgId/invitations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Invitations sent by the organisation (admin)',
        params: orgParams,
        response: {
          200: z.object({
            invitations: z.array(invitation.extend({ invitedByName: z.string().nullable() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      invitations: await listInvitations(ctx, requireActor(request), request.params.orgId),
    }),
  );

  app.post(
    '/api/orgs/:orgId/invitations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Invite someone (admin): the link is emailed to them, and returned to share another way',
        params: orgParams,
        body: z.strictObject({
          email,
          role: z.enum(orgRoles).default('member'),
          programId: uuidParam.optional(),
          programRole: z.enum(programRoles).optional(),
        }),
        response: { 201: z.object({ invitation, url: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const origin = publicOrigin(app, config);
      const { invitation: created, token } = await inviteMember(
        ctx,
        requireActor(request),
        request.params.orgId,
        { ...request.body, origin },
      );
      return reply.code(201).send({ invitation: created, url: invitationUrl(token, origin) });
    },
  );

  app.delete(
    '/api/orgs/:orgId/invitations/:invitationId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Revoke a pending invitation (admin)',
        params: orgParams.extend({ invitationId: uuidParam }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await cancelInvitation(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.invitationId,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link offers (no sign-in needed)',
        params: tokenParams,
        response: {
          200: z.object({
            orgId: z.uuid(),
            orgName: z.string(),
            email: z.string(),
            role: z.enum(orgRoles),
            programName: z.string().nullable(),
            programRole: z.enum(programRoles).nullable(),
            status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
            expiresAt: z.date(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => previewInvitation(ctx, request.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Accept an invitation as the signed-in user',
        params: tokenParams,
        response: { 200: z.object({ orgId: z.uuid(), orgName: z.string() }), ...errorResponses },
      },
    },
    async (request) => acceptInvitation(ctx, requireActor(request), request.params.token),
  );
};
