import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ImportOutcome, ImportRow } from '../../core/member-import.ts';
import type { OrgRole, ProgramRole } from '../../core/roles.ts';
import type { Queryable } from '../client.ts';
import {
  groupMembers,
  groups,
  memberImportRows,
  memberImports,
  orgMembers,
  programMembers,
  programs,
  users,
} from '../schema.ts';
import { outer } from './outer-column.ts';

export type MemberImportRow = typeof memberImports.$inferSelect;

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const ROWS_PER_INSERT = 1_000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function insertMemberImport(
  q: Queryable,
  values: {
    orgId: string;
    createdBy: string | null;
    fileName: string;
    sendInvitations: boolean;
    origin: string | null;
    rows: ImportRow[];
    createdAt: Date;
  },
) {
  const { rows, ...rest } = values;
  const [record] = await q
    .insert(memberImports)
    .values({ ...rest, totalRows: rows.length })
    .returning();
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    await q
      .insert(memberImportRows)
      .values(part.map((row) => ({ importId: record!.id, line: row.line, row })));
  }
  return record!;
}

export async function getMemberImport(q: Queryable, orgId: string, importId: string) {
  const [row] = await q
    .select()
    .from(memberImports)
    .where(and(eq(memberImports.id, importId), eq(memberImports.orgId, orgId)));
  return row ?? null;
}

/** The import locked for one batch: batches of one import run one at a time. */
export async function getMemberImportForUpdate(q: Queryable, importId: string) {
  const [row] = await q
    .select()
    .from(memberImports)
    .where(eq(memberImports.id, importId))
    .for('update');
  return row ?? null;
}

export async function listMemberImports(q: Queryable, orgId: string, limit: number) {
  return q
    .select()
    .from(memberImports)
    .where(eq(memberImports.orgId, orgId))
    .orderBy(desc(memberImports.createdAt), desc(memberImports.id))
    .limit(limit);
}

/** The next rows waiting, by line, taken off the list (they are imported in this transaction). */
export async function takeImportRows(q: Queryable, importId: string, limit: number) {
  const next = await q
    .select({ line: memberImportRows.line, row: memberImportRows.row })
    .from(memberImportRows)
    .where(eq(memberImportRows.importId, importId))
    .orderBy(asc(memberImportRows.line))
    .limit(limit);
  if (next.length > 0) {
    await q.delete(memberImportRows).where(
      and(
        eq(memberImportRows.importId, importId),
        inArray(
          memberImportRows.line,
          next.map((r) => r.line),
        ),
      ),
    );
  }
  return next.map((r) => r.row as unknown as ImportRow);
}

export async function recordImportProgress(
  q: Queryable,
  importId: string,
  counts: Record<ImportOutcome, number>,
  done: boolean,
  now: Date,
) {
  const processed = counts.created + counts.joined + counts.updated + counts.unchanged;
  const [row] = await q
    .update(memberImports)
    .set({
      processed: sql`${memberImports.processed} + ${processed}`,
      created: sql`${memberImports.created} + ${counts.created}`,
      joined: sql`${memberImports.joined} + ${counts.joined}`,
      updated: sql`${memberImports.updated} + ${counts.updated}`,
      unchanged: sql`${memberImports.unchanged} + ${counts.unchanged}`,
      ...(done ? { status: 'done' as const, finishedAt: now } : {}),
    })
    .where(eq(memberImports.id, importId))
    .returning();
  return row!;
}

/**
 * What is already true in the organisation of the people with these
 * emails: their account, org role, program roles (by program name) and
 * groups (by lower-case name), in one statement.
 */
export async function lookupImportedPeople(q: Queryable, orgId: string, emails: string[]) {
  if (emails.length === 0) return [];
  const userId = outer('users', 'id');
  return q
    .select({
      userId: users.id,
      email: sql<string>`lower(${users.email})`,
      orgRole: sql<OrgRole | null>`(select om.role from ${orgMembers} om
        where om.org_id = ${orgId} and om.user_id = ${userId})`,
      programs: sql<{ name: string; role: ProgramRole }[]>`coalesce((
        select json_agg(json_build_object('name', p.name, 'role', pm.role))
        from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where pm.user_id = ${userId} and p.org_id = ${orgId}), '[]'::json)`,
      groups: sql<string[]>`coalesce((
        select json_agg(lower(g.name)) from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
        where gm.user_id = ${userId} and g.org_id = ${orgId}), '[]'::json)`,
    })
    .from(users)
    .where(
      sql`lower(${users.email}) in (select lower(e) from unnest(${sql.param(emails)}::text[]) as e)`,
    );
}

/** New accounts, without a password yet; returns their ids by lower-case email. */
export async function insertImportedUsers(
  q: Queryable,
  rows: { email: string; name: string; timeZone: string; skills: string[]; location: string }[],
  passwordHash: string,
) {
  const made = new Map<string, string>();
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    const inserted = await q
      .insert(users)
      .values(part.map((r) => ({ ...r, passwordHash })))
      .returning({ id: users.id, email: users.email });
    for (const u of inserted) made.set(u.email.toLowerCase(), u.id);
  }
  return made;
}

export async function insertOrgMembers(
  q: Queryable,
  orgId: string,
  members: { userId: string; role: OrgRole }[],
) {
  for (const part of chunks(members, ROWS_PER_INSERT)) {
    await q
      .insert(orgMembers)
      .values(part.map((m) => ({ orgId, ...m })))
      .onConflictDoNothing();
  }
}

export async function promoteToAdmins(q: Queryable, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await q
    .update(orgMembers)
    .set({ role: 'admin' })
    .where(and(eq(orgMembers.orgId, orgId), inArray(orgMembers.userId, userIds)));
}

export async function upsertProgramMembers(
  q: Queryable,
  members: { programId: string; userId: string; role: ProgramRole }[],
) {
  for (const part of chunks(members, ROWS_PER_INSERT)) {
    await q
      .insert(programMembers)
      .values(part)
      .onConflictDoUpdate({
        target: [programMembers.programId, programMembers.userId],
        set: { role: sql`excluded.role` },
      });
  }
}

/** The organisation's groups by lower-case name, creating those named that do not exist. */
export async function ensureGroups(q: Queryable, orgId: string, names: string[]) {
  if (names.length > 0) {
    await q
      .insert(groups)
      .values(names.map((name) => ({ orgId, name })))
      .onConflictDoNothing();
  }
  const all = await q
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.orgId, orgId));
  return new Map(all.map((g) => [g.name.toLowerCase(), g.id]));
}

export async function insertGroupMembers(
  q: Queryable,
  members: { groupId: string; userId: string }[],
) {
  for (const part of chunks(members, ROWS_PER_INSERT)) {
    await q.insert(groupMembers).values(part).onConflictDoNothing();
  }
}
