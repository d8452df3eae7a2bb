import { invalidField, notFound } from '../core/errors.ts';
import { cohortProblem } from '../core/program-settings.ts';
import type { ProgramMode } from '../core/roles.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import {
  getProgramInOrg,
  insertProgram,
  listProgramMembers,
  listProgramsInOrg,
  type ProgramSettings,
  updateProgram,
} from '../db/queries/programs.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin, requireOrgMember } from './org-access.ts';

export type ProgramInput = {
  name: string;
  description: string;
  mode: ProgramMode;
} & ProgramSettings;

/** Cohort days that end before they start are refused by field, before any write. */
function checkCohort(cohort: { startsOn?: string | null; endsOn?: string | null }) {
  const problem = cohortProblem({
    startsOn: cohort.startsOn ?? null,
    endsOn: cohort.endsOn ?? null,
  });
  if (problem) throw invalidField('body.endsOn', problem);
}

export async function createProgram(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: ProgramInput,
) {
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    checkCohort(input);
    const program = await insertProgram(tx, { orgId, ...input });
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'program.created',
      subjectType: 'program',
      subjectId: program.id,
      details: { ...input },
    });
    return program;
  });
}

export async function editProgram(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
  changes: Partial<ProgramInput & { archived: boolean }>,
) {
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    const before = await getProgramInOrg(tx, orgId, programId);
    if (!before) throw notFound('Program');
    const { archived, ...fields } = changes;
    checkCohort({
      startsOn: fields.startsOn === undefined ? before.startsOn : fields.startsOn,
      endsOn: fields.endsOn === undefined ? before.endsOn : fields.endsOn,
    });
    const archivedAt =
      archived === undefined ? undefined : archived ? (before.archivedAt ?? ctx.now()) : null;
    const program = await updateProgram(tx, programId, {
      ...fields,
      ...(archivedAt === undefined ? {} : { archivedAt }),
    });
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'program.updated',
      subjectType: 'program',
      subjectId: programId,
      details: { changes },
    });
    return program;
  });
}

export async function listPrograms(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  return listProgramsInOrg(ctx.db, orgId);
}

export async function requireProgram(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
) {
  await requireOrgMember(ctx.db, actor, orgId);
  const program = await getProgramInOrg(ctx.db, orgId, programId);
  if (!program) throw notFound('Program');
  return { ...program, members: await listProgramMembers(ctx.db, programId) };
}
