import { nextDeliveryStep, RETRY_POLICY, type SendOutcome } from '../core/delivery.ts';
import { isSafety, kindInfo, kindOf } from '../core/notification-preferences.ts';
import { type OutboxTopic, outboxTopics } from '../core/topics.ts';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  failAbandonedDeliveries,
  recordDeliveryOutcome,
  storeDeliveryContent,
} from '../db/queries/deliveries.ts';
import { type EmailBooking, renderNotificationEmail } from '../emails/notification-email.tsx';
import type { Email } from '../integrations/email.ts';
import { bookingInvitation, sessionInvitation, storedInvitation } from './booking-calendar.ts';
import type { ServiceContext } from './context.ts';
import { unsubscribePage, unsubscribeUrl } from './unsubscribe-links.ts';

/**
 * Longer than a batch can take to send (nodemailer's timeouts bound each
 * message to well under a minute); when it runs out the sender is presumed dead.
 */
const LEASE_MS = 5 * 60_000;

type NotificationDelivery = ClaimedDelivery & {
  notification: NonNullable<ClaimedDelivery['notification']>;
};

/**
 * The booking a notification is about, if it is about one (a left join finds
 * none otherwise), or the published session it is about, read the same way.
 */
function bookingOf(n: NotificationDelivery['notification']): EmailBooking | null {
  const b = n.booking;
  if (b?.status && b.startsAt && b.endsAt) {
    return { ...b, status: b.status, startsAt: b.startsAt, endsAt: b.endsAt };
  }
  const s = n.session;
  if (s?.status && s.startsAt && s.endsAt) {
    return {
      status: s.status === 'published' ? 'approved' : s.status,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      meetingUrl: s.meetingUrl,
      otherName: s.mentorName,
    };
  }
  return null;
}

/** The email of a claimed delivery, written for its reader (src/emails). */
async function emailOf(ctx: ServiceContext, d: NotificationDelivery): Promise<Email> {
  const n = d.notification;
  // Every kind that can be switched off can be from the email itself (RFC 8058).
  const topic = (outboxTopics as readonly string[]).includes(n.topic)
    ? (n.topic as OutboxTopic)
    : null;
  const kind = topic && !isSafety(topic) ? kindOf(topic) : null;
  const unsubscribe = kind ? await unsubscribeUrl(ctx, n.userId, kind) : null;
  const content = await renderNotificationEmail({
    unsubscribe:
      unsubscribe && kind
        ? { url: unsubscribePage(unsubscribe), what: kindInfo[kind].emailWords }
        : null,
    topic: n.topic,
    title: n.title,
    body: n.body,
    recipient: { name: n.name, timeZone: n.timeZone },
    orgName: n.orgName,
    openUrl: n.link && ctx.publicUrl ? new URL(n.link, ctx.publicUrl).href : null,
    booking: bookingOf(n),
    eventStartsAt: n.eventStartsAt ? new Date(n.eventStartsAt) : null,
  });
  const icalEvent = bookingInvitation(n) ?? sessionInvitation(n);
  return {
    to: `${n.name} <${n.email}>`,
    ...content,
    messageId: d.messageId,
    ...(icalEvent ? { icalEvent } : {}),
    ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
  };
}

/**
 * The email of a delivery: written for its reader at the first claim (an
 * account email, when queued) and kept, so a retry sends (and the Mailbox
 * shows) the very same message.
 */
async function contentOf(ctx: ServiceContext, d: ClaimedDelivery): Promise<Email> {
  const n = d.notification;
  const to = n ? `${n.name} <${n.email}>` : (d.toAddress ?? '');
  if (d.subject !== null || !n) {
    const icalEvent = storedInvitation(d.calendar);
    return {
      to,
      subject: d.subject ?? '',
      text: d.bodyText ?? '',
      ...(d.bodyHtml ? { html: d.bodyHtml } : {}),
      messageId: d.messageId,
      ...(icalEvent ? { icalEvent } : {}),
      ...(d.unsubscribeUrl ? { unsubscribeUrl: d.unsubscribeUrl } : {}),
    };
  }
  const email = await emailOf(ctx, { ...d, notification: n });
  await storeDeliveryContent(ctx.db, d.id, {
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html ?? null,
    calendar: email.icalEvent?.content ?? null,
    unsubscribeUrl: email.unsubscribeUrl ?? null,
  });
  return email;
}

/**
 * Emails due notifications (seed 004: "You get an immediate email"), each on
 * its own: a batch is claimed with a lease and committed, every message is
 * sent outside any transaction, and each outcome is recorded in its own small
 * statement. A refused address fails that delivery only (listed for admins);
 * a server that answers "later" or cannot be reached makes it retry with
 * backoff. A crash mid-send leaves the lease to run out, and the message goes
 * again with the same Message-ID: at least once, never lost. Returns how many
 * were handled; throws SmtpUnreachableError (after recording) when the server
 * could not be reached, so callers stop draining and report it.
 */
export async function emailNotifications(ctx: ServiceContext, limit = 10): Promise<number> {
  const mailer = ctx.mailer;
  if (!mailer) return 0;
  await failAbandonedDeliveries(ctx.db, ctx.now(), RETRY_POLICY.maxAttempts);
  const claimed = await claimDueDeliveries(ctx.db, {
    channel: 'email',
    now: ctx.now(),
    leaseMs: LEASE_MS,
    limit,
    messageDomain: mailer.domain,
  });
  let down: string | null = null;
  for (const d of claimed) {
    // Once the server is down, the rest of the batch waits without each paying a timeout.
    const outcome: SendOutcome = down
      ? { ok: false, kind: 'unreachable', reason: down }
      : await mailer.send(await contentOf(ctx, d));
    if (!outcome.ok && outcome.kind === 'unreachable') down ??= outcome.reason;
    const step = nextDeliveryStep(d.attempts, outcome, ctx.now(), Math.random());
    await recordDeliveryOutcome(ctx.db, d.id, d.attempts, step, ctx.now());
  }
  // Recorded above; raised so the worker logs it and `confer jobs` exits non-zero.
  if (down)
    throw new SmtpUnreachableError(`SMTP server unreachable, mail will be retried: ${down}`);
  return claimed.length;
}

/** The mail server could not be reached; the batch's deliveries were put back to retry. */
export class SmtpUnreachableError extends Error {}
