import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import {
  createSessionType,
  listMentorSessionTypes,
  listMySessionTypes,
  removeSessionType,
} from '../../services/manage-session-types.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, name, uuidParam } from '../schemas.ts';

const tags = ['bookings'];

const sessionType = z
  .object({
    id: z.uuid(),
    name: z.string(),
    durationMinutes: z.number(),
    price: z.object({ amountMinor: z.number(), currency: z.string() }).nullable(),
  })
  .register(apiSchemas, { id: 'SessionType' });

const present = (t: {
  id: string;
  name: string;
  durationMinutes: number;
  priceMinor: number;
  currency: string;
}) => ({
  id: t.id,
  name: t.name,
  durationMinutes: t.durationMinutes,
  price: t.priceMinor > 0 ? { amountMinor: t.priceMinor, currency: t.currency } : null,
});

const list = z.object({ sessionTypes: z.array(sessionType) });

export const sessionTypeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  app.get(
    '/api/me/session-types',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'The kinds of session I offer',
        response: { 200: list, ...errorResponses },
      },
    },
    async (request) => ({
      sessionTypes: (await listMySessionTypes(ctx, requireActor(request))).map(present),
    }),
  );

  app.post(
    '/api/me/session-types',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Offer a kind of session: a name, a length and an optional price in minor units (cents)',
        body: z.strictObject({
          name,
          durationMinutes: z
            .number()
            .int()
            .min(5)
            .max(24 * 60),
          priceMinor: z.number().int().min(0).max(10_000_000).default(0),
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
            .default('EUR'),
        }),
        response: { 201: sessionType, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(present(await createSessionType(ctx, requireActor(request), request.body))),
  );

  app.delete(
    '/api/me/session-types/:typeId',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Stop offering a kind of session (past bookings keep it)',
        params: z.object({ typeId: uuidParam }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeSessionType(ctx, requireActor(request), request.params.typeId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/orgs/:orgId/mentors/:mentorId/session-types',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'The kinds of session a mentor offers',
        params: z.object({ orgId: uuidParam, mentorId: uuidParam }),
        response: { 200: list, ...errorResponses },
      },
    },
    async (request) => {
      const { orgId, mentorId } = request.params;
      return {
        sessionTypes: (
          await listMentorSessionTypes(ctx, requireActor(request), orgId, mentorId)
        ).map(present),
      };
    },
  );
};
