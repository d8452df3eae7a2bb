import { CsvError, parse } from 'csv-parse/sync';
import { AppError, notFound } from '../core/errors.ts';
import {
  type ExistingMember,
  type ImportFile,
  type ImportOutcome,
  type ImportProblem,
  type ImportRow,
  importChangeFor,
  importOutcomeOf,
  readImportFile,
} from '../core/member-import.ts';
import { NO_PASSWORD } from '../core/passwords.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { type AuditEntry, insertAuditEvents } from '../db/queries/audit.ts';
import { insertAccountEmail } from '../db/queries/deliveries.ts';
import { listGroupsInOrg } from '../db/queries/groups.ts';
import { insertJob } from '../db/queries/jobs.ts';
import { announceChange } from '../db/queries/live-events.ts';
import { endMatchesOfMember } from '../db/queries/matches.ts';
import {
  ensureGroups,
  getMemberImport,
  getMemberImportForUpdate,
  insertGroupMembers,
  insertImportedUsers,
  insertMemberImport,
  insertOrgMembers,
  listMemberImports,
  lookupImportedPeople,
  type MemberImportRow,
  promoteToAdmins,
  recordImportProgress,
  takeImportRows,
  upsertProgramMembers,
} from '../db/queries/member-imports.ts';
import { getOrganisationName } from '../db/queries/organisations.ts';
import { listProgramsInOrg } from '../db/queries/programs.ts';
import { renderImportedAccountEmail } from '../emails/account-email.tsx';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { issuePasswordLink } from './request-password-reset.ts';

/** Rows imported per transaction: large enough to be quick, small enough to show progress. */
export const IMPORT_BATCH_ROWS = 500;
export const MEMBER_IMPORT_JOB = 'members.import';
export const IMPORTED_ACCOUNT_EMAIL_JOB = 'members.imported_account_email';

/** Parses CSV text into its header and records with the line each starts on (line 1 is the header). */
function parseCsv(text: string): {
  header: string[];
  records: { line: number; cells: string[] }[];
} {
  const parsed = parse(text, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  const [first, ...rest] = parsed;
  // `info.lines` is the line a record ends on; a quoted cell may hold line breaks of its own.
  const records = rest.map((r) => ({
    line: r.info.lines - (r.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
    cells: r.record,
  }));
  return { header: first?.record ?? [], records };
}

async function programNamesOf(q: Queryable, orgId: string) {
  const programs = await listProgramsInOrg(q, orgId);
  return new Map(programs.filter((p) => !p.archivedAt).map((p) => [p.name.toLowerCase(), p.name]));
}

/** Reads and checks a file; a file that is not CSV at all is one problem on the line it broke. */
async function readFile(q: Queryable, orgId: string, csv: string): Promise<ImportFile> {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(csv);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ line, field: 'file', message: `is not valid CSV here: ${err.message}` }],
      ignoredColumns: [],
    };
  }
  if (parsed.header.length === 0) {
    return {
      rows: [],
      problems: [{ line: 1, field: 'file', message: 'is empty' }],
      ignoredColumns: [],
    };
  }
  return readImportFile(parsed.header, parsed.records, await programNamesOf(q, orgId));
}

async function existingPeople(q: Queryable, orgId: string, rows: ImportRow[]) {
  const found = await lookupImportedPeople(
    q,
    orgId,
    rows.map((r) => r.email),
  );
  return new Map<string, ExistingMember>(
    found.map((p) => [
      p.email,
      {
        userId: p.userId,
        orgRole: p.orgRole,
        programs: new Map(p.programs.map((m) => [m.name, m.role])),
        groups: new Set(p.groups),
      },
    ]),
  );
}

const noOutcomes = (): Record<ImportOutcome, number> => ({
  created: 0,
  joined: 0,
  updated: 0,
  unchanged: 0,
});

export type ImportReport = {
  rows: number;
  problems: ImportProblem[];
  ignoredColumns: string[];
  /** what importing the rows without problems would do */
  outcomes: Record<ImportOutcome, number>;
  /** groups that do not exist yet and would be made */
  newGroups: string[];
};

/**
 * The dry run: every problem of the file by line and field, and what the
 * import would do with the rows that have none. Changes nothing.
 */
export async function checkMemberImport(
  ctx: ServiceContext,
  actor: Actor | null,
  orgId: string,
  csv: string,
): Promise<ImportReport> {
  if (actor) await requireOrgAdmin(ctx.db, actor, orgId);
  else if ((await getOrganisationName(ctx.db, orgId)) === null) throw notFound('Organisation');
  const file = await readFile(ctx.db, orgId, csv);
  const outcomes = noOutcomes();
  for (let i = 0; i < file.rows.length; i += IMPORT_BATCH_ROWS) {
    const batch = file.rows.slice(i, i + IMPORT_BATCH_ROWS);
    const existing = await existingPeople(ctx.db, orgId, batch);
    for (const row of batch) {
      outcomes[importOutcomeOf(importChangeFor(row, existing.get(row.email.toLowerCase())))]++;
    }
  }
  const groups = new Set((await listGroupsInOrg(ctx.db, orgId)).map((g) => g.name.toLowerCase()));
  const newGroups = new Map<string, string>();
  for (const row of file.rows) {
    for (const g of row.groups) if (!groups.has(g.toLowerCase())) newGroups.set(g.toLowerCase(), g);
  }
  return {
    rows: file.rows.length + new Set(file.problems.map((p) => p.line)).size,
    problems: file.problems,
    ignoredColumns: file.ignoredColumns,
    outcomes,
    newGroups: [...newGroups.values()],
  };
}

/**
 * Starts importing a file with no problems (a file with any is refused with
 * each problem as a field, `line 3 email`): the checked rows are stored and
 * the first batch's job queued, all in one transaction. The worker imports a
 * batch per transaction; `getMemberImport` (and a live change to its admin
 * after every batch) shows the progress.
 */
export async function startMemberImport(
  ctx: ServiceContext,
  actor: Actor | null,
  orgId: string,
  input: {
    csv: string;
    fileName: string;
    sendInvitations: boolean;
    origin: string | null;
    /** false: the caller runs the batches itself (the CLI, with its progress bar) */
    inBackground?: boolean;
  },
): Promise<MemberImportRow> {
  if (actor) await requireOrgAdmin(ctx.db, actor, orgId);
  else if ((await getOrganisationName(ctx.db, orgId)) === null) throw notFound('Organisation');
  const file = await readFile(ctx.db, orgId, input.csv);
  if (file.problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `The file has ${file.problems.length} problem${file.problems.length === 1 ? '' : 's'}; nothing was imported`,
      {
        fields: Object.fromEntries(
          file.problems.map((p) => [`line ${p.line} ${p.field}`, p.message]),
        ),
      },
    );
  }
  return ctx.db.transaction(async (tx) => {
    const record = await insertMemberImport(tx, {
      orgId,
      createdBy: actor?.userId ?? null,
      fileName: input.fileName,
      sendInvitations: input.sendInvitations,
      origin: input.origin,
      rows: file.rows,
      createdAt: ctx.now(),
    });
    if (input.inBackground === false) return record;
    await insertJob(tx, {
      kind: MEMBER_IMPORT_JOB,
      runAt: ctx.now(),
      payload: { importId: record.id },
      dedupeKey: `${MEMBER_IMPORT_JOB}:${record.id}:0`,
    });
    return record;
  });
}

type ProgramIds = Map<string, string>;

/** Writes one batch's changes: accounts, memberships, groups, audit rows and emails. */
async function importRows(
  tx: Tx,
  ctx: ServiceContext,
  record: MemberImportRow,
  rows: ImportRow[],
  programIds: ProgramIds,
) {
  const { orgId } = record;
  const now = ctx.now();
  const existing = await existingPeople(tx, orgId, rows);
  const changes = rows.map((row) => ({
    row,
    change: importChangeFor(row, existing.get(row.email.toLowerCase())),
  }));
  const made = await insertImportedUsers(
    tx,
    changes
      .filter((c) => c.change.createAccount)
      .map(({ row }) => ({
        email: row.email,
        name: row.name,
        timeZone: row.timeZone ?? 'UTC',
        skills: row.skills,
        location: row.location ?? '',
      })),
    NO_PASSWORD,
  );
  const idOf = (row: ImportRow) =>
    existing.get(row.email.toLowerCase())?.userId ?? made.get(row.email.toLowerCase()) ?? '';
  await insertOrgMembers(
    tx,
    orgId,
    changes
      .filter((c) => c.change.join)
      .map(({ row }) => ({ userId: idOf(row), role: row.orgRole })),
  );
  await promoteToAdmins(
    tx,
    orgId,
    changes.filter((c) => c.change.promote && !c.change.join).map(({ row }) => idOf(row)),
  );
  // A role switched in a program ends that person's matches there, as an admin's switch does.
  for (const { row, change } of changes) {
    const before = existing.get(row.email.toLowerCase())?.programs;
    for (const p of change.programs) {
      if (before?.has(p.name))
        await endMatchesOfMember(tx, programIds.get(p.name)!, idOf(row), now);
    }
  }
  await upsertProgramMembers(
    tx,
    changes.flatMap(({ row, change }) =>
      change.programs.map((p) => ({
        programId: programIds.get(p.name)!,
        userId: idOf(row),
        role: p.role,
      })),
    ),
  );
  const groupIds = await ensureGroups(tx, orgId, [
    ...new Set(changes.flatMap((c) => c.change.groups)),
  ]);
  await insertGroupMembers(
    tx,
    changes.flatMap(({ row, change }) =>
      change.groups.map((g) => ({ groupId: groupIds.get(g.toLowerCase())!, userId: idOf(row) })),
    ),
  );
  const counts = noOutcomes();
  const audit: AuditEntry[] = [];
  for (const { row, change } of changes) {
    const outcome = importOutcomeOf(change);
    counts[outcome]++;
    if (outcome === 'unchanged') continue;
    audit.push({
      orgId,
      actorId: record.createdBy,
      action: `member.imported`,
      subjectType: 'user',
      subjectId: idOf(row),
      details: {
        importId: record.id,
        line: row.line,
        outcome,
        promoted: change.promote,
        programs: change.programs,
        groups: change.groups,
      },
    });
    if (change.createAccount && record.sendInvitations && record.origin) {
      await insertJob(tx, {
        kind: IMPORTED_ACCOUNT_EMAIL_JOB,
        runAt: now,
        payload: { userId: idOf(row), orgId, importId: record.id, origin: record.origin },
        dedupeKey: `${IMPORTED_ACCOUNT_EMAIL_JOB}:${record.id}:${idOf(row)}`,
      });
    }
  }
  await insertAuditEvents(tx, audit);
  return counts;
}

/**
 * Imports the next batch of rows of an import, in the caller's transaction
 * with the import locked: the rows are taken off its list and the counts
 * moved on in the same commit, so a crash repeats no batch and loses none.
 * Returns the import as it stands afterwards.
 */
export async function importNextBatch(
  tx: Tx,
  ctx: ServiceContext,
  importId: string,
): Promise<MemberImportRow | null> {
  const record = await getMemberImportForUpdate(tx, importId);
  if (record?.status !== 'running') return record;
  const rows = await takeImportRows(tx, importId, IMPORT_BATCH_ROWS);
  const programs = await listProgramsInOrg(tx, record.orgId);
  const programIds: ProgramIds = new Map(programs.map((p) => [p.name, p.id]));
  // A program renamed or archived since the check: its rows fail the batch, loudly, rather than import half.
  const missing = rows.flatMap((r) => r.programs).find((p) => !programIds.has(p.name));
  if (missing) throw new Error(`program "${missing.name}" no longer exists`);
  const counts = await importRows(tx, ctx, record, rows, programIds);
  const done = record.processed + rows.length >= record.totalRows;
  const after = await recordImportProgress(tx, importId, counts, done, ctx.now());
  if (done) {
    await insertAuditEvents(tx, [
      {
        orgId: record.orgId,
        actorId: record.createdBy,
        action: 'members.import_finished',
        subjectType: 'member_import',
        subjectId: record.id,
        details: {
          fileName: record.fileName,
          rows: after.totalRows,
          created: after.created,
          joined: after.joined,
          updated: after.updated,
          unchanged: after.unchanged,
        },
      },
    ]);
  }
  if (record.createdBy) {
    await announceChange(tx, {
      type: 'change',
      resources: ['imports'],
      orgId: record.orgId,
      userIds: [record.createdBy],
    });
  }
  return after;
}

/** The job: one batch, and the next batch's job in the same transaction while rows remain. */
export async function runMemberImportJob(
  tx: Tx,
  ctx: ServiceContext,
  payload: Record<string, string>,
): Promise<void> {
  const after = await importNextBatch(tx, ctx, payload.importId ?? '');
  if (after?.status !== 'running') return;
  await insertJob(tx, {
    kind: MEMBER_IMPORT_JOB,
    runAt: ctx.now(),
    payload: { importId: after.id },
    dedupeKey: `${MEMBER_IMPORT_JOB}:${after.id}:${after.processed}`,
  });
}

/** Runs an import's batches here, each in its own transaction, reporting after each (the CLI's progress bar). */
export async function runMemberImport(
  ctx: ServiceContext,
  importId: string,
  onBatch: (record: MemberImportRow) => void,
): Promise<MemberImportRow | null> {
  for (;;) {
    const after = await ctx.db.transaction((tx) => importNextBatch(tx, ctx, importId));
    if (after) onBatch(after);
    if (after?.status !== 'running') return after;
  }
}

export async function requireMemberImport(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  importId: string,
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const record = await getMemberImport(ctx.db, orgId, importId);
  if (!record) throw notFound('Import');
  return record;
}

export async function listRecentMemberImports(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  return listMemberImports(ctx.db, orgId, 20);
}

/** How long the emailed link to choose a password works. */
export const ACCOUNT_SETUP_DAYS = 14;

/**
 * The email job for an imported account: a single-use link to choose a
 * password (a password-reset token, stored as its hash), valid two weeks,
 * sent and retried like every account email. Skipped once the person has
 * a password.
 */
export async function emailImportedAccount(
  tx: Tx,
  ctx: ServiceContext,
  payload: Record<string, string>,
): Promise<void> {
  const user = await getUserById(tx, payload.userId ?? '');
  const record = await getMemberImport(tx, payload.orgId ?? '', payload.importId ?? '');
  if (!user || !record || user.passwordHash !== NO_PASSWORD || !ctx.mailer) return;
  const orgName = await getOrganisationName(tx, record.orgId);
  const admin = record.createdBy ? await getUserById(tx, record.createdBy) : null;
  const now = ctx.now();
  const url = await issuePasswordLink(
    tx,
    user.id,
    now,
    ACCOUNT_SETUP_DAYS * 86_400_000,
    payload.origin ?? '',
  );
  const content = await renderImportedAccountEmail({
    name: user.name,
    orgName: orgName ?? 'your organisation',
    adminName: admin?.name ?? null,
    url,
    validDays: ACCOUNT_SETUP_DAYS,
  });
  await insertAccountEmail(tx, `${user.name} <${user.email}>`, content, now);
}
