import { listAuditEventsInOrg } from '../db/queries/audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';

/** An organisation's audit log, newest first: for its admins only. */
export async function listOrgAuditEvents(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  limit: number,
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  return listAuditEventsInOrg(ctx.db, orgId, limit);
}
