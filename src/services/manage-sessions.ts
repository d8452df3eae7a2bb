import { AppError, invalidField, notFound } from '../core/errors.ts';
import { sessionCalendarChanged } from '../core/invitations.ts';
import { localDateTime, wallClockAt, zonedInstant } from '../core/local-time.ts';
import { describeCohort, withinCohort } from '../core/program-settings.ts';
import {
  type BulkPlan,
  bulkDuplicateDates,
  canActOnSession,
  canSeeSession,
  type EnrollmentMethod,
  matchKey,
  needsMeetingUrl,
  type SessionAction,
  type SessionViewer,
  sessionWallTimeZone,
} from '../core/session-rules.ts';
import type { ReadyMadeNotification } from '../core/topics.ts';
import type { Tx } from '../db/client.ts';
import { sqlState } from '../db/errors.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import {
  type BookingRow,
  insertOutbox,
  listActiveBookingsOfSessionForUpdate,
} from '../db/queries/bookings.ts';
import { getGroupInOrg } from '../db/queries/groups.ts';
import { announceChange } from '../db/queries/live-events.ts';
import { getMemberContext } from '../db/queries/organisations.ts';
import { getProgramInOrg, getProgramMembership } from '../db/queries/programs.ts';
import {
  enrollMentee,
  findClashingSession,
  getSessionForUpdate,
  insertSession,
  listSessions,
  type SessionListing,
  type SessionRow,
  setSessionGroups,
  updateSession,
} from '../db/queries/sessions.ts';
import { applyBookingDecision } from './apply-booking-decision.ts';
import { settleBooking } from './booking-follow-ups.ts';
import type { Actor, ServiceContext } from './context.ts';
import { acceptRequestsAfter } from './mentorship-requests.ts';
import { tellMenteesOfSession } from './session-invitations.ts';

export type SessionInput = {
  programId: string;
  mentorId: string;
  menteeId?: string | undefined;
  title: string;
  description: string;
  date: string;
  startTime: string;
  /** zone of `date` and `startTime`; the mentor's profile zone when absent */
  timeZone?: string | undefined;
  durationMinutes: number;
  location: string;
  locationTimeZone?: string | undefined;
  enrollment: EnrollmentMethod;
  meetingUrl?: string | undefined;
  groupIds: string[];
  capacity: number;
  timeZones: string[];
  publish: boolean;
};

export type SessionChanges = Partial<Omit<SessionInput, 'programId' | 'mentorId' | 'publish'>>;

/** The viewer's standing in the organisation, for visibility and permission checks. */
export async function requireViewer(q: Tx | ServiceContext['db'], actor: Actor, orgId: string) {
  const member = await getMemberContext(q, orgId, actor.userId);
  if (!member) throw notFound('Organisation');
  const viewer: SessionViewer = {
    userId: actor.userId,
    isOrgAdmin: member.role === 'admin',
    programIds: new Set(member.programs.map((p) => p.programId)),
    menteeProgramIds: new Set(
      member.programs.filter((p) => p.role === 'mentee').map((p) => p.programId),
    ),
    groupIds: new Set(member.groupIds),
    matchedMentors: new Set(member.matches.map((m) => matchKey(m.programId, m.mentorId))),
  };
  return { viewer, member };
}

/** Whether this viewer may see a listed session (core rule, on a listing row). */
export const visibleTo = (viewer: SessionViewer) => (s: SessionListing) =>
  canSeeSession(viewer, {
    mentorId: s.session.mentorId,
    status: s.session.status,
    programId: s.session.programId,
    programMode: s.programMode,
    groupIds: s.groupIds,
    enrolledIds: s.enrolled.map((e) => e.userId),
  });

/** Only the session's mentor or an org admin may manage it. */
function requireManager(viewer: SessionViewer, mentorId: string) {
  if (!viewer.isOrgAdmin && viewer.userId !== mentorId) {
    throw new AppError(
      'forbidden',
      "Only the session's mentor or an organisation admin can do this",
    );
  }
}

function requireAction(session: SessionRow, action: SessionAction) {
  if (!canActOnSession(session.status, action)) {
    throw new AppError('conflict', `Cannot ${action} a ${session.status} session`, {
      reason: `session_${session.status}`,
    });
  }
}

/** The start instant of a wall-clock date and time, refusing gaps and the past. */
function startInstant(
  date: string,
  time: string,
  timeZone: string,
  now: Date,
  field = 'body.startTime',
) {
  const ms = zonedInstant(date, time, timeZone);
  if (ms === null) {
    throw invalidField(
      field,
      `${time} does not exist on ${date} in ${timeZone} (the clocks change)`,
    );
  }
  if (ms <= now.getTime()) throw invalidField('body.date', 'must be in the future');
  return new Date(ms);
}

function describeClash(clash: SessionRow, timeZone: string) {
  const start = localDateTime(clash.startsAt.getTime(), timeZone).replace('T', ' ');
  const end = wallClockAt(clash.endsAt.getTime(), timeZone).time;
  const name = clash.title ? `“${clash.title}”` : 'another session';
  return new AppError('conflict', `Overlaps ${name} on ${start}–${end} (${timeZone})`, {
    reason: 'session_overlap',
    fields: { 'body.startTime': `overlaps ${name} on ${start}–${end} (${timeZone})` },
  });
}

/**
 * Writes a session row, turning an overlap into a 409 naming the clash. The
 * pre-check gives the message; the exclusion constraint settles races.
 */
async function writeSession(
  tx: Tx,
  mentor: { id: string; timeZone: string },
  write: () => Promise<SessionRow>,
  span: { startsAt: Date; endsAt: Date; exceptId?: string },
) {
  const clash = await findClashingSession(tx, mentor.id, span.startsAt, span.endsAt, span.exceptId);
  if (clash) throw describeClash(clash, mentor.timeZone);
  try {
    return await write();
  } catch (err) {
    if (sqlState(err) === '23P01') {
      throw new AppError(
        'conflict',
        'Overlaps another session of this mentor that was just created',
        {
          reason: 'session_overlap',
        },
      );
    }
    throw err;
  }
}

async function checkGroups(tx: Tx, orgId: string, groupIds: string[]) {
  for (const [i, id] of groupIds.entries()) {
    if (!(await getGroupInOrg(tx, orgId, id)))
      throw invalidField(`body.groupIds.${i}`, 'is not a group of this organisation');
  }
}

/**
 * Adds a mentee to a session directly (no request). For seed 001 this is the
 * mentor booking a session with the mentee: it accepts the mentee's session
 * requests to that mentor.
 */
async function enrollDirectly(
  tx: Tx,
  orgId: string,
  session: { id: string; mentorId: string },
  menteeId: string,
  actorId: string,
  now: Date,
) {
  await enrollMentee(tx, session.id, menteeId, actorId);
  await acceptRequestsAfter(
    tx,
    orgId,
    { step: 'mentor_booked', mentorId: session.mentorId, menteeId },
    `session:${session.id}`,
    actorId,
    now,
  );
}

async function checkMentee(tx: Tx, programId: string, menteeId: string) {
  const m = await getProgramMembership(tx, programId, menteeId);
  if (m?.role !== 'mentee') throw invalidField('body.menteeId', 'is not a mentee in this program');
}

function checkMeetingUrl(enrollment: EnrollmentMethod, meetingUrl: string | null | undefined) {
  if (needsMeetingUrl(enrollment) && !meetingUrl) {
    throw invalidField('body.meetingUrl', 'is required for online sessions');
  }
}

async function loadListing(tx: Tx | ServiceContext['db'], id: string) {
  const [listing] = await listSessions(tx, { ids: [id] });
  return listing!;
}

export async function createSession(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: SessionInput,
) {
  return ctx.db.transaction(async (tx) => {
    const { viewer } = await requireViewer(tx, actor, orgId);
    requireManager(viewer, input.mentorId);
    const program = await getProgramInOrg(tx, orgId, input.programId);
    if (!program) throw invalidField('body.programId', 'is not a program of this organisation');
    const mentorRole = await getProgramMembership(tx, input.programId, input.mentorId);
    if (mentorRole?.role !== 'mentor') {
      // Only an admin picks the mentor; anyone else who is no mentor there is refused.
      if (!viewer.isOrgAdmin) {
        throw new AppError('forbidden', "Only the program's mentors and admins create sessions");
      }
      throw invalidField('body.mentorId', 'is not a mentor in this program');
    }
    const mentor = (await getUserById(tx, input.mentorId))!;
    if (input.menteeId) await checkMentee(tx, input.programId, input.menteeId);
    await checkGroups(tx, orgId, input.groupIds);
    checkMeetingUrl(input.enrollment, input.meetingUrl);
    if (input.menteeId && input.capacity < 1)
      throw invalidField('body.capacity', 'must leave a seat for the mentee');
    const startsAt = startInstant(
      input.date,
      input.startTime,
      input.timeZone ??
        sessionWallTimeZone(
          { enrollment: input.enrollment, locationTimeZone: input.locationTimeZone ?? null },
          mentor.timeZone,
        ),
      ctx.now(),
    );
    if (!withinCohort(startsAt.getTime(), program, mentor.timeZone)) {
      throw invalidField(
        'body.date',
        `is outside the program's dates (${describeCohort(program)})`,
      );
    }
    const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
    const session = await writeSession(
      tx,
      mentor,
      () =>
        insertSession(tx, {
          orgId,
          programId: input.programId,
          mentorId: input.mentorId,
          createdBy: actor.userId,
          status: input.publish ? 'published' : 'draft',
          title: input.title,
          description: input.description,
          startsAt,
          endsAt,
          location: input.location,
          locationTimeZone: input.locationTimeZone ?? null,
          enrollment: input.enrollment,
          meetingUrl: input.meetingUrl ?? null,
          capacity: input.capacity,
          timeZones: input.timeZones,
        }),
      { startsAt, endsAt },
    );
    await setSessionGroups(tx, session.id, input.groupIds);
    if (input.menteeId) {
      await enrollDirectly(tx, orgId, session, input.menteeId, actor.userId, ctx.now());
      await tellMenteesOfSession(tx, session.id, 'added');
    }
    await announceSessions(tx, orgId, input.mentorId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: input.publish ? 'session.published' : 'session.drafted',
      subjectType: 'session',
      subjectId: session.id,
      details: { mentorId: input.mentorId, menteeId: input.menteeId ?? null, startsAt, endsAt },
    });
    return loadListing(tx, session.id);
  });
}

/**
 * Everyone in the organisation may be looking at its sessions or this
 * mentor's free times: their open pages refetch when the change commits.
 */
export function announceSessions(tx: Tx, orgId: string, mentorId: string) {
  return announceChange(tx, {
    type: 'change',
    resources: ['sessions', 'slots'],
    orgId,
    mentorId,
    userIds: [],
    orgMembers: orgId,
  });
}

/** Loads a session for a change by its mentor or an admin, locked for the transaction. */
async function requireManagedSession(
  tx: Tx,
  actor: Actor,
  orgId: string,
  id: string,
  action: SessionAction,
) {
  const { viewer } = await requireViewer(tx, actor, orgId);
  const session = await getSessionForUpdate(tx, orgId, id);
  if (!session) throw notFound('Session');
  const listing = await loadListing(tx, id);
  if (!visibleTo(viewer)(listing)) throw notFound('Session');
  requireManager(viewer, session.mentorId);
  requireAction(session, action);
  const mentor = (await getUserById(tx, session.mentorId))!;
  return { session, listing, mentor };
}

export async function editSession(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  changes: SessionChanges,
) {
  return ctx.db.transaction(async (tx) => {
    const { session, listing, mentor } = await requireManagedSession(tx, actor, orgId, id, 'edit');
    // A date or time sent alone keeps the other as it reads on the session's clock.
    const zone =
      changes.timeZone ??
      sessionWallTimeZone(
        {
          enrollment: changes.enrollment ?? session.enrollment,
          locationTimeZone: changes.locationTimeZone ?? session.locationTimeZone,
        },
        mentor.timeZone,
      );
    const current = wallClockAt(session.startsAt.getTime(), zone);
    const date = changes.date ?? current.date;
    const time = changes.startTime ?? current.time;
    const timeChanged = changes.date !== undefined || changes.startTime !== undefined;
    const startsAt = timeChanged ? startInstant(date, time, zone, ctx.now()) : session.startsAt;
    const duration =
      changes.durationMinutes ?? (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
    const endsAt = new Date(startsAt.getTime() + duration * 60_000);
    const enrollment = changes.enrollment ?? session.enrollment;
    checkMeetingUrl(enrollment, changes.meetingUrl ?? session.meetingUrl);
    if (changes.capacity !== undefined && changes.capacity < listing.enrolled.length) {
      throw invalidField(
        'body.capacity',
        `must be at least the ${listing.enrolled.length} mentee(s) already enrolled`,
      );
    }
    if (changes.groupIds) await checkGroups(tx, orgId, changes.groupIds);
    if (changes.menteeId) await checkMentee(tx, session.programId, changes.menteeId);
    const {
      date: _d,
      startTime: _t,
      timeZone: _z,
      durationMinutes: _m,
      groupIds,
      menteeId,
      ...plain
    } = changes;
    const updated = await writeSession(
      tx,
      mentor,
      () => updateSession(tx, id, { ...plain, startsAt, endsAt, updatedAt: ctx.now() }),
      {
        startsAt,
        endsAt,
        exceptId: id,
      },
    );
    if (groupIds) await setSessionGroups(tx, id, groupIds);
    if (menteeId) await enrollDirectly(tx, orgId, session, menteeId, actor.userId, ctx.now());
    // Those already in it hear of a change to when, where or how it meets; one just added, of the session.
    const before = listing.enrolled.map((e) => e.userId);
    if (sessionCalendarChanged(session, updated)) {
      await tellMenteesOfSession(tx, id, 'changed', before);
    }
    if (menteeId && !before.includes(menteeId)) {
      await tellMenteesOfSession(tx, id, 'added', [menteeId]);
    }
    await announceSessions(tx, orgId, session.mentorId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'session.edited',
      subjectType: 'session',
      subjectId: id,
      details: { changes },
    });
    return loadListing(tx, id);
  });
}

export async function publishSession(ctx: ServiceContext, actor: Actor, orgId: string, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { session } = await requireManagedSession(tx, actor, orgId, id, 'publish');
    await updateSession(tx, id, { status: 'published', updatedAt: ctx.now() });
    await tellMenteesOfSession(tx, id, 'added');
    await announceSessions(tx, orgId, session.mentorId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'session.published',
      subjectType: 'session',
      subjectId: id,
    });
    return loadListing(tx, id);
  });
}

export async function cancelSession(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  reason: string,
) {
  const decided: BookingRow[] = [];
  const cancelled = await ctx.db.transaction(async (tx) => {
    const { session, listing } = await requireManagedSession(tx, actor, orgId, id, 'cancel');
    decided.push(
      ...(await closeSession(tx, ctx, session, listing, {
        side: 'mentor',
        userId: actor.userId,
        reason,
      })),
    );
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'session.cancelled',
      subjectType: 'session',
      subjectId: id,
      details: { reason },
    });
    return loadListing(tx, id);
  });
  // Refunds go to the payment provider now that the cancellation has committed.
  for (const booking of decided) await settleBooking(ctx, booking);
  return cancelled;
}

/**
 * Cancels a session the caller has locked, inside their transaction: seats
 * booked in it are cancelled (or, still pending, rejected) by `by.side`, and
 * its mentees hear of it. Returns the bookings to settle once committed.
 */
async function closeSession(
  tx: Tx,
  ctx: ServiceContext,
  session: SessionRow,
  listing: SessionListing,
  by: { side: 'mentor' | 'system'; userId: string; reason: string },
) {
  const decided: BookingRow[] = [];
  const { orgId, id } = session;
  await updateSession(tx, id, {
    status: 'cancelled',
    cancelReason: by.reason,
    updatedAt: ctx.now(),
    // Its mentees' calendars take the cancellation over the last invitation.
    calendarSequence: session.calendarSequence + 1,
  });
  for (const booking of await listActiveBookingsOfSessionForUpdate(tx, id)) {
    // The mentor's side leaves a mentee's open counter-proposal to the mentee; the organisation closes it.
    if (by.side === 'mentor' && booking.status === 'pending' && booking.awaiting !== 'mentor')
      continue;
    decided.push(
      await applyBookingDecision(
        tx,
        ctx,
        booking,
        { side: by.side, userId: by.userId },
        {
          action: booking.status === 'approved' ? 'cancel' : 'reject',
          reason: `Session cancelled: ${by.reason}`,
        },
      ),
    );
  }
  // Mentees added directly hear of it too, through the outbox like every event.
  const title = session.title || `Session with ${listing.mentorName}`;
  await announceSessions(tx, orgId, session.mentorId);
  await insertOutbox(
    tx,
    'session.cancelled',
    {
      sessionId: id,
      // Only a published session was in its mentees' calendars, to be cancelled there.
      wasPublished: session.status === 'published',
      notify: listing.enrolled.map(
        (e): ReadyMadeNotification => ({
          userId: e.userId,
          title: `“${title}” was cancelled`,
          body: by.reason,
          link: `/o/${orgId}/sessions`,
        }),
      ),
    },
    { orgId, userIds: [session.mentorId, ...listing.enrolled.map((e) => e.userId)] },
  );
  return decided;
}

/**
 * Cancels the sessions still to come of a mentor the organisation
 * deactivates, inside the caller's transaction (issue #13). Returns the
 * bookings to settle once committed and how many sessions were cancelled.
 */
export async function cancelUpcomingSessionsOf(
  tx: Tx,
  ctx: ServiceContext,
  orgId: string,
  mentorId: string,
  by: { userId: string; reason: string },
) {
  const decided: BookingRow[] = [];
  const now = ctx.now();
  const upcoming = (
    await listSessions(tx, {
      orgId,
      mentorIds: [mentorId],
      from: now,
      statuses: ['draft', 'published'],
    })
  ).filter((l) => l.session.startsAt > now);
  for (const listing of upcoming) {
    const session = (await getSessionForUpdate(tx, orgId, listing.session.id))!;
    decided.push(...(await closeSession(tx, ctx, session, listing, { side: 'system', ...by })));
  }
  return { decided, sessions: upcoming.length };
}

/** Copies a session to new dates; `carryMentees` for bulk series with a booked mentee (seed 002). */
async function copySession(
  tx: Tx,
  ctx: ServiceContext,
  actor: Actor,
  source: {
    session: SessionRow;
    listing: SessionListing;
    mentor: { id: string; timeZone: string };
  },
  starts: { date: string; startTime: string }[],
  opts: { publish: boolean; carryMentees: boolean; seriesId: string | null },
) {
  const { session, listing, mentor } = source;
  const duration = session.endsAt.getTime() - session.startsAt.getTime();
  const zone = sessionWallTimeZone(session, mentor.timeZone);
  const ids: string[] = [];
  for (const [i, s] of starts.entries()) {
    const field = starts.length > 1 ? `body.copies.${i}` : 'body.startTime';
    const startsAt = startInstant(s.date, s.startTime, zone, ctx.now(), field);
    const endsAt = new Date(startsAt.getTime() + duration);
    const { id: _id, createdAt: _c, updatedAt: _u, cancelReason: _r, ...fields } = session;
    const copy = await writeSession(
      tx,
      mentor,
      () =>
        insertSession(tx, {
          ...fields,
          createdBy: actor.userId,
          status: opts.publish ? 'published' : 'draft',
          startsAt,
          endsAt,
          seriesId: opts.seriesId,
        }),
      { startsAt, endsAt },
    );
    await setSessionGroups(tx, copy.id, listing.groupIds);
    if (opts.carryMentees) {
      for (const e of listing.enrolled) await enrollMentee(tx, copy.id, e.userId, actor.userId);
    }
    ids.push(copy.id);
  }
  return ids;
}

export async function duplicateSession(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  target: { date: string; startTime: string; publish: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const source = await requireManagedSession(tx, actor, orgId, id, 'duplicate');
    await announceSessions(tx, orgId, source.session.mentorId);
    const [copyId] = await copySession(
      tx,
      ctx,
      actor,
      { ...source, mentor: source.mentor },
      [target],
      {
        publish: target.publish,
        carryMentees: false,
        seriesId: null,
      },
    );
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'session.duplicated',
      subjectType: 'session',
      subjectId: copyId!,
      details: { from: id },
    });
    return loadListing(tx, copyId!);
  });
}

/** A regular series of copies, all or nothing: one clash refuses the whole batch. */
export async function bulkDuplicateSession(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  plan: BulkPlan & { publish: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const source = await requireManagedSession(tx, actor, orgId, id, 'duplicate');
    await announceSessions(tx, orgId, source.session.mentorId);
    // Each copy at the original's wall time on the session's own clock.
    const local = wallClockAt(
      source.session.startsAt.getTime(),
      sessionWallTimeZone(source.session, source.mentor.timeZone),
    );
    const dates = bulkDuplicateDates(local.date, plan);
    if (dates === null) throw invalidField('body.count', 'would make more than 200 copies');
    if (dates.length === 0) throw invalidField('body.until', 'leaves no date for a copy');
    const seriesId = source.session.seriesId ?? source.session.id;
    if (!source.session.seriesId) await updateSession(tx, id, { seriesId });
    const ids = await copySession(
      tx,
      ctx,
      actor,
      source,
      dates.map((date) => ({ date, startTime: local.time })),
      { publish: plan.publish, carryMentees: true, seriesId },
    );
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'session.bulk_duplicated',
      subjectType: 'session',
      subjectId: id,
      details: { copies: ids.length, plan },
    });
    return listSessions(tx, { ids });
  });
}

export async function requireSession(ctx: ServiceContext, actor: Actor, orgId: string, id: string) {
  const { viewer } = await requireViewer(ctx.db, actor, orgId);
  const [listing] = await listSessions(ctx.db, { orgId, ids: [id] });
  if (!listing || !visibleTo(viewer)(listing)) throw notFound('Session');
  return listing;
}

export async function listOrgSessions(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  filter: {
    mentorId?: string | undefined;
    programId?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
  },
) {
  const { viewer } = await requireViewer(ctx.db, actor, orgId);
  const rows = await listSessions(ctx.db, {
    orgId,
    ...(filter.mentorId ? { mentorIds: [filter.mentorId] } : {}),
    ...(filter.programId ? { programId: filter.programId } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  });
  return rows.filter(visibleTo(viewer));
}

/** The Sessions tab: where I am the mentor or an enrolled mentee, in every organisation or in one. */
export function listMySessions(ctx: ServiceContext, actor: Actor, orgId?: string) {
  return listSessions(ctx.db, { participantId: actor.userId, ...(orgId ? { orgId } : {}) });
}
