import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.ts';
import { insertWrittenEmail } from '../db/queries/deliveries.ts';
import { hasPendingJob, insertJob } from '../db/queries/jobs.ts';
import {
  markThreadEmailed,
  threadEmailParties,
  unemailedMessagesFor,
} from '../db/queries/messaging.ts';
import { emailChoiceOf } from '../db/queries/notification-preferences.ts';
import { renderMessagesEmail } from '../emails/messages-email.tsx';
import type { ServiceContext } from './context.ts';
import { scheduleDigest } from './daily-digest.ts';
import { unsubscribePage, unsubscribeUrl } from './unsubscribe-links.ts';

/*
 * Messages are emailed in batches (issue #11): the first message someone has
 * not read in a conversation starts a quiet period; at its end one email
 * carries every message still unread and not yet emailed. Read meanwhile,
 * nothing is sent. A durable job, so a restart loses no batch.
 */

export const MESSAGE_EMAIL_JOB = 'message.email';
/** How long a conversation may stay unread before its messages are emailed. */
export const MESSAGE_QUIET_MS = 10 * 60_000;
/** The most messages one email shows; the rest are counted. */
const SHOWN = 10;

/** In the transaction of a sent message: an email will follow unless one is already due. */
export async function scheduleMessageEmail(
  tx: Tx,
  ctx: ServiceContext,
  threadId: string,
  recipientId: string,
) {
  const payload = { threadId, userId: recipientId };
  // The sender holds the thread's lock, so two messages cannot both start a batch.
  if (await hasPendingJob(tx, MESSAGE_EMAIL_JOB, payload)) return;
  await insertJob(tx, {
    kind: MESSAGE_EMAIL_JOB,
    runAt: new Date(ctx.now().getTime() + MESSAGE_QUIET_MS),
    payload,
    dedupeKey: `message-email:${threadId}:${recipientId}:${randomUUID()}`,
  });
}

/** The job: one email of what is still unread, as the reader chose to get message emails. */
export async function emailUnreadMessages(
  tx: Tx,
  ctx: ServiceContext,
  payload: Record<string, string>,
) {
  const threadId = payload.threadId ?? '';
  const userId = payload.userId ?? '';
  const parties = await threadEmailParties(tx, threadId, userId);
  if (!parties || !ctx.mailer) return;
  const choice = await emailChoiceOf(tx, userId, 'messages');
  // The daily digest gathers them instead.
  if (choice === 'daily') return scheduleDigest(tx, ctx, userId);
  const unread = await unemailedMessagesFor(tx, threadId, userId, SHOWN);
  if (unread.total === 0) return;
  // Switched off: these count as dealt with, so turning email on later sends only new ones.
  if (choice !== 'off') {
    const link = `/o/${parties.orgId}/messages/${threadId}`;
    const unsubscribe = await unsubscribeUrl(ctx, userId, 'messages');
    const content = await renderMessagesEmail({
      recipient: { name: parties.reader.name, timeZone: parties.reader.timeZone },
      orgName: parties.orgName,
      fromName: parties.otherName,
      messages: unread.messages,
      total: unread.total,
      openUrl: ctx.publicUrl ? new URL(link, ctx.publicUrl).href : null,
      unsubscribePageUrl: unsubscribe && unsubscribePage(unsubscribe),
    });
    await insertWrittenEmail(
      tx,
      {
        userId,
        topic: 'message.new',
        title: content.subject.replace(`[${parties.orgName}] `, ''),
        body: unread.messages[0]?.body.slice(0, 200) ?? '',
        link,
        subject: content.subject,
        bodyText: content.text,
        bodyHtml: content.html,
        unsubscribeUrl: unsubscribe,
      },
      ctx.now(),
    );
  }
  await markThreadEmailed(tx, threadId, userId, unread.lastSeq);
}
