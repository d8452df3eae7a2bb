import { AppError, notFound } from '../core/errors.ts';
import type { ReadyMadeNotification } from '../core/topics.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { insertAuditEvent, lastAuditAt } from '../db/queries/audit.ts';
import { countWaitingForMentor, insertOutbox, lockNudgeSubject } from '../db/queries/bookings.ts';
import { getActiveMatchInOrgForUpdate } from '../db/queries/matches.ts';
import { getOrgMembership } from '../db/queries/organisations.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';

export type Nudge =
  | { kind: 'quiet_match'; matchId: string; message?: string | undefined }
  | { kind: 'unanswered_requests'; mentorId: string; message?: string | undefined };

const DAY_MS = 86_400_000;

/**
 * An admin nudges from Reports (issue #13): a match that has not met lately
 * (both hear of it, each with a link to the other) or a mentor whose requests
 * wait (a link to answer them). Delivered like every notification: the bell,
 * and email as each person chose. Once a day per match or mentor; recorded.
 */
export async function sendNudge(ctx: ServiceContext, actor: Actor, orgId: string, nudge: Nudge) {
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgAdmin(tx, actor, orgId);
    const admin = (await getUserById(tx, actor.userId))!;
    const now = ctx.now();
    const subjectId = nudge.kind === 'quiet_match' ? nudge.matchId : nudge.mentorId;
    await lockNudgeSubject(tx, subjectId);
    const last = await lastAuditAt(
      tx,
      orgId,
      'nudge.sent',
      subjectId,
      new Date(now.getTime() - DAY_MS),
    );
    if (last) {
      throw new AppError('conflict', 'Already nudged in the last 24 hours; one nudge a day', {
        reason: 'recently_nudged',
      });
    }
    const from = `${admin.name} (${org.name})`;
    const note = nudge.message?.trim() || null;
    let notify: ReadyMadeNotification[];
    let subjectType: 'match' | 'user';
    if (nudge.kind === 'quiet_match') {
      const match = await getActiveMatchInOrgForUpdate(tx, orgId, nudge.matchId);
      if (!match) throw notFound('Match');
      subjectType = 'match';
      const body =
        note ?? `It has been a while since you last met in ${match.programName}. Pick a time?`;
      notify = [
        {
          userId: match.menteeId,
          title: `${from}: time for a session with ${match.mentorName}?`,
          body,
          link: `/o/${orgId}/people/${match.mentorId}`,
        },
        {
          userId: match.mentorId,
          title: `${from}: time for a session with ${match.menteeName}?`,
          body,
          link: `/o/${orgId}/people/${match.menteeId}`,
        },
      ];
    } else {
      if (!(await getOrgMembership(tx, orgId, nudge.mentorId))) throw notFound('Member');
      const waiting = await countWaitingForMentor(tx, orgId, nudge.mentorId);
      if (waiting === 0) {
        throw new AppError('conflict', 'No request waits for this mentor now', {
          reason: 'nothing_waiting',
        });
      }
      subjectType = 'user';
      notify = [
        {
          userId: nudge.mentorId,
          title: `${from}: ${waiting} ${waiting === 1 ? 'request waits' : 'requests wait'} for your answer`,
          body: note ?? 'Approve, suggest another time or decline, so nobody is left waiting.',
          link: `/o/${orgId}/home`,
        },
      ];
    }
    const userIds = notify.map((n) => n.userId);
    await insertOutbox(
      tx,
      nudge.kind === 'quiet_match' ? 'admin.nudge_match' : 'admin.nudge_requests',
      { notify },
      { orgId, userIds },
    );
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'nudge.sent',
      subjectType,
      subjectId,
      details: { kind: nudge.kind, message: note, to: userIds },
      at: now,
    });
    return { sentAt: now, to: userIds };
  });
}
