import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DeliveryChannel, DeliveryStatus, NextStep } from '../../core/delivery.ts';
import type { Queryable } from '../client.ts';
import {
  bookingEvents,
  bookings,
  deliveries,
  mentoringSessions,
  notifications,
  organisations,
  orgMembers,
  outbox,
  users,
} from '../schema.ts';

export type DeliveryRow = typeof deliveries.$inferSelect;

/** Queues one delivery per notification on `channel` (once: the unique key settles repeats). */
export async function insertDeliveries(
  q: Queryable,
  notificationIds: number[],
  channel: DeliveryChannel,
  now: Date,
) {
  if (notificationIds.length === 0) return;
  await q
    .insert(deliveries)
    .values(
      notificationIds.map((notificationId) => ({
        notificationId,
        channel,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Queues an account email (a password reset): no in-app notification, so it
 * never shows in the bell; written whole now, sent and retried like the rest.
 */
export async function insertAccountEmail(
  q: Queryable,
  to: string,
  content: { subject: string; text: string; html: string | null },
  now: Date,
) {
  await q.insert(deliveries).values({
    toAddress: to,
    subject: content.subject,
    bodyText: content.text,
    bodyHtml: content.html,
    channel: 'email',
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * An email written whole now that is about an organisation but shows in no
 * bell (a batch of messages, a daily digest): a notification kept out of the
 * app (so the Mailbox lists it under the organisation) and its delivery.
 */
export async function insertWrittenEmail(
  q: Queryable,
  email: {
    userId: string;
    topic: string;
    title: string;
    body: string;
    link: string;
    subject: string;
    bodyText: string;
    bodyHtml: string;
    unsubscribeUrl: string | null;
  },
  now: Date,
) {
  const [made] = await q
    .insert(notifications)
    .values({
      userId: email.userId,
      topic: email.topic,
      title: email.title,
      body: email.body,
      link: email.link,
      inApp: false,
      createdAt: now,
    })
    .returning({ id: notifications.id });
  await q.insert(deliveries).values({
    notificationId: made!.id,
    channel: 'email',
    subject: email.subject,
    bodyText: email.bodyText,
    bodyHtml: email.bodyHtml,
    unsubscribeUrl: email.unsubscribeUrl,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Claims due deliveries in one statement (its own transaction): queued or
 * retrying ones whose time has come, and sending ones whose lease ran out
 * because their sender died. Each gets a lease, one more attempt and — the
 * first time — its Message-ID, all committed before anything is sent, so a
 * retry after a crash carries the same Message-ID. SKIP LOCKED: instances
 * claiming at once take different rows.
 */
export async function claimDueDeliveries(
  q: Queryable,
  opts: {
    channel: DeliveryChannel;
    now: Date;
    leaseMs: number;
    limit: number;
    messageDomain: string;
  },
) {
  const { now } = opts;
  const due = q
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.channel, opts.channel),
        or(
          and(
            inArray(deliveries.status, ['queued', 'retrying']),
            lte(deliveries.nextAttemptAt, now),
          ),
          and(eq(deliveries.status, 'sending'), lte(deliveries.leaseUntil, now)),
        ),
      ),
    )
    .orderBy(deliveries.nextAttemptAt, deliveries.id)
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  const claimed = await q
    .update(deliveries)
    .set({
      status: 'sending',
      attempts: sql`${deliveries.attempts} + 1`,
      leaseUntil: new Date(now.getTime() + opts.leaseMs),
      updatedAt: now,
      messageId: sql`coalesce(${deliveries.messageId}, '<' || gen_random_uuid()::text || ${`@${opts.messageDomain}>`})`,
    })
    .where(inArray(deliveries.id, due))
    .returning({
      id: deliveries.id,
      attempts: deliveries.attempts,
      messageId: deliveries.messageId,
      notificationId: deliveries.notificationId,
      toAddress: deliveries.toAddress,
      subject: deliveries.subject,
      bodyText: deliveries.bodyText,
      bodyHtml: deliveries.bodyHtml,
      calendar: deliveries.calendar,
      unsubscribeUrl: deliveries.unsubscribeUrl,
    });
  const ofNotifications = claimed.flatMap((c) =>
    c.notificationId === null ? [] : [c.notificationId],
  );
  const details = ofNotifications.length === 0 ? [] : await notificationDetails(q, ofNotifications);
  const byId = new Map(details.map((d) => [d.id, d]));
  return claimed.flatMap((c) => {
    // An account email carries its recipient and content itself.
    const n = c.notificationId === null ? null : byId.get(c.notificationId);
    if (n === undefined) return [];
    return [{ ...c, messageId: c.messageId ?? '', notification: n }];
  });
}

/** What the email of each notification is about: its reader, booking and organisation. */
function notificationDetails(q: Queryable, ids: number[]) {
  const other = alias(users, 'other');
  const sessionMentor = alias(users, 'session_mentor');
  const sessionOrg = alias(organisations, 'session_org');
  const approval = alias(bookingEvents, 'approval');
  const later = alias(bookingEvents, 'later');
  /** the booking's first approval: before it the booking was in no calendar */
  const approvalId = q
    .select({ id: sql`min(${approval.id})` })
    .from(approval)
    .where(and(eq(approval.bookingId, bookings.id), eq(approval.toStatus, 'approved')));
  return q
    .select({
      id: notifications.id,
      topic: notifications.topic,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      userId: users.id,
      email: users.email,
      name: users.name,
      timeZone: users.timeZone,
      /** the event's own times (a suggested time), else the booking's */
      eventStartsAt: sql<string | null>`${outbox.payload}->>'startsAt'`,
      booking: {
        status: bookings.status,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        meetingUrl: bookings.meetingUrl,
        otherName: other.name,
        id: bookings.id,
        mentorId: bookings.mentorId,
        message: bookings.message,
        otherEmail: other.email,
        wasApproved: sql<boolean>`(${approvalId}) is not null`,
        /**
         * The invitation's SEQUENCE (decision 0019): how many steps the
         * booking took since its approval. Each step is one booking_events
         * row, written in the statement of the change, so it only grows.
         */
        calendarSequence: sql<number>`(${q
          .select({ n: sql`count(*)::int` })
          .from(later)
          .where(and(eq(later.bookingId, bookings.id), sql`${later.id} > (${approvalId})`))})`,
      },
      /** a published session the reader was added to directly, when the notification is about one */
      session: {
        id: mentoringSessions.id,
        title: mentoringSessions.title,
        status: mentoringSessions.status,
        startsAt: mentoringSessions.startsAt,
        endsAt: mentoringSessions.endsAt,
        meetingUrl: mentoringSessions.meetingUrl,
        location: mentoringSessions.location,
        sequence: mentoringSessions.calendarSequence,
        wasPublished: sql<boolean>`coalesce((${outbox.payload}->>'wasPublished')::boolean, true)`,
        mentorId: sessionMentor.id,
        mentorName: sessionMentor.name,
        mentorEmail: sessionMentor.email,
      },
      orgName: sql<string | null>`coalesce(${organisations.name}, ${sessionOrg.name})`,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(outbox, eq(outbox.id, notifications.outboxId))
    .leftJoin(bookings, sql`${bookings.id}::text = ${outbox.payload}->>'bookingId'`)
    .leftJoin(
      other,
      sql`${other.id} = case when ${bookings.mentorId} = ${notifications.userId} then ${bookings.menteeId} else ${bookings.mentorId} end`,
    )
    .leftJoin(organisations, eq(organisations.id, bookings.orgId))
    .leftJoin(
      mentoringSessions,
      sql`${mentoringSessions.id}::text = ${outbox.payload}->>'sessionId' and ${outbox.topic} in ('session.scheduled', 'session.cancelled', 'session.left')`,
    )
    .leftJoin(sessionMentor, eq(sessionMentor.id, mentoringSessions.mentorId))
    .leftJoin(sessionOrg, eq(sessionOrg.id, mentoringSessions.orgId))
    .where(inArray(notifications.id, ids));
}

/** Keeps the email as first written, so every retry (and the Mailbox) shows the same message. */
export async function storeDeliveryContent(
  q: Queryable,
  id: number,
  content: {
    subject: string;
    bodyText: string;
    bodyHtml: string | null;
    calendar: string | null;
    unsubscribeUrl: string | null;
  },
) {
  await q
    .update(deliveries)
    .set(content)
    .where(and(eq(deliveries.id, id), sql`${deliveries.subject} is null`));
}

export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/**
 * Records how the `attempts`-th send of a delivery went. Only while that very
 * claim still holds it: when the lease ran out and another sender took over,
 * this (late) answer is dropped and theirs counts. Returns whether it was recorded.
 */
export async function recordDeliveryOutcome(
  q: Queryable,
  id: number,
  attempts: number,
  step: NextStep,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(deliveries)
    .set({
      status: step.status,
      leaseUntil: null,
      updatedAt: now,
      ...(step.status === 'sent' ? { sentAt: now } : { lastError: step.lastError }),
      ...(step.status === 'retrying' ? { nextAttemptAt: step.nextAttemptAt } : {}),
    })
    .where(
      and(
        eq(deliveries.id, id),
        eq(deliveries.status, 'sending'),
        eq(deliveries.attempts, attempts),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

/**
 * Deliveries whose sender died on their last allowed attempt (the lease ran
 * out): failed, rather than claimed again forever by a message that crashes us.
 */
export async function failAbandonedDeliveries(q: Queryable, now: Date, maxAttempts: number) {
  await q
    .update(deliveries)
    .set({
      status: 'failed',
      leaseUntil: null,
      updatedAt: now,
      lastError: sql`'sender stopped during the last attempt; last answer: ' || coalesce(${deliveries.lastError}, 'none')`,
    })
    .where(
      and(
        eq(deliveries.status, 'sending'),
        lte(deliveries.leaseUntil, now),
        sql`${deliveries.attempts} >= ${maxAttempts}`,
      ),
    );
}

/**
 * Deliveries of an organisation's notifications to its members, newest
 * first. A person may belong to several organisations: only notifications
 * about this one (their links live under /o/<orgId>/) are listed, so an admin
 * never sees another organisation's news.
 */
export async function listOrgDeliveries(
  q: Queryable,
  orgId: string,
  opts: { status: DeliveryStatus | undefined; limit: number; onlyId?: number },
) {
  return q
    .select({
      delivery: deliveries,
      notification: {
        id: notifications.id,
        topic: notifications.topic,
        title: notifications.title,
        createdAt: notifications.createdAt,
      },
      recipient: { userId: users.id, name: users.name, email: users.email },
    })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(
      orgMembers,
      and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, notifications.userId)),
    )
    .where(
      and(
        opts.status ? eq(deliveries.status, opts.status) : undefined,
        opts.onlyId !== undefined ? eq(deliveries.id, opts.onlyId) : undefined,
        sql`${notifications.link} like ${`/o/${orgId}/%`}`,
      ),
    )
    .orderBy(desc(deliveries.id))
    .limit(opts.limit);
}
