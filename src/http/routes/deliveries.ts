import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { deliveryChannels, deliveryStatuses } from '../../core/delivery.ts';
import { notFound } from '../../core/errors.ts';
import { listDeliveries, requireDelivery } from '../../services/list-deliveries.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import { apiSchemas, errorResponses, uuidParam } from '../schemas.ts';
import { emailPreviewContentSecurityPolicy } from '../security-headers.ts';

const tags = ['deliveries'];

const delivery = z
  .object({
    id: z.number(),
    channel: z.enum(deliveryChannels),
    status: z.enum(deliveryStatuses),
    attempts: z.number().meta({ description: 'sends started so far' }),
    lastError: z
      .string()
      .nullable()
      .meta({ description: "the mail server's answer to the last failed attempt" }),
    messageId: z.string().nullable().meta({ description: 'the Message-ID every attempt carries' }),
    nextAttemptAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    sentAt: z.date().nullable(),
    subject: z
      .string()
      .nullable()
      .meta({ description: 'the subject as sent; null until the first attempt writes the email' }),
    invitation: z
      .enum(['REQUEST', 'CANCEL'])
      .nullable()
      .meta({ description: 'the calendar invitation it carried (iTIP method), if any' }),
    notification: z.object({
      id: z.number(),
      topic: z.string(),
      title: z.string(),
      createdAt: z.date(),
    }),
    recipient: z.object({ userId: z.uuid(), name: z.string(), email: z.string() }),
  })
  .register(apiSchemas, { id: 'Delivery' });

const deliveredEmail = delivery
  .extend({
    text: z.string().nullable().meta({ description: 'the plain-text part as sent' }),
    html: z.string().nullable().meta({ description: 'the HTML part as sent' }),
    calendar: z.string().nullable().meta({
      description:
        'the calendar invitation (iTIP, METHOD:REQUEST or CANCEL) the email carried as its text/calendar part, if any',
    }),
  })
  .register(apiSchemas, { id: 'DeliveredEmail' });

const deliveryParams = z.object({ orgId: uuidParam, deliveryId: z.coerce.number().int().min(1) });

export const deliveryRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { ctx }) => {
  /** The email a Mailbox route names, for an admin of its organisation. */
  const emailOf = (request: FastifyRequest) => {
    const { orgId, deliveryId } = deliveryParams.parse(request.params);
    return requireDelivery(ctx, requireActor(request), orgId, deliveryId);
  };
  app.get(
    '/api/orgs/:orgId/deliveries',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          "Email deliveries of the organisation's notifications to its members, newest first (admins only); ?status=failed lists refused addresses with the server's answer",
        params: z.object({ orgId: uuidParam }),
        querystring: z.strictObject({
          status: z.enum(deliveryStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ deliveries: z.array(delivery) }), ...errorResponses },
      },
    },
    async (request) => ({
      deliveries: await listDeliveries(ctx, requireActor(request), request.params.orgId, {
        status: request.query.status,
        limit: request.query.limit,
      }),
    }),
  );

  app.get(
    '/api/orgs/:orgId/deliveries/:deliveryId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          "One email as its reader received it (subject, text and HTML parts) with its delivery status: the admins' Mailbox",
        params: deliveryParams,
        response: { 200: deliveredEmail, ...errorResponses },
      },
    },
    async (request) => emailOf(request),
  );

  app.get(
    '/api/orgs/:orgId/deliveries/:deliveryId/html',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          "The email's HTML part as a page to frame in the Mailbox (sandboxed: no scripts; its own inline styles)",
        params: deliveryParams,
      },
    },
    async (request, reply) => {
      const email = await emailOf(request);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', emailPreviewContentSecurityPolicy)
        .header('x-frame-options', 'SAMEORIGIN')
        .send(
          email.html ??
            '<p>This email has no HTML part yet: it is written at its first attempt.</p>',
        );
    },
  );

  app.get(
    '/api/orgs/:orgId/deliveries/:deliveryId/invite.ics',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The calendar invitation an email carried, as the .ics file its reader got',
        params: deliveryParams,
      },
    },
    async (request, reply) => {
      const email = await emailOf(request);
      if (!email.calendar) throw notFound('Calendar invitation');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="invite-${email.id}.ics"`)
        .send(email.calendar);
    },
  );
};
