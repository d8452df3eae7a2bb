import { and, desc, eq, gte, like, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { auditEvents, groups, orgMembers, programs, users } from '../schema.ts';
import { outer } from './outer-column.ts';

export type AuditEntry = {
  orgId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  /** when it happened, if not the database's now (the service clock, where a rule reads it back) */
  at?: Date;
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

/** When `action` last happened to the subject in the organisation since `since` (null: not since). */
export async function lastAuditAt(
  q: Queryable,
  orgId: string,
  action: string,
  subjectId: string,
  since: Date,
): Promise<Date | null> {
  const [row] = await q
    .select({ at: sql<Date | null>`max(${auditEvents.at})`.mapWith(auditEvents.at) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        gte(auditEvents.at, since),
        eq(auditEvents.action, action),
        eq(auditEvents.subjectId, subjectId),
      ),
    );
  return row?.at ?? null;
}

export type AuditFilters = {
  /** only entries older than this id: the next page */
  before?: number | undefined;
  actorId?: string | undefined;
  /** an action, or a family of them ("member" matches member.removed, member.imported, …) */
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

/**
 * An organisation's audit entries, newest first, filtered, with the actor's
 * name and the subject's (a person, program or group) where it has one.
 * Paged by id: the index (org_id, id) serves every page.
 */
export async function listAuditEventsInOrg(
  q: Queryable,
  orgId: string,
  limit: number,
  f: AuditFilters = {},
) {
  const subject = outer('audit_events', 'subject_id');
  return q
    .select({
      id: auditEvents.id,
      actorId: auditEvents.actorId,
      actorName: users.name,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      subjectName: sql<string | null>`case ${auditEvents.subjectType}
        when 'user' then (select u.name from ${users} u where u.id::text = ${subject})
        when 'program' then (select p.name from ${programs} p where p.id::text = ${subject} and p.org_id = ${orgId})
        when 'group' then (select g.name from ${groups} g where g.id::text = ${subject} and g.org_id = ${orgId})
        end`,
      at: auditEvents.at,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        f.before !== undefined ? lt(auditEvents.id, f.before) : undefined,
        f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
        f.action
          ? or(eq(auditEvents.action, f.action), like(auditEvents.action, `${f.action}.%`))
          : undefined,
        f.subjectType ? eq(auditEvents.subjectType, f.subjectType) : undefined,
        f.subjectId ? eq(auditEvents.subjectId, f.subjectId) : undefined,
        f.from ? gte(auditEvents.at, f.from) : undefined,
        f.to ? lt(auditEvents.at, f.to) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/**
 * The names of the people, programs and groups of the organisation among
 * `ids`: the ids an audit page's details mention, so they read as names.
 */
export async function namesInOrg(
  q: Queryable,
  orgId: string,
  ids: string[],
): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const list = sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const result = await q.execute(sql`
    select u.id::text as id, u.name from ${users} u
      where u.id in ${list}
        and exists (select 1 from ${orgMembers} m where m.org_id = ${orgId} and m.user_id = u.id)
    union all
    select p.id::text, p.name from ${programs} p where p.id in ${list} and p.org_id = ${orgId}
    union all
    select g.id::text, g.name from ${groups} g where g.id in ${list} and g.org_id = ${orgId}`);
  const rows = (result as unknown as { rows: { id: string; name: string }[] }).rows;
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
