import { type AuditFilters, listAuditEventsInOrg, namesInOrg } from '../db/queries/audit.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

/**
 * A page of an organisation's audit log, newest first, filtered by actor,
 * action (or family), subject and time: for its admins only. `nextBefore`
 * asks for the page after, when there may be one.
 */
export async function listOrgAuditEvents(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  limit: number,
  filters: AuditFilters = {},
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const events = await listAuditEventsInOrg(ctx.db, orgId, limit, filters);
  const last = events.at(-1);
  const mentioned = new Set<string>();
  for (const e of events) collectIds(e.details, mentioned);
  return {
    events,
    names: await namesInOrg(ctx.db, orgId, [...mentioned].slice(0, MAX_NAMED)),
    nextBefore: events.length === limit && last ? last.id : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most ids one page names. */
const MAX_NAMED = 1_000;

/** Every id-looking string in a details value, however nested. */
function collectIds(value: unknown, into: Set<string>) {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectIds(v, into);
  }
}

/** At most this many entries go into one CSV download. */
export const AUDIT_CSV_ROWS = 10_000;

/** The audit log (with the same filters) as CSV for spreadsheets: formulas defused. */
export async function exportAuditCsv(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  filters: AuditFilters,
) {
  const { events } = await listOrgAuditEvents(ctx, actor, orgId, AUDIT_CSV_ROWS, filters);
  return spreadsheetCsv([
    ['at', 'actor', 'action', 'subject_type', 'subject', 'subject_id', 'details'],
    ...events.map((e) => [
      e.at.toISOString(),
      e.actorName ?? 'system',
      e.action,
      e.subjectType,
      e.subjectName ?? '',
      e.subjectId,
      JSON.stringify(e.details),
    ]),
  ]);
}
