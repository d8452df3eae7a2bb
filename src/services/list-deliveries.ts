import type { DeliveryStatus } from '../core/delivery.ts';
import { notFound } from '../core/errors.ts';
import { listOrgDeliveries } from '../db/queries/deliveries.ts';
import { storedInvitation } from './booking-calendar.ts';

type DeliveryRow = Awaited<ReturnType<typeof listOrgDeliveries>>[number];

import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';

/**
 * The organisation's email deliveries for its admins, newest first — with
 * `failed`, the addresses that refused mail and what the server answered.
 */
export async function listDeliveries(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  opts: { status?: DeliveryStatus | undefined; limit: number },
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const rows = await listOrgDeliveries(ctx.db, orgId, { status: opts.status, limit: opts.limit });
  return rows.map(present);
}

/**
 * One email of the organisation as its reader received it (or will: a
 * queued one is written at its first attempt), for the admins' Mailbox.
 */
export async function requireDelivery(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: number,
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const [row] = await listOrgDeliveries(ctx.db, orgId, { status: undefined, limit: 1, onlyId: id });
  if (!row) throw notFound('Delivery');
  return {
    ...present(row),
    text: row.delivery.bodyText,
    html: row.delivery.bodyHtml,
    calendar: row.delivery.calendar,
  };
}

function present({ delivery: d, notification, recipient }: DeliveryRow) {
  return {
    id: d.id,
    channel: d.channel,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    messageId: d.messageId,
    nextAttemptAt: d.status === 'queued' || d.status === 'retrying' ? d.nextAttemptAt : null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    sentAt: d.sentAt,
    subject: d.subject,
    // The calendar invitation it carried, by its method, for the Mailbox to offer.
    invitation: storedInvitation(d.calendar)?.method ?? null,
    notification,
    recipient,
  };
}
