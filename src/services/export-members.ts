import { listGroupsInOrg } from '../db/queries/groups.ts';
import { listOrgMembers } from '../db/queries/organisations.ts';
import { listProgramsInOrg } from '../db/queries/programs.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

/** The columns of the members export, which the members import (issue #13) reads back. */
export const MEMBER_COLUMNS = [
  'name',
  'email',
  'role',
  'programs',
  'groups',
  'time_zone',
  'location',
  'joined_at',
] as const;

/**
 * Issue #13 "CSV exports": every member of the organisation with their
 * roles, programs ("Open Mentoring (mentor); Circle (mentee)"), groups, zone
 * and when they joined — for its admins. UTF-8 with a byte-order mark so
 * spreadsheets read names right; cells that a spreadsheet would run as a
 * formula (= + - @) are escaped.
 */
export async function exportMembersCsv(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const [members, programs, groups] = await Promise.all([
    listOrgMembers(ctx.db, orgId),
    listProgramsInOrg(ctx.db, orgId),
    listGroupsInOrg(ctx.db, orgId),
  ]);
  const programName = new Map(programs.map((p) => [p.id, p.name]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const rows = members
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => [
      m.name,
      m.email,
      m.role,
      m.programs
        .map((p) => `${programName.get(p.programId) ?? p.programId} (${p.role})`)
        .join('; '),
      m.groupIds.map((id) => groupName.get(id) ?? id).join('; '),
      m.timeZone,
      m.location,
      new Date(m.joinedAt).toISOString(),
    ]);
  return spreadsheetCsv([[...MEMBER_COLUMNS], ...rows]);
}
