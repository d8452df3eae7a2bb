import { AppError, invalidField, notFound } from '../core/errors.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { endMatch, insertMatch, listActiveMatches } from '../db/queries/matches.ts';
import { getProgramInOrg, getProgramMembership } from '../db/queries/programs.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin, requireOrgMember } from './org-access.ts';

/** An admin pairs a mentor with a mentee in a matched program (seed 000). */
export async function createMatch(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
  pair: { mentorId: string; menteeId: string },
) {
  return ctx.db
    .transaction(async (tx) => {
      await requireOrgAdmin(tx, actor, orgId);
      const program = await getProgramInOrg(tx, orgId, programId);
      if (!program) throw notFound('Program');
      if (program.mode !== 'matched') {
        throw new AppError('conflict', 'Only matched programs have matches', {
          reason: 'program_not_matched',
        });
      }
      if ((await getProgramMembership(tx, programId, pair.mentorId))?.role !== 'mentor') {
        throw invalidField('body.mentorId', 'is not a mentor in this program');
      }
      if ((await getProgramMembership(tx, programId, pair.menteeId))?.role !== 'mentee') {
        throw invalidField('body.menteeId', 'is not a mentee in this program');
      }
      const match = await insertMatch(tx, { programId, ...pair, createdBy: actor.userId });
      await insertAuditEvent(tx, {
        orgId,
        actorId: actor.userId,
        action: 'match.created',
        subjectType: 'match',
        subjectId: match.id,
        details: { programId, ...pair },
      });
      return match;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, 'matches_active_pair_key')) {
        throw new AppError('conflict', 'These two are already matched in this program', {
          reason: 'already_matched',
        });
      }
      throw err;
    });
}

export async function endMatchOf(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
  matchId: string,
) {
  await ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    const ended = await endMatch(tx, programId, matchId, ctx.now());
    if (!ended || !(await getProgramInOrg(tx, orgId, programId))) throw notFound('Match');
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'match.ended',
      subjectType: 'match',
      subjectId: matchId,
      details: { programId, mentorId: ended.mentorId, menteeId: ended.menteeId },
    });
  });
}

export async function listMatches(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
) {
  await requireOrgMember(ctx.db, actor, orgId);
  if (!(await getProgramInOrg(ctx.db, orgId, programId))) throw notFound('Program');
  return listActiveMatches(ctx.db, programId);
}
