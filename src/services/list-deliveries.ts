import type { DeliveryStatus } from '../core/delivery.ts';
import { listOrgDeliveries } from '../db/queries/deliveries.ts';
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
  return rows.map(({ delivery: d, notification, recipient }) => ({
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
    notification,
    recipient,
  }));
}
