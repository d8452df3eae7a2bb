import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  MAX_REQUEST_MESSAGE,
  requestKinds,
  requestStatuses,
} from '../../core/mentorship-requests.ts';
import {
  answerMentorshipRequest,
  listMyMentorshipRequests,
  sendMentorshipRequest,
  suggestPerson,
} from '../../services/mentorship-requests.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, uuidParam } from '../schemas.ts';

const tags = ['mentorship requests'];
const orgParams = z.object({ orgId: uuidParam });
const requestParams = orgParams.extend({ requestId: uuidParam });

const requestView = z
  .object({
    id: z.uuid(),
    kind: z.enum(requestKinds),
    box: z.enum(['received', 'sent']),
    status: z.enum(requestStatuses).meta({
      description:
        'as this viewer sees it: a sender sees a dismissed request as pending (seed 001)',
    }),
    message: z.string(),
    programId: z.uuid(),
    programName: z.string().nullable(),
    other: z.object({
      userId: z.uuid(),
      name: z.string().nullable(),
      photoUrl: z.string().nullable(),
    }),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .register(apiSchemas, { id: 'MentorshipRequest' });

const rateLimited = { 429: errorResponses[400] };

export const mentorshipRequestRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/orgs/:orgId/mentorship-requests',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'My Mentorship Requests: Received and Sent',
        params: orgParams,
        response: {
          200: z.object({ received: z.array(requestView), sent: z.array(requestView) }),
          ...errorResponses,
        },
      },
    },
    async (request) => listMyMentorshipRequests(ctx, requireActor(request), request.params.orgId),
  );

  app.post(
    '/api/orgs/:orgId/mentorship-requests',
    {
      config: { access: 'mentor-or-mentee' },
      schema: {
        tags,
        summary:
          'Send an offer to mentor (as a mentor, to a mentee) or a session request (as a mentee, to a mentor)',
        params: orgParams,
        body: z.strictObject({
          kind: z.enum(requestKinds),
          toUserId: uuidParam,
          message: z.string().trim().max(MAX_REQUEST_MESSAGE).default(''),
        }),
        response: { 201: requestView, ...errorResponses, ...rateLimited },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      return reply
        .code(201)
        .send(await sendMentorshipRequest(ctx, requireActor(request), orgId, request.body));
    },
  );

  for (const action of ['dismiss', 'withdraw'] as const) {
    app.post(
      `/api/orgs/:orgId/mentorship-requests/:requestId/${action}`,
      {
        config: { access: 'party' },
        schema: {
          tags,
          summary:
            action === 'dismiss'
              ? 'Dismiss a request I received (the sender is not told; it can still be accepted later)'
              : 'Withdraw a request I sent',
          params: requestParams,
          body: z.strictObject({}).optional(),
          response: { 200: requestView, ...errorResponses },
        },
      },
      async (request) => {
        const { orgId, requestId } = request.params;
        return answerMentorshipRequest(ctx, requireActor(request), orgId, requestId, action);
      },
    );
  }

  app.post(
    '/api/orgs/:orgId/suggestions',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary:
          'Suggest a mentor to a mentee, or a mentee to a mentor: they get a notification linking to the profile',
        params: orgParams,
        body: z.strictObject({
          toUserId: uuidParam,
          suggestedUserId: uuidParam,
          note: z.string().trim().max(MAX_REQUEST_MESSAGE).default(''),
        }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await suggestPerson(ctx, requireActor(request), request.params.orgId, request.body);
      return reply.code(204).send(null);
    },
  );
};
