import { AppError, notFound } from '../core/errors.ts';
import { type AttendanceStep, attendanceStep, outcomeOf } from '../core/session-attendance.ts';
import type { ReadyMadeNotification } from '../core/topics.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertOutbox } from '../db/queries/bookings.ts';
import {
  getEnrolmentForUpdate,
  listSessions,
  rateEnrolment,
  removeEnrolment,
  setEnrolmentOutcome,
} from '../db/queries/sessions.ts';
import type { Actor, ServiceContext } from './context.ts';
import { announceSessions } from './manage-sessions.ts';

/*
 * Issue #12: a mentee added directly to a session behaves like a booking's
 * mentee — leaves it with a reason before the start, says after the start
 * whether it took place, rates it after the end. Each step is one
 * transaction over the locked enrolment, recorded in the audit log, and
 * told to the other side through the outbox.
 */

type Step = { step: AttendanceStep; reason?: string; rating?: { stars: number; feedback: string } };

/**
 * One step by the mentee (themselves) or the session's mentor (for
 * `menteeId`). 404 unless the actor is that mentee or the mentor; 409 with
 * the rule's reason when the step does not apply now.
 */
export async function takeAttendanceStep(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  sessionId: string,
  menteeId: string,
  step: Step,
) {
  return ctx.db.transaction(async (tx) => {
    const row = await getEnrolmentForUpdate(tx, orgId, sessionId, menteeId);
    if (!row || (actor.userId !== menteeId && actor.userId !== row.session.mentorId)) {
      throw notFound('Session');
    }
    const { session, enrolment } = row;
    const side = actor.userId === menteeId ? 'mentee' : 'mentor';
    const now = ctx.now();
    const verdict = attendanceStep(
      step.step,
      side,
      {
        status: session.status,
        startsAtMs: session.startsAt.getTime(),
        endsAtMs: session.endsAt.getTime(),
        outcome: enrolment.outcome,
        rated: enrolment.stars !== null,
      },
      now.getTime(),
    );
    if (!verdict.ok) throw new AppError('conflict', verdict.message, { reason: verdict.reason });
    const [listing] = await listSessions(tx, { ids: [sessionId] });
    const title = session.title || `Session with ${listing!.mentorName}`;
    const menteeName = listing!.enrolled.find((e) => e.userId === menteeId)?.name ?? 'A mentee';
    const link = `/o/${orgId}/sessions`;
    let notify: ReadyMadeNotification[] = [];
    let details: Record<string, unknown> = {};
    if (step.step === 'leave') {
      await removeEnrolment(tx, sessionId, menteeId);
      notify = [
        // The mentor hears why; the mentee's email carries the calendar's cancellation.
        {
          userId: session.mentorId,
          title: `${menteeName} left “${title}”`,
          body: step.reason,
          link,
        },
        { userId: menteeId, title: `You left “${title}”`, body: step.reason, link },
      ];
      details = { menteeId, reason: step.reason };
    } else if (step.step === 'rate' && step.rating) {
      await rateEnrolment(tx, sessionId, menteeId, step.rating, now);
      notify = [{ userId: session.mentorId, title: `${menteeName} rated “${title}”`, link }];
      details = { menteeId, stars: step.rating.stars };
    } else if (step.step === 'attended' || step.step === 'no_show') {
      const outcome = outcomeOf(step.step, side);
      await setEnrolmentOutcome(tx, sessionId, menteeId, outcome, actor.userId, now);
      const other = side === 'mentor' ? menteeId : session.mentorId;
      const words = {
        attended: `“${title}” is recorded as held`,
        no_show_mentee: `You were recorded as not attending “${title}”`,
        no_show_mentor: `${menteeName} reported that you did not attend “${title}”`,
      } as const;
      notify = [{ userId: other, title: words[outcome], link }];
      details = { menteeId, outcome };
    }
    await insertOutbox(
      tx,
      step.step === 'leave' ? 'session.left' : 'session.attendance',
      { sessionId, wasPublished: session.status === 'published', notify },
      { orgId, userIds: [session.mentorId, menteeId] },
    );
    // A seat freed or a record changed: open session lists and free times refetch.
    await announceSessions(tx, orgId, session.mentorId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: `session.${step.step === 'leave' ? 'left' : step.step === 'rate' ? 'rated' : 'attendance'}`,
      subjectType: 'session',
      subjectId: sessionId,
      details,
    });
    const [after] = await listSessions(tx, { ids: [sessionId] });
    return after!;
  });
}
