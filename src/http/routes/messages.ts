import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, MAX_MESSAGE_LENGTH } from '../../core/messaging.ts';
import { listMyOrganisations } from '../../services/manage-organisations.ts';
import {
  answerMessageRequest,
  countMyUnread,
  listMyConnections,
  listMyMessageRequests,
  listMyThreads,
  markRead,
  messagePerson,
  openSessionThread,
  readAttachment,
  requireBookingThreadId,
  requireThread,
  sendMessage,
  type Upload,
} from '../../services/messaging.ts';
import type { RouteDeps } from '../app.ts';
import { requireActor } from '../auth.ts';
import type { LiveHub } from '../live-events.ts';
import { readFormData } from '../multipart.ts';
import { apiSchemas, errorResponses, instant, uuidParam } from '../schemas.ts';
import { parseInput } from '../validation.ts';

const tags = ['messages'];
const orgParams = z.object({ orgId: uuidParam });
const threadParams = orgParams.extend({ threadId: uuidParam });

const attachmentView = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mime: z.string(),
    sizeBytes: z.number(),
  })
  .register(apiSchemas, { id: 'Attachment' });
const messageView = z
  .object({
    id: z.uuid(),
    threadId: z.uuid(),
    senderId: z.uuid(),
    body: z.string(),
    createdAt: z.date(),
    attachments: z.array(attachmentView),
  })
  .register(apiSchemas, { id: 'Message' });
const requestState = z
  .object({ id: z.uuid(), status: z.enum(['pending', 'accepted', 'rejected']), senderId: z.uuid() })
  .nullable();
const threadSummary = z
  .object({
    id: z.uuid(),
    kind: z.enum(['booking', 'direct']),
    bookingId: z.uuid().nullable(),
    booking: z.object({ startsAt: z.date().nullable(), status: z.string().nullable() }).nullable(),
    other: z.object({ userId: z.uuid(), name: z.string(), photoUrl: z.string().nullable() }),
    lastMessage: z
      .object({
        body: z.string(),
        senderId: z.uuid(),
        createdAt: z.date(),
        attachments: z.number(),
      })
      .nullable(),
    unread: z.number(),
    request: requestState,
    lastActivityAt: z.date(),
  })
  .register(apiSchemas, { id: 'Thread' });
const messageRequestView = z
  .object({
    id: z.uuid(),
    threadId: z.uuid(),
    status: z.enum(['pending', 'accepted', 'rejected']),
    sender: z.object({ userId: z.uuid(), name: z.string(), photoUrl: z.string().nullable() }),
    receiver: z.object({ userId: z.uuid(), name: z.string() }),
    message: z.string(),
    createdAt: z.date(),
    decidedAt: z.date().nullable(),
  })
  .register(apiSchemas, { id: 'MessageRequest' });

const messageFields = z.strictObject({
  body: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`)
    .default(''),
});
const directFields = messageFields.extend({ toUserId: uuidParam });

/**
 * A message arrives as JSON (`{ body }`) or, with a file, as multipart form
 * data: text fields plus one file in the field `file` (paper-clip). Both are
 * checked as the validator checks declared bodies (NUL, then the schema).
 */
async function readMessage<T extends z.ZodType>(
  request: FastifyRequest,
  schema: T,
): Promise<{ fields: z.output<T>; files: Upload[] }> {
  if (!request.isMultipart()) return { fields: parseInput(schema, request.body ?? {}), files: [] };
  const form = await readFormData(request, {
    fileFields: ['file'],
    maxFileBytes: MAX_ATTACHMENT_BYTES,
  });
  const files = form.files.map(({ filename, bytes }) => ({ filename, bytes }));
  return { fields: parseInput(schema, form.fields), files };
}

export const messageRoutes: FastifyPluginAsyncZod<RouteDeps & { live: LiveHub }> = async (
  app,
  { ctx, storage, live },
) => {
  app.get(
    '/api/me/events',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Live events (server-sent events): `change`, `message`, `read`, `request` and `notification`, each naming which resources changed (`resources`, with `orgId` and ids such as `bookingId`, `threadId`, `mentorId`), never the data; fetch it through the API. `ready` (on connecting) and `resync` (the server missed events during a database outage): refetch everything shown',
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const orgs = await listMyOrganisations(ctx, actor);
      reply.hijack();
      live.attach(
        actor.userId,
        orgs.map((o) => o.id),
        reply.raw,
      );
    },
  );

  app.get(
    '/api/orgs/:orgId/threads',
    {
      config: { access: 'member', limit: { rule: 'messages', per: 'user' } },
      schema: {
        tags,
        summary:
          'My conversations: booking threads and direct ones, latest first, with unread counts',
        params: orgParams,
        response: { 200: z.object({ threads: z.array(threadSummary) }), ...errorResponses },
      },
    },
    async (request) => ({
      threads: await listMyThreads(ctx, requireActor(request), request.params.orgId),
    }),
  );

  app.get(
    '/api/orgs/:orgId/threads/unread',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'How many messages wait unread in my conversations',
        params: orgParams,
        response: { 200: z.object({ unread: z.number() }), ...errorResponses },
      },
    },
    async (request) => ({
      unread: await countMyUnread(ctx, requireActor(request), request.params.orgId),
    }),
  );

  app.post(
    '/api/orgs/:orgId/threads',
    {
      config: { access: 'member', limit: { rule: 'messages', per: 'user' } },
      schema: {
        tags,
        summary:
          'Write to someone directly (JSON `{ toUserId, body }` or multipart with a `file`). To someone who is not a connection this is a message request: one message until they accept.',
        params: orgParams,
        consumes: ['application/json', 'multipart/form-data'],
        response: {
          201: z.object({ threadId: z.uuid(), message: messageView }),
          ...errorResponses,
          413: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { fields, files } = await readMessage(request, directFields);
      const result = await messagePerson(
        ctx,
        storage,
        actor,
        request.params.orgId,
        fields.toUserId,
        { body: fields.body, files },
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/orgs/:orgId/threads/:threadId',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary: 'A conversation with its latest 200 messages (older ones with `before`)',
        params: threadParams,
        querystring: z.strictObject({ before: instant.optional() }),
        response: {
          200: z.object({
            thread: threadSummary.nullable(),
            threadId: z.uuid(),
            kind: z.enum(['booking', 'direct']),
            bookingId: z.uuid().nullable(),
            otherId: z.uuid(),
            connected: z.boolean(),
            request: requestState,
            messages: z.array(messageView),
            hasMore: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      requireThread(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.threadId,
        request.query.before,
      ),
  );

  app.post(
    '/api/orgs/:orgId/threads/:threadId/messages',
    {
      config: { access: 'party', limit: { rule: 'messages', per: 'user' } },
      schema: {
        tags,
        summary: `Send a message (JSON \`{ body }\`, at most ${MAX_MESSAGE_LENGTH} characters, or multipart with one \`file\` of at most 10 MB)`,
        params: threadParams,
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: messageView, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { fields, files } = await readMessage(request, messageFields);
      const message = await sendMessage(
        ctx,
        storage,
        actor,
        request.params.orgId,
        request.params.threadId,
        { body: fields.body, files },
      );
      return reply.code(201).send(message);
    },
  );

  app.post(
    '/api/orgs/:orgId/threads/:threadId/read',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary: 'Mark a conversation read up to now',
        params: threadParams,
        body: z.strictObject({}).optional(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await markRead(ctx, requireActor(request), request.params.orgId, request.params.threadId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/orgs/:orgId/sessions/:sessionId/thread',
    {
      config: { access: 'mentee' },
      schema: {
        tags,
        summary:
          'The conversation with the mentor of a session I was added to (our direct thread, opened without a message request)',
        params: orgParams.extend({ sessionId: uuidParam }),
        response: { 200: z.object({ threadId: z.uuid() }), ...errorResponses },
      },
    },
    async (request) => ({
      threadId: await openSessionThread(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.sessionId,
      ),
    }),
  );

  app.get(
    '/api/orgs/:orgId/bookings/:bookingId/thread',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary: "A booking's conversation (every booking has one)",
        params: orgParams.extend({ bookingId: uuidParam }),
        response: { 200: z.object({ threadId: z.uuid() }), ...errorResponses },
      },
    },
    async (request) => ({
      threadId: await requireBookingThreadId(
        ctx,
        requireActor(request),
        request.params.orgId,
        request.params.bookingId,
      ),
    }),
  );

  app.get(
    '/api/orgs/:orgId/attachments/:attachmentId',
    {
      config: { access: 'party' },
      schema: {
        tags,
        summary: 'Download an attachment (only for the two people in its conversation)',
        params: orgParams.extend({ attachmentId: uuidParam }),
      },
    },
    async (request, reply) => {
      const file = await readAttachment(
        ctx,
        storage,
        requireActor(request),
        request.params.orgId,
        request.params.attachmentId,
      );
      return reply
        .type(file.mime)
        .header(
          'content-disposition',
          `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.get(
    '/api/orgs/:orgId/message-requests',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Requests → Message requests: first messages from people who are not connections',
        params: orgParams,
        response: {
          200: z.object({
            received: z.array(messageRequestView),
            sent: z.array(messageRequestView),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listMyMessageRequests(ctx, requireActor(request), request.params.orgId),
  );

  for (const action of ['accept', 'reject'] as const) {
    app.post(
      `/api/orgs/:orgId/message-requests/:requestId/${action}`,
      {
        config: { access: 'party' },
        schema: {
          tags,
          summary:
            action === 'accept'
              ? 'Accept a message request: the two of you become connections'
              : 'Reject a message request: its sender cannot write again',
          params: orgParams.extend({ requestId: uuidParam }),
          body: z.strictObject({}).optional(),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await answerMessageRequest(
          ctx,
          requireActor(request),
          request.params.orgId,
          request.params.requestId,
          action,
        );
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/api/orgs/:orgId/connections',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'My connections: people I may message freely',
        params: orgParams,
        response: {
          200: z.object({
            connections: z.array(
              z.object({
                userId: z.uuid(),
                name: z.string(),
                timeZone: z.string(),
                photoUrl: z.string().nullable(),
                since: z.date(),
                threadId: z.uuid().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      connections: await listMyConnections(ctx, requireActor(request), request.params.orgId),
    }),
  );
};
