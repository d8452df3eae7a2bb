import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, invalidField, notFound } from '../core/errors.ts';
import {
  decideDirectSend,
  decideMessageRequest,
  MAX_ATTACHMENT_BYTES,
  type MessageRequestAction,
  mayMessage,
  messageBodyProblem,
  orderedPair,
} from '../core/messaging.ts';
import { photoUrlFor } from '../core/photo-url.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { insertOutbox } from '../db/queries/bookings.ts';
import { announceChange } from '../db/queries/live-events.ts';
import { insertRequestEvent } from '../db/queries/mentorship-requests.ts';
import {
  countMessagesBy,
  countUnreadOf,
  ensureDirectThread,
  getAttachmentOfParticipant,
  getLatestMessageRequest,
  getMessageRequestForUpdate,
  getThreadOfBooking,
  getThreadOfParticipant,
  insertConnection,
  insertMessage,
  insertMessageRequest,
  isConnected,
  listConnectionsOf,
  listMessageRequestsOf,
  listMessages,
  listThreadsOf,
  markThreadRead,
  setMessageRequestStatus,
  type ThreadRow,
} from '../db/queries/messaging.ts';
import { getEnrolmentForUpdate } from '../db/queries/sessions.ts';
import type { FileStorage } from '../integrations/file-storage.ts';
import type { Actor, ServiceContext } from './context.ts';
import { loadPair, recordRequestStep, refuseRequestStep } from './mentorship-requests.ts';
import { scheduleMessageEmail } from './message-emails.ts';
import { requireOrgMember } from './org-access.ts';

export type Upload = { filename: string; bytes: Uint8Array };

const PAGE = 200;

const otherOf = (thread: ThreadRow, userId: string) =>
  thread.userA === userId ? thread.userB : thread.userA;

async function requireThreadOfParticipant(
  q: Tx | ServiceContext['db'],
  orgId: string,
  threadId: string,
  userId: string,
  lock = false,
) {
  const thread = await getThreadOfParticipant(q, orgId, threadId, userId, lock);
  if (!thread) throw notFound('Thread');
  return thread;
}

/**
 * What a file really is, from its bytes: a known signature, else UTF-8 text,
 * else opaque bytes. Never the client's claim.
 */
async function detectType(bytes: Uint8Array): Promise<string> {
  const type = await fileTypeFromBuffer(bytes);
  if (type) return type.mime;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.includes('\u0000')) return 'text/plain';
  } catch {
    // not UTF-8
  }
  return 'application/octet-stream';
}

/** A file name safe to show and to put in a header: no paths, no control characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'file';
}

async function storeFiles(storage: FileStorage, threadId: string, files: Upload[]) {
  const stored = [];
  for (const f of files) {
    if (f.bytes.length === 0) throw invalidField('file', 'is empty');
    if (f.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError('payload_too_large', 'A file must be at most 10 MB', {
        fields: { file: `is larger than ${MAX_ATTACHMENT_BYTES} bytes` },
      });
    }
    const id = randomUUID();
    const storageKey = `attachments/${threadId}/${id}`;
    await storage.put(storageKey, f.bytes);
    stored.push({
      id,
      storageKey,
      filename: cleanFilename(f.filename),
      mime: await detectType(f.bytes),
      sizeBytes: f.bytes.length,
    });
  }
  return stored;
}

/**
 * Sends a message into a thread the actor takes part in. In a direct thread
 * between people who are not connections, the first message is a message
 * request and nothing more may follow until it is accepted (seed 003).
 * Files are stored first and removed again if the message is refused.
 */
export async function sendMessage(
  ctx: ServiceContext,
  storage: FileStorage,
  actor: Actor,
  orgId: string,
  threadId: string,
  input: { body: string; files: Upload[] },
) {
  const problem = messageBodyProblem(input.body, input.files.length > 0);
  if (problem) throw invalidField('body.body', problem);
  // Cheap access check before writing any file.
  await requireThreadOfParticipant(ctx.db, orgId, threadId, actor.userId);
  const stored = await storeFiles(storage, threadId, input.files);
  try {
    return await ctx.db.transaction(async (tx) => {
      // Locked: two first messages at once cannot both pass the one-message rule.
      const thread = await requireThreadOfParticipant(tx, orgId, threadId, actor.userId, true);
      const otherId = otherOf(thread, actor.userId);
      const now = ctx.now();
      let opened: string | null = null;
      if (thread.kind === 'direct') {
        const [a, b] = orderedPair(actor.userId, otherId);
        const request = await getLatestMessageRequest(tx, thread.id);
        const decision = decideDirectSend(actor.userId, {
          connected: await isConnected(tx, orgId, a, b),
          request,
          sentByMe:
            request?.status === 'pending' ? await countMessagesBy(tx, thread.id, actor.userId) : 0,
        });
        if (!decision.ok) {
          throw new AppError('conflict', decision.message, { reason: decision.reason });
        }
        if (decision.opensRequest) {
          const row = await insertMessageRequest(tx, {
            orgId,
            threadId: thread.id,
            senderId: actor.userId,
            receiverId: otherId,
            createdAt: now,
          });
          await insertRequestEvent(tx, {
            requestType: 'message',
            requestId: row.id,
            actorId: actor.userId,
            action: 'send',
            fromStatus: null,
            toStatus: 'pending',
            at: now,
          });
          opened = row.id;
        }
      }
      const message = await insertMessage(
        tx,
        {
          id: randomUUID(),
          threadId: thread.id,
          senderId: actor.userId,
          body: input.body,
          createdAt: now,
        },
        stored,
      );
      await markThreadRead(tx, thread.id, actor.userId, now);
      // A message request is emailed as such; any other message joins the reader's next batch.
      if (!opened) await scheduleMessageEmail(tx, ctx, thread.id, otherId);
      if (opened) {
        await insertOutbox(
          tx,
          'message.request',
          {
            notify: [
              {
                userId: otherId,
                title: 'You have a new message request',
                body: input.body.slice(0, 200),
                link: `/o/${orgId}/requests?tab=messages`,
              },
            ],
          },
          { orgId, threadId: thread.id, userIds: [thread.userA, thread.userB] },
        );
      }
      await announceChange(tx, {
        type: 'message',
        resources: ['threads'],
        orgId,
        threadId: thread.id,
        messageId: message.id,
        userIds: [thread.userA, thread.userB],
      });
      return {
        ...message,
        attachments: stored.map(({ storageKey: _k, ...a }) => a),
        messageRequestId: opened,
      };
    });
  } catch (err) {
    await Promise.all(stored.map((f) => storage.remove(f.storageKey)));
    throw err;
  }
}

/**
 * Whether `meId` may write to `otherId` directly: a shared program (in a
 * matched program, one's match), or already connected. The one rule the
 * profile page asks and messagePerson enforces.
 */
async function reachability(q: Queryable, orgId: string, meId: string, otherId: string) {
  const { other, meStanding, otherStanding, pairs } = await loadPair(q, orgId, meId, otherId);
  const pair = orderedPair(meId, otherId);
  const reachable =
    mayMessage(meStanding, otherStanding, pairs) || (await isConnected(q, orgId, ...pair));
  return { other, pair, reachable };
}

/** Whether the actor may write to this member directly, so a page offers it only then. */
export async function mayMessageMember(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  otherId: string,
): Promise<boolean> {
  if (otherId === actor.userId) return false;
  return (await reachability(ctx.db, orgId, actor.userId, otherId)).reachable;
}

/**
 * Writes to someone directly: finds or makes the pair's thread and sends the
 * message into it. Only to people one may reach (a shared program; in a
 * matched program, one's match) unless already connected.
 */
export async function messagePerson(
  ctx: ServiceContext,
  storage: FileStorage,
  actor: Actor,
  orgId: string,
  toUserId: string,
  input: { body: string; files: Upload[] },
) {
  if (toUserId === actor.userId) throw invalidField('body.toUserId', 'is you');
  const { other, pair, reachable } = await reachability(ctx.db, orgId, actor.userId, toUserId);
  if (!reachable) {
    throw new AppError('forbidden', `You do not share a program with ${other.name}`, {
      reason: 'not_reachable',
    });
  }
  const thread = await ensureDirectThread(ctx.db, orgId, ...pair);
  const message = await sendMessage(ctx, storage, actor, orgId, thread.id, input);
  return { threadId: thread.id, message };
}

/** The Messaging tab: my threads with the other person, last message and unread count. */
export async function listMyThreads(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  return (await listThreadsOf(ctx.db, orgId, actor.userId)).map(summarise).filter(
    // A message request I have not answered lives under Requests → Message requests.
    (t) => !(t.request?.status === 'pending' && t.request.senderId !== actor.userId),
  );
}

function summarise(r: Awaited<ReturnType<typeof listThreadsOf>>[number]) {
  return {
    id: r.thread.id,
    kind: r.thread.kind,
    bookingId: r.thread.bookingId,
    booking: r.thread.bookingId ? { startsAt: r.bookingStartsAt, status: r.bookingStatus } : null,
    other: {
      userId: r.otherId,
      name: r.otherName,
      photoUrl: photoUrlFor(r.otherId, r.otherPhotoKey),
    },
    lastMessage: r.lastMessage
      ? { ...r.lastMessage, createdAt: new Date(r.lastMessage.createdAt) }
      : null,
    unread: r.unread,
    request: r.request,
    lastActivityAt: r.thread.lastMessageAt ?? r.thread.createdAt,
  };
}

/** How many messages wait unread in my conversations (the tab's badge). */
export async function countMyUnread(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  return countUnreadOf(ctx.db, orgId, actor.userId);
}

/** One thread with its latest messages (or those before a cursor). */
export async function requireThread(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  threadId: string,
  before?: Date,
) {
  const [row] = await listThreadsOf(ctx.db, orgId, actor.userId, threadId);
  if (!row) throw notFound('Thread');
  const summary = summarise(row);
  const items = await listMessages(ctx.db, threadId, PAGE, before);
  const [a, b] = orderedPair(row.thread.userA, row.thread.userB);
  const connected = row.thread.kind === 'direct' ? await isConnected(ctx.db, orgId, a, b) : false;
  return {
    thread: summary,
    threadId,
    kind: summary.kind,
    bookingId: summary.bookingId,
    otherId: summary.other.userId,
    connected,
    request: summary.request,
    messages: items,
    hasMore: items.length === PAGE,
  };
}

/**
 * The conversation of a mentee added to a session with its mentor: their
 * direct thread, made if need be. Being put in a session together connects
 * them, so it opens without a message request.
 */
export async function openSessionThread(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  sessionId: string,
) {
  return ctx.db.transaction(async (tx) => {
    const row = await getEnrolmentForUpdate(tx, orgId, sessionId, actor.userId);
    if (!row) throw notFound('Session');
    const [a, b] = orderedPair(actor.userId, row.session.mentorId);
    await insertConnection(tx, { orgId, userA: a, userB: b, createdAt: ctx.now() });
    const thread = await ensureDirectThread(tx, orgId, a, b);
    return thread.id;
  });
}

/** The thread of a booking (every booking has one), for its participants. */
export async function requireBookingThreadId(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  bookingId: string,
) {
  const thread = await getThreadOfBooking(ctx.db, bookingId);
  if (!thread) throw notFound('Thread');
  await requireThreadOfParticipant(ctx.db, orgId, thread.id, actor.userId);
  return thread.id;
}

export async function markRead(ctx: ServiceContext, actor: Actor, orgId: string, threadId: string) {
  const thread = await requireThreadOfParticipant(ctx.db, orgId, threadId, actor.userId);
  await markThreadRead(ctx.db, thread.id, actor.userId, ctx.now());
  await announceChange(ctx.db, {
    type: 'read',
    resources: ['threads'],
    orgId,
    threadId: thread.id,
    userIds: [actor.userId],
  });
}

/** An attachment's bytes, only for the thread's participants. */
export async function readAttachment(
  ctx: ServiceContext,
  storage: FileStorage,
  actor: Actor,
  orgId: string,
  id: string,
) {
  const row = await getAttachmentOfParticipant(ctx.db, orgId, id, actor.userId);
  const bytes = row ? await storage.get(row.storageKey) : null;
  if (!row || !bytes) throw notFound('Attachment');
  return { ...row, bytes };
}

/** Requests → Message requests: received ones waiting for me, and those I sent. */
export async function listMyMessageRequests(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  const rows = await listMessageRequestsOf(ctx.db, orgId, actor.userId);
  const view = (r: (typeof rows)[number]) => ({
    id: r.request.id,
    threadId: r.request.threadId,
    status: r.request.status,
    sender: {
      userId: r.request.senderId,
      name: r.senderName,
      photoUrl: photoUrlFor(r.request.senderId, r.senderPhotoKey),
    },
    receiver: { userId: r.request.receiverId, name: r.receiverName },
    message: r.firstMessage ?? '',
    createdAt: r.request.createdAt,
    decidedAt: r.request.decidedAt,
  });
  return {
    received: rows.filter((r) => r.request.receiverId === actor.userId).map(view),
    sent: rows.filter((r) => r.request.senderId === actor.userId).map(view),
  };
}

/** The receiver accepts (both become connections) or rejects a message request. */
export async function answerMessageRequest(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  action: MessageRequestAction,
) {
  return ctx.db.transaction(async (tx) => {
    const row = await getMessageRequestForUpdate(tx, orgId, id);
    if (!row || (row.receiverId !== actor.userId && row.senderId !== actor.userId)) {
      throw notFound('Message request');
    }
    const decision = decideMessageRequest(row.status, action, row.receiverId === actor.userId);
    if (!decision.ok) refuseRequestStep(decision);
    const now = ctx.now();
    const updated = await setMessageRequestStatus(tx, id, decision.to, now);
    await recordRequestStep(tx, 'message', row, actor.userId, action, decision.to, now);
    if (decision.to === 'accepted') {
      const [userA, userB] = orderedPair(row.senderId, row.receiverId);
      await insertConnection(tx, { orgId, userA, userB, messageRequestId: id, createdAt: now });
      await insertOutbox(
        tx,
        'message.request_accepted',
        {
          notify: [
            {
              userId: row.senderId,
              title: 'Your message request was accepted: you are now connected',
              link: `/o/${orgId}/messages/${row.threadId}`,
            },
          ],
        },
        { orgId, threadId: row.threadId, userIds: [row.senderId, row.receiverId] },
      );
    }
    await announceChange(tx, {
      type: 'request',
      resources: ['message-requests', 'connections', 'threads'],
      orgId,
      threadId: row.threadId,
      userIds: [row.senderId, row.receiverId],
    });
    return updated;
  });
}

/** My connections in the organisation. */
export async function listMyConnections(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  const rows = await listConnectionsOf(ctx.db, orgId, actor.userId);
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    timeZone: r.timeZone,
    photoUrl: photoUrlFor(r.userId, r.photoKey),
    since: r.since,
    threadId: r.threadId,
  }));
}
