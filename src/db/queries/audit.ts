import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { auditEvents, users } from '../schema.ts';

export type AuditEntry = {
  orgId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
};

/** Call inside the transaction that makes the change, so both land or neither. */
export async function insertAuditEvent(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.insert(auditEvents).values({ ...entry, details: entry.details ?? {} });
}

/** Several entries in one statement (an import's rows); nothing for none. */
export async function insertAuditEvents(q: Queryable, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await q.insert(auditEvents).values(entries.map((e) => ({ ...e, details: e.details ?? {} })));
}

export async function listAuditEventsInOrg(q: Queryable, orgId: string, limit: number) {
  return q
    .select({
      id: auditEvents.id,
      actorId: auditEvents.actorId,
      actorName: users.name,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      at: auditEvents.at,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.orgId, orgId))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
