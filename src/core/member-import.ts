import { z } from 'zod';
import type { OrgRole, ProgramRole } from './roles.ts';
import { isIanaTimeZone } from './time-zones.ts';

/*
 * Issue #13 "CSV import of members": what a row of the file means, what is
 * wrong with it (by line and field, every problem at once), and what
 * importing it would change for the person it names. Pure: the service
 * parses the file, looks up who exists, and writes what this decides.
 */

/** Columns read, by their normalised header (lower case, spaces and dashes as `_`); others are ignored. */
export const importColumns = [
  'name',
  'email',
  'role',
  'programs',
  'groups',
  'time_zone',
  'skills',
  'location',
] as const;
type ImportColumn = (typeof importColumns)[number];

/** Other spellings of a column that spreadsheets and earlier exports use. */
const columnAliases: Record<string, ImportColumn> = {
  program: 'programs',
  group: 'groups',
  timezone: 'time_zone',
  zone: 'time_zone',
  skill: 'skills',
  full_name: 'name',
  email_address: 'email',
};

export const MAX_IMPORT_ROWS = 20_000;
const MAX_NAME = 120;
const MAX_EMAIL = 254;
const MAX_SKILLS = 50;
const MAX_SKILL = 60;
const MAX_LOCATION = 200;

/** Where a program role comes from: "Program (mentor)" in the programs cell, or the row's role. */
export type ImportedProgram = { name: string; role: ProgramRole };

/** A row that passed every check, ready to import. */
export type ImportRow = {
  line: number;
  name: string;
  email: string;
  orgRole: OrgRole;
  programs: ImportedProgram[];
  groups: string[];
  /** null: left as it is (UTC for a new account) */
  timeZone: string | null;
  skills: string[];
  location: string | null;
};

export type ImportProblem = { line: number; field: string; message: string };

const emailCheck = z.email();
const rowRoles = ['admin', 'member', 'mentor', 'mentee'] as const;
type RowRole = (typeof rowRoles)[number];

/** The key a column is read under, or null for a column Confer does not read. */
export function importColumnOf(header: string): ImportColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if ((importColumns as readonly string[]).includes(key)) return key as ImportColumn;
  return columnAliases[key] ?? null;
}

/** A cell holding a list: "a; b" (as the export writes it) or "a, b". */
export function listCell(cell: string): string[] {
  const parts = cell.includes(';') ? cell.split(';') : cell.split(',');
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const programCell = /^(.*?)\s*\((mentor|mentee)\)$/i;

function readPrograms(
  cell: string,
  rowRole: RowRole,
  knownPrograms: ReadonlyMap<string, string>,
  problem: (message: string) => void,
): ImportedProgram[] {
  const read: ImportedProgram[] = [];
  for (const part of listCell(cell)) {
    const match = programCell.exec(part);
    const name = (match?.[1] ?? part).trim();
    const stated = match?.[2]?.toLowerCase() as ProgramRole | undefined;
    const known = knownPrograms.get(name.toLowerCase());
    if (!known) {
      problem(`no program is called "${name}"`);
      continue;
    }
    // The row's role applies where the cell does not say; a plain member joins as a mentee.
    const role = stated ?? (rowRole === 'mentor' ? 'mentor' : 'mentee');
    if (!read.some((p) => p.name === known)) read.push({ name: known, role });
  }
  return read;
}

type Cells = Partial<Record<ImportColumn, string>>;

function readRow(
  line: number,
  cells: Cells,
  knownPrograms: ReadonlyMap<string, string>,
  problems: ImportProblem[],
): ImportRow | null {
  const before = problems.length;
  const problem = (field: string) => (message: string) => problems.push({ line, field, message });
  const name = (cells.name ?? '').trim();
  if (!name) problem('name')('is empty');
  else if (name.length > MAX_NAME) problem('name')(`is longer than ${MAX_NAME} characters`);
  const email = (cells.email ?? '').trim();
  if (!email) problem('email')('is empty');
  else if (email.length > MAX_EMAIL || !emailCheck.safeParse(email).success) {
    problem('email')(`"${email}" is not an email address`);
  }
  const roleCell = (cells.role ?? '').trim().toLowerCase() || 'member';
  const role = (rowRoles as readonly string[]).includes(roleCell) ? (roleCell as RowRole) : null;
  if (!role) problem('role')(`"${cells.role}" is not one of ${rowRoles.join(', ')}`);
  const programs = readPrograms(
    cells.programs ?? '',
    role ?? 'member',
    knownPrograms,
    problem('programs'),
  );
  if ((role === 'mentor' || role === 'mentee') && !cells.programs?.trim()) {
    problem('programs')(
      `is empty; a ${role} needs the program they ${role === 'mentor' ? 'mentor' : 'are mentored'} in`,
    );
  }
  const zone = (cells.time_zone ?? '').trim();
  if (zone && !isIanaTimeZone(zone)) {
    problem('time_zone')(`"${zone}" is not a time zone (write it like Europe/London)`);
  }
  const skills = listCell(cells.skills ?? '');
  if (skills.length > MAX_SKILLS) problem('skills')(`has more than ${MAX_SKILLS} skills`);
  const longSkill = skills.find((s) => s.length > MAX_SKILL);
  if (longSkill) problem('skills')(`"${longSkill}" is longer than ${MAX_SKILL} characters`);
  const location = (cells.location ?? '').trim();
  if (location.length > MAX_LOCATION) {
    problem('location')(`is longer than ${MAX_LOCATION} characters`);
  }
  if (problems.length > before) return null;
  return {
    line,
    name,
    email,
    orgRole: role === 'admin' ? 'admin' : 'member',
    programs,
    groups: [...new Map(listCell(cells.groups ?? '').map((g) => [g.toLowerCase(), g])).values()],
    timeZone: zone || null,
    skills,
    location: location || null,
  };
}

export type ImportFile = {
  rows: ImportRow[];
  problems: ImportProblem[];
  /** headers of columns that are not read */
  ignoredColumns: string[];
};

/**
 * Reads a parsed file: its header line and its records with their line
 * numbers as the spreadsheet shows them. Every problem is reported (a row
 * may have several), and a row with any problem is left out of `rows`; an
 * email seen on an earlier line is a duplicate. `knownPrograms` maps the
 * organisation's program names, in lower case, to their spelling.
 */
export function readImportFile(
  header: string[],
  records: { line: number; cells: string[] }[],
  knownPrograms: ReadonlyMap<string, string>,
): ImportFile {
  const problems: ImportProblem[] = [];
  const columns = header.map(importColumnOf);
  const ignoredColumns = header.filter((_, i) => columns[i] === null);
  for (const required of ['name', 'email'] as const) {
    if (!columns.includes(required)) {
      problems.push({ line: 1, field: required, message: 'the file has no such column' });
    }
  }
  if (problems.length > 0) return { rows: [], problems, ignoredColumns };
  if (records.length > MAX_IMPORT_ROWS) {
    problems.push({
      line: 1,
      field: 'file',
      message: `has ${records.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`,
    });
    return { rows: [], problems, ignoredColumns };
  }
  const firstLineOf = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (const { line, cells: values } of records) {
    if (values.every((v) => v.trim() === '')) continue;
    const cells: Cells = {};
    columns.forEach((column, i) => {
      if (column && cells[column] === undefined) cells[column] = values[i] ?? '';
    });
    const row = readRow(line, cells, knownPrograms, problems);
    const key = (cells.email ?? '').trim().toLowerCase();
    const first = key ? firstLineOf.get(key) : undefined;
    if (first !== undefined) {
      problems.push({ line, field: 'email', message: `is already on line ${first}` });
      continue;
    }
    if (key) firstLineOf.set(key, line);
    if (row) rows.push(row);
  }
  return { rows, problems, ignoredColumns };
}

/** What is already true of a row's person in the organisation, when they have an account. */
export type ExistingMember = {
  userId: string;
  orgRole: OrgRole | null;
  /** program name → role */
  programs: ReadonlyMap<string, ProgramRole>;
  /** group names in lower case */
  groups: ReadonlySet<string>;
};

/** What importing a row changes. */
export type ImportChange = {
  /** a new account is made */
  createAccount: boolean;
  /** they join the organisation */
  join: boolean;
  /** made admin (an import never takes admin away) */
  promote: boolean;
  /** programs joined or whose role changes */
  programs: ImportedProgram[];
  /** groups joined */
  groups: string[];
};

export type ImportOutcome = 'created' | 'joined' | 'updated' | 'unchanged';

/**
 * The change a row makes for the person it names (undefined: no account
 * yet). An account's own profile (name, zone, skills) belongs to its owner
 * and is only set when the import creates it; memberships are added, a
 * program role follows the file, and nothing is taken away — so importing
 * the same file twice changes nothing the second time.
 */
export function importChangeFor(
  row: ImportRow,
  existing: ExistingMember | undefined,
): ImportChange {
  const programs = row.programs.filter((p) => existing?.programs.get(p.name) !== p.role);
  const groups = row.groups.filter((g) => !existing?.groups.has(g.toLowerCase()));
  return {
    createAccount: !existing,
    join: !existing?.orgRole,
    promote: row.orgRole === 'admin' && existing?.orgRole !== 'admin',
    programs,
    groups,
  };
}

/** How a change is counted in the import's report. */
export function importOutcomeOf(change: ImportChange): ImportOutcome {
  if (change.createAccount) return 'created';
  if (change.join) return 'joined';
  if (change.promote || change.programs.length > 0 || change.groups.length > 0) return 'updated';
  return 'unchanged';
}
