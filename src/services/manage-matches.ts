import { AppError, invalidField, notFound } from '../core/errors.ts';
import { suggestMatches } from '../core/match-suggestions.ts';
import { photoUrlFor } from '../core/photo-url.ts';
import { canManageOrg } from '../core/roles.ts';
import type { Queryable } from '../db/client.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { announceChange } from '../db/queries/live-events.ts';
import {
  endMatch,
  insertMatch,
  listActiveMatches,
  listMatchesOfUser,
  listMatchingCandidates,
  listMentorCapacities,
  lockMentorCapacity,
  setMatchCapacity,
} from '../db/queries/matches.ts';
import { getProgramInOrg, getProgramMembership } from '../db/queries/programs.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin, requireOrgMember } from './org-access.ts';

/** The admin and the people of a match see its change at once. */
function announceMatches(tx: Queryable, orgId: string, userIds: string[]) {
  return announceChange(tx, { type: 'change', resources: ['matches'], orgId, userIds });
}

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
      // Locked: two matches made at once cannot both take a mentor's last place.
      const mentor = await lockMentorCapacity(tx, programId, pair.mentorId);
      if (mentor?.role !== 'mentor') {
        throw invalidField('body.mentorId', 'is not a mentor in this program');
      }
      if (mentor.matchCapacity !== null && mentor.active >= mentor.matchCapacity) {
        throw new AppError(
          'conflict',
          `This mentor already has ${mentor.active} of ${mentor.matchCapacity} matches`,
          { reason: 'mentor_at_capacity' },
        );
      }
      if ((await getProgramMembership(tx, programId, pair.menteeId))?.role !== 'mentee') {
        throw invalidField('body.menteeId', 'is not a mentee in this program');
      }
      const match = await insertMatch(tx, { programId, ...pair, createdBy: actor.userId });
      await announceMatches(tx, orgId, [actor.userId, pair.mentorId, pair.menteeId]);
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
    await announceMatches(tx, orgId, [actor.userId, ended.mentorId, ended.menteeId]);
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

/**
 * A program's matches: all of them for an admin; for anyone else only the
 * matches they are in, and a refusal when they are in none (who is matched
 * with whom is private to the two people and the admins).
 */
export async function listMatches(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
) {
  const org = await requireOrgMember(ctx.db, actor, orgId);
  if (!(await getProgramInOrg(ctx.db, orgId, programId))) throw notFound('Program');
  const mentors = await listMentorCapacities(ctx.db, programId);
  if (canManageOrg({ orgId, userId: actor.userId, role: org.role })) {
    return { matches: await listActiveMatches(ctx.db, programId), mentors };
  }
  const mine = await listActiveMatches(ctx.db, programId, actor.userId);
  if (mine.length === 0) {
    throw new AppError('forbidden', 'Only admins and the matched people see these matches');
  }
  const shown = new Set(mine.map((m) => m.mentorId));
  return { matches: mine, mentors: mentors.filter((m) => shown.has(m.userId)) };
}

/**
 * Issue #13: for each mentee of a matched program without an active match,
 * the best three mentors with room, by shared skills, room left and
 * responsiveness, each score explained (core/match-suggestions.ts).
 */
export async function listMatchSuggestions(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
) {
  await requireOrgAdmin(ctx.db, actor, orgId);
  const program = await getProgramInOrg(ctx.db, orgId, programId);
  if (!program) throw notFound('Program');
  if (program.mode !== 'matched') return { suggestions: [], unmatched: 0 };
  const people = await listMatchingCandidates(ctx.db, programId);
  const mentees = people.filter((p) => p.role === 'mentee' && p.activeMatches === 0);
  const mentors = people.filter((p) => p.role === 'mentor');
  const suggestions = suggestMatches(mentees, mentors).filter((s) => s.mentors.length > 0);
  // A page an admin works through: matching one brings the next mentee up.
  return { suggestions: suggestions.slice(0, SUGGESTED_MENTEES), unmatched: mentees.length };
}

/** Mentees shown with suggestions at a time. */
const SUGGESTED_MENTEES = 20;

/** An admin sets how many mentees a mentor takes in a matched program (null: no limit). */
export async function setMentorMatchCapacity(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
  mentorId: string,
  capacity: number | null,
) {
  await ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    if (!(await getProgramInOrg(tx, orgId, programId))) throw notFound('Program');
    const row = await setMatchCapacity(tx, programId, mentorId, capacity);
    if (!row) throw notFound('Mentor');
    await announceMatches(tx, orgId, [actor.userId, mentorId]);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'match.capacity_set',
      subjectType: 'program_member',
      subjectId: `${programId}:${mentorId}`,
      details: { capacity },
    });
  });
}

/** The Matches tab: my active matches, as mentor or mentee, with the other person. */
export async function listMyMatches(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  const rows = await listMatchesOfUser(ctx.db, orgId, actor.userId);
  return rows.map((m) => {
    const iMentor = m.mentorId === actor.userId;
    return {
      id: m.id,
      programId: m.programId,
      programName: m.programName,
      role: iMentor ? ('mentor' as const) : ('mentee' as const),
      other: iMentor
        ? {
            userId: m.menteeId,
            name: m.menteeName,
            photoUrl: photoUrlFor(m.menteeId, m.menteePhotoKey),
            timeZone: m.menteeTimeZone,
          }
        : {
            userId: m.mentorId,
            name: m.mentorName,
            photoUrl: photoUrlFor(m.mentorId, m.mentorPhotoKey),
            timeZone: m.mentorTimeZone,
          },
      since: m.createdAt,
    };
  });
}
