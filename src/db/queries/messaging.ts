import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MessageRequestStatus } from '../../core/messaging.ts';
import type { Queryable } from '../client.ts';
import {
  bookings,
  connections,
  messageAttachments,
  messageRequests,
  messages,
  organisations,
  threadReads,
  threads,
  users,
} from '../schema.ts';
import { isOrgMember } from './organisations.ts';
import { outer } from './outer-column.ts';

export type ThreadRow = typeof threads.$inferSelect;
export type MessageRequestRow = typeof messageRequests.$inferSelect;

/**
 * A thread of the organisation in which the user takes part, while still a
 * member; null for anyone else. `lock` serialises senders in one thread.
 */
export async function getThreadOfParticipant(
  q: Queryable,
  orgId: string,
  threadId: string,
  userId: string,
  lock = false,
) {
  const query = q
    .select()
    .from(threads)
    .where(
      and(
        eq(threads.id, threadId),
        eq(threads.orgId, orgId),
        or(eq(threads.userA, userId), eq(threads.userB, userId)),
        isOrgMember(orgId, userId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function getThreadOfBooking(q: Queryable, bookingId: string) {
  const [row] = await q.select().from(threads).where(eq(threads.bookingId, bookingId));
  return row ?? null;
}

/** The direct thread of a pair (ids in order), made if missing. */
export async function ensureDirectThread(q: Queryable, orgId: string, a: string, b: string) {
  await q
    .insert(threads)
    .values({ orgId, kind: 'direct', userA: a, userB: b })
    .onConflictDoNothing();
  const [row] = await q
    .select()
    .from(threads)
    .where(
      and(
        eq(threads.orgId, orgId),
        eq(threads.kind, 'direct'),
        eq(threads.userA, a),
        eq(threads.userB, b),
      ),
    );
  return row!;
}

/**
 * The user's threads in the organisation, latest activity first: the other
 * person, the booking it belongs to, the last message, unread count and the
 * message request of a direct thread. With `onlyThreadId`, just that one
 * (if the user takes part in it).
 */
export async function listThreadsOf(
  q: Queryable,
  orgId: string,
  userId: string,
  onlyThreadId?: string,
) {
  const otherId = sql<string>`case when ${outer('threads', 'user_a')} = ${userId} then ${outer('threads', 'user_b')} else ${outer('threads', 'user_a')} end`;
  const threadId = outer('threads', 'id');
  return q
    .select({
      thread: threads,
      otherId,
      otherName: sql<string>`(select name from ${users} u where u.id = ${otherId})`,
      otherPhotoKey: sql<string | null>`(select photo_key from ${users} u where u.id = ${otherId})`,
      bookingStartsAt: bookings.startsAt,
      bookingStatus: bookings.status,
      lastMessage: sql<{
        body: string;
        senderId: string;
        createdAt: string;
        attachments: number;
      } | null>`(
        select json_build_object('body', m.body, 'senderId', m.sender_id, 'createdAt', m.created_at,
          'attachments', (select count(*) from ${messageAttachments} a where a.message_id = m.id))
        from ${messages} m where m.thread_id = ${threadId}
        order by m.created_at desc, m.seq desc limit 1)`,
      unread: sql<number>`(
        select count(*)::int from ${messages} m
        where m.thread_id = ${threadId} and m.sender_id <> ${userId}
          and m.seq > coalesce((select r.last_read_seq from ${threadReads} r
            where r.thread_id = ${threadId} and r.user_id = ${userId}), 0))`,
      request: sql<{ id: string; status: MessageRequestStatus; senderId: string } | null>`(
        select json_build_object('id', mr.id, 'status', mr.status, 'senderId', mr.sender_id)
        from ${messageRequests} mr where mr.thread_id = ${threadId}
        order by mr.created_at desc limit 1)`,
    })
    .from(threads)
    .leftJoin(bookings, eq(bookings.id, threads.bookingId))
    .where(
      and(
        eq(threads.orgId, orgId),
        or(eq(threads.userA, userId), eq(threads.userB, userId)),
        isOrgMember(orgId, userId),
        onlyThreadId ? eq(threads.id, onlyThreadId) : undefined,
      ),
    )
    .orderBy(desc(sql`coalesce(${threads.lastMessageAt}, ${threads.createdAt})`), desc(threads.id))
    .limit(500);
}

/**
 * Unread messages across the user's conversations in the organisation (the
 * Messages tab's badge); message requests waiting for the user's answer are
 * left out, as in the list.
 */
export async function countUnreadOf(q: Queryable, orgId: string, userId: string) {
  const rows = await q.execute<{ n: number }>(sql`
    select count(*)::int as n
    from ${messages} m join ${threads} t on t.id = m.thread_id
    where t.org_id = ${orgId} and (t.user_a = ${userId} or t.user_b = ${userId})
      and m.sender_id <> ${userId}
      and m.seq > coalesce((select r.last_read_seq from ${threadReads} r
        where r.thread_id = t.id and r.user_id = ${userId}), 0)
      and not exists (select 1 from ${messageRequests} mr
        where mr.thread_id = t.id and mr.status = 'pending' and mr.receiver_id = ${userId})`);
  return Number((rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

export type MessageWithFiles = typeof messages.$inferSelect & {
  attachments: { id: string; filename: string; mime: string; sizeBytes: number }[];
};

/** The latest messages of a thread (before a cursor), oldest first. */
export async function listMessages(
  q: Queryable,
  threadId: string,
  limit: number,
  before?: Date,
): Promise<MessageWithFiles[]> {
  const rows = await q
    .select({
      message: messages,
      attachments: sql<MessageWithFiles['attachments']>`coalesce((
        select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mime', a.mime, 'sizeBytes', a.size_bytes) order by a.created_at)
        from ${messageAttachments} a where a.message_id = ${outer('messages', 'id')}), '[]'::json)`,
    })
    .from(messages)
    .where(
      and(eq(messages.threadId, threadId), before ? lt(messages.createdAt, before) : undefined),
    )
    .orderBy(desc(messages.createdAt), desc(messages.seq))
    .limit(limit);
  return rows.reverse().map((r) => ({ ...r.message, attachments: r.attachments }));
}

export async function countMessagesBy(q: Queryable, threadId: string, senderId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.senderId, senderId)));
  return row?.n ?? 0;
}

/** A message with its files, and the thread's latest activity, written together. */
export async function insertMessage(
  q: Queryable,
  values: { id: string; threadId: string; senderId: string; body: string; createdAt: Date },
  files: { id: string; storageKey: string; filename: string; mime: string; sizeBytes: number }[],
) {
  const [row] = await q.insert(messages).values(values).returning();
  if (files.length > 0) {
    await q
      .insert(messageAttachments)
      .values(files.map((f) => ({ ...f, messageId: values.id, createdAt: values.createdAt })));
  }
  await q
    .update(threads)
    .set({ lastMessageAt: values.createdAt })
    .where(eq(threads.id, values.threadId));
  return row!;
}

/** Everything in the thread so far counts as read by this user. */
export async function markThreadRead(q: Queryable, threadId: string, userId: string, at: Date) {
  const latest = sql`(select coalesce(max(${messages.seq}), 0) from ${messages} where ${messages.threadId} = ${threadId})`;
  await q
    .insert(threadReads)
    .values({ threadId, userId, lastReadAt: at, lastReadSeq: latest })
    .onConflictDoUpdate({
      target: [threadReads.threadId, threadReads.userId],
      set: {
        lastReadAt: sql`greatest(${threadReads.lastReadAt}, excluded.last_read_at)`,
        lastReadSeq: sql`greatest(${threadReads.lastReadSeq}, excluded.last_read_seq)`,
      },
    });
}

export async function getLatestMessageRequest(q: Queryable, threadId: string) {
  const [row] = await q
    .select()
    .from(messageRequests)
    .where(eq(messageRequests.threadId, threadId))
    .orderBy(desc(messageRequests.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertMessageRequest(
  q: Queryable,
  values: typeof messageRequests.$inferInsert,
) {
  const [row] = await q.insert(messageRequests).values(values).returning();
  return row!;
}

export async function getMessageRequestForUpdate(q: Queryable, orgId: string, id: string) {
  const [row] = await q
    .select()
    .from(messageRequests)
    .where(and(eq(messageRequests.id, id), eq(messageRequests.orgId, orgId)))
    .for('update');
  return row ?? null;
}

export async function setMessageRequestStatus(
  q: Queryable,
  id: string,
  status: MessageRequestStatus,
  at: Date,
) {
  const [row] = await q
    .update(messageRequests)
    .set({ status, decidedAt: at })
    .where(eq(messageRequests.id, id))
    .returning();
  return row!;
}

/** Message requests a user received or sent in the organisation, with the first message. */
export async function listMessageRequestsOf(q: Queryable, orgId: string, userId: string) {
  const senderId = outer('message_requests', 'sender_id');
  return q
    .select({
      request: messageRequests,
      senderName: sql<string>`(select name from ${users} u where u.id = ${senderId})`,
      senderPhotoKey: sql<
        string | null
      >`(select photo_key from ${users} u where u.id = ${senderId})`,
      receiverName: sql<string>`(select name from ${users} u where u.id = ${outer('message_requests', 'receiver_id')})`,
      firstMessage: sql<string | null>`(select m.body from ${messages} m
        where m.thread_id = ${outer('message_requests', 'thread_id')} and m.sender_id = ${senderId}
          and m.created_at >= ${outer('message_requests', 'created_at')}
        order by m.created_at asc limit 1)`,
    })
    .from(messageRequests)
    .where(
      and(
        eq(messageRequests.orgId, orgId),
        or(eq(messageRequests.receiverId, userId), eq(messageRequests.senderId, userId)),
      ),
    )
    .orderBy(desc(messageRequests.createdAt))
    .limit(500);
}

export async function isConnected(q: Queryable, orgId: string, a: string, b: string) {
  const [row] = await q
    .select({ orgId: connections.orgId })
    .from(connections)
    .where(and(eq(connections.orgId, orgId), eq(connections.userA, a), eq(connections.userB, b)));
  return row !== undefined;
}

export async function insertConnection(q: Queryable, values: typeof connections.$inferInsert) {
  await q.insert(connections).values(values).onConflictDoNothing();
}

/** A user's connections in the organisation, by name. */
export async function listConnectionsOf(q: Queryable, orgId: string, userId: string) {
  const otherId = sql<string>`case when ${connections.userA} = ${userId} then ${connections.userB} else ${connections.userA} end`;
  // (in the join condition Drizzle qualifies columns, so no `outer` is needed there)
  return q
    .select({
      userId: users.id,
      name: users.name,
      photoKey: users.photoKey,
      timeZone: users.timeZone,
      since: connections.createdAt,
      threadId: sql<string | null>`(select t.id from ${threads} t where t.org_id = ${orgId}
        and t.kind = 'direct' and t.user_a = ${outer('connections', 'user_a')} and t.user_b = ${outer('connections', 'user_b')})`,
    })
    .from(connections)
    .innerJoin(users, eq(users.id, otherId))
    .where(
      and(
        eq(connections.orgId, orgId),
        or(eq(connections.userA, userId), eq(connections.userB, userId)),
      ),
    )
    .orderBy(asc(users.name));
}

/** An attachment, only for a participant of its thread who is still a member. */
export async function getAttachmentOfParticipant(
  q: Queryable,
  orgId: string,
  id: string,
  userId: string,
) {
  const [row] = await q
    .select({ attachment: messageAttachments })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .where(
      and(
        eq(messageAttachments.id, id),
        eq(threads.orgId, orgId),
        or(eq(threads.userA, userId), eq(threads.userB, userId)),
        isOrgMember(orgId, userId),
      ),
    );
  return row?.attachment ?? null;
}

/**
 * Messages to `userId` in a thread they have neither read nor been emailed,
 * oldest first (at most `limit`), with how many there are in all; the thread's
 * read row is locked so that two batches of one thread cannot both send them.
 */
export async function unemailedMessagesFor(
  q: Queryable,
  threadId: string,
  userId: string,
  limit: number,
) {
  await q
    .insert(threadReads)
    .values({ threadId, userId, lastReadAt: new Date(0), lastReadSeq: 0 })
    .onConflictDoNothing();
  const [read] = await q
    .select()
    .from(threadReads)
    .where(and(eq(threadReads.threadId, threadId), eq(threadReads.userId, userId)))
    .for('update');
  const after = Math.max(read?.lastReadSeq ?? 0, read?.emailedSeq ?? 0);
  const waiting = and(
    eq(messages.threadId, threadId),
    sql`${messages.senderId} <> ${userId}`,
    sql`${messages.seq} > ${after}`,
  );
  const rows = await q
    .select({
      seq: messages.seq,
      body: messages.body,
      createdAt: messages.createdAt,
      files: sql<number>`(select count(*)::int from ${messageAttachments} a where a.message_id = ${outer('messages', 'id')})`,
    })
    .from(messages)
    .where(waiting)
    .orderBy(asc(messages.seq))
    .limit(limit);
  const [all] = await q
    .select({ n: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${messages.seq}), 0)` })
    .from(messages)
    .where(waiting);
  return { messages: rows, total: all?.n ?? 0, lastSeq: Number(all?.last ?? 0) };
}

/** The thread's participant other than `userId`. */
const otherParticipant = (userId: string) =>
  sql`case when ${threads.userA} = ${userId} then ${threads.userB} else ${threads.userA} end`;

/** Who a thread's email goes to and is from, and the organisation, while the reader is a member. */
export async function threadEmailParties(q: Queryable, threadId: string, userId: string) {
  const other = alias(users, 'other');
  const [row] = await q
    .select({
      orgId: threads.orgId,
      orgName: organisations.name,
      reader: { id: users.id, name: users.name, email: users.email, timeZone: users.timeZone },
      otherName: other.name,
    })
    .from(threads)
    .innerJoin(organisations, eq(organisations.id, threads.orgId))
    .innerJoin(users, eq(users.id, userId))
    .innerJoin(other, sql`${other.id} = ${otherParticipant(userId)}`)
    .where(
      and(
        eq(threads.id, threadId),
        or(eq(threads.userA, userId), eq(threads.userB, userId)),
        isOrgMember(threads.orgId, userId),
      ),
    );
  return row ?? null;
}

/** Someone's conversations with messages they have neither read nor been emailed, per thread. */
export async function listUnemailedThreads(q: Queryable, userId: string) {
  const other = alias(users, 'other');
  const after = sql`greatest(coalesce(${threadReads.lastReadSeq}, 0), coalesce(${threadReads.emailedSeq}, 0))`;
  return q
    .select({
      threadId: threads.id,
      orgId: threads.orgId,
      otherName: other.name,
      count: sql<number>`count(${messages.id})::int`,
      lastSeq: sql<number>`max(${messages.seq})`,
    })
    .from(threads)
    .innerJoin(other, sql`${other.id} = ${otherParticipant(userId)}`)
    .leftJoin(
      threadReads,
      and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, userId)),
    )
    .innerJoin(
      messages,
      and(
        eq(messages.threadId, threads.id),
        sql`${messages.senderId} <> ${userId}`,
        sql`${messages.seq} > ${after}`,
      ),
    )
    .where(
      and(
        or(eq(threads.userA, userId), eq(threads.userB, userId)),
        isOrgMember(threads.orgId, userId),
      ),
    )
    .groupBy(threads.id, threads.orgId, other.name);
}

/** Messages up to `seq` were emailed to the user (or need not be); read row made if missing. */
export async function markThreadEmailed(
  q: Queryable,
  threadId: string,
  userId: string,
  seq: number,
) {
  await q
    .insert(threadReads)
    .values({ threadId, userId, lastReadAt: new Date(0), lastReadSeq: 0, emailedSeq: seq })
    .onConflictDoUpdate({
      target: [threadReads.threadId, threadReads.userId],
      set: { emailedSeq: sql`greatest(${threadReads.emailedSeq}, excluded.emailed_seq)` },
    });
}
