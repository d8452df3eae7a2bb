import { notFound } from '../core/errors.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { announceMentorTimes } from '../db/queries/live-events.ts';
import { archiveSessionType, insertSessionType, listSessionTypesOf } from '../db/queries/money.ts';
import { listMentorsInOrg } from '../db/queries/programs.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgMember } from './org-access.ts';

export type SessionTypeInput = {
  name: string;
  durationMinutes: number;
  priceMinor: number;
  currency: string;
};

export function listMySessionTypes(ctx: ServiceContext, actor: Actor) {
  return listSessionTypesOf(ctx.db, actor.userId);
}

/** A mentor's session types, for someone in one of their organisations. */
export async function listMentorSessionTypes(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  mentorId: string,
) {
  await requireOrgMember(ctx.db, actor, orgId);
  if ((await listMentorsInOrg(ctx.db, orgId, [mentorId])).length === 0) throw notFound('Mentor');
  return listSessionTypesOf(ctx.db, mentorId);
}

export async function createSessionType(
  ctx: ServiceContext,
  actor: Actor,
  input: SessionTypeInput,
) {
  return ctx.db.transaction(async (tx) => {
    const type = await insertSessionType(tx, { mentorId: actor.userId, ...input });
    await announceMentorTimes(tx, actor.userId);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'session_type.created',
      subjectType: 'session_type',
      subjectId: type.id,
      details: { ...input },
    });
    return type;
  });
}

export async function removeSessionType(ctx: ServiceContext, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    if (!(await archiveSessionType(tx, actor.userId, id, ctx.now())))
      throw notFound('Session type');
    await announceMentorTimes(tx, actor.userId);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'session_type.archived',
      subjectType: 'session_type',
      subjectId: id,
    });
  });
}
