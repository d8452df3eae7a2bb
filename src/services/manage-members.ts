import { closingActionFor } from '../core/booking-machine.ts';
import { AppError, notFound } from '../core/errors.ts';
import { searchWords } from '../core/mentor-search.ts';
import { photoUrlFor } from '../core/photo-url.ts';
import {
  canManageOrg,
  canSeeEmailOf,
  type OrgRole,
  type ProgramRole,
  wouldRemoveLastAdmin,
} from '../core/roles.ts';
import type { Tx } from '../db/client.ts';
import { revokeOtherAuthSessions } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { type BookingRow, listOpenBookingsOfMemberForUpdate } from '../db/queries/bookings.ts';
import { announceChange, announceMentorTimes } from '../db/queries/live-events.ts';
import { endMatchesOfMember } from '../db/queries/matches.ts';
import { prefixQuery } from '../db/queries/mentor-search.ts';
import { withdrawRequestsOfMember } from '../db/queries/mentorship-requests.ts';
import {
  countAdminsForUpdate,
  countOrgMembers,
  deleteOrgMember,
  getOrgMembership,
  isDeactivatedEverywhere,
  listOrgMembers,
  type MemberListing,
  setOrgMemberDeactivated,
  setOrgMemberRole,
} from '../db/queries/organisations.ts';
import {
  deleteProgramMember,
  getProgramInOrg,
  getProgramMembership,
  upsertProgramMember,
} from '../db/queries/programs.ts';
import { applyBookingDecision } from './apply-booking-decision.ts';
import { settleBooking } from './booking-follow-ups.ts';
import type { Actor, ServiceContext } from './context.ts';
import { cancelUpcomingSessionsOf } from './manage-sessions.ts';
import { requireOrgAdmin, requireOrgMember } from './org-access.ts';

/**
 * The organisation's members by name; optionally only those matching search
 * words (names, skills, profile text; each a prefix), only mentors, of a
 * role, program or group, or one person, and a page of them.
 */
export async function listMembers(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  opts: MemberFilters = {},
) {
  return (await listMembersPage(ctx, actor, orgId, opts)).members;
}

export type MemberFilters = Omit<MemberListing, 'tsquery'> & { q?: string | undefined };

/**
 * A page of members (all of them without a limit) and how many the filters
 * find in all: the admin's members list at 100,000 members.
 */
export async function listMembersPage(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  { q, ...opts }: MemberFilters = {},
) {
  const org = await requireOrgMember(ctx.db, actor, orgId);
  const viewer = { orgId, userId: actor.userId, role: org.role };
  const words = searchWords(q ?? '');
  const listing: MemberListing = {
    ...opts,
    // Only admins see whom they deactivated.
    status: canManageOrg(viewer) ? opts.status : 'active',
    tsquery: words.length > 0 ? prefixQuery(words) : null,
  };
  const rows = await listOrgMembers(ctx.db, orgId, listing);
  const total =
    opts.limit === undefined ? rows.length : await countOrgMembers(ctx.db, orgId, listing);
  const members = rows.map(({ photoKey, email, ...m }) => ({
    ...m,
    ...(canSeeEmailOf(viewer, m.userId) ? { email } : {}),
    hasPhoto: photoKey !== null,
    photoUrl: photoUrlFor(m.userId, photoKey),
  }));
  return { members, total };
}

async function requireMemberOf(tx: Tx, orgId: string, userId: string) {
  const membership = await getOrgMembership(tx, orgId, userId);
  if (!membership) throw notFound('Member');
  return membership;
}

async function refuseLastAdminRemoval(
  tx: Tx,
  orgId: string,
  current: OrgRole,
  next: OrgRole | 'removed',
) {
  if (current !== 'admin') return;
  const admins = await countAdminsForUpdate(tx, orgId);
  if (wouldRemoveLastAdmin(admins, current, next)) {
    throw new AppError(
      'conflict',
      'An organisation needs at least one admin; make someone else admin first',
      {
        reason: 'last_admin',
      },
    );
  }
}

export async function changeOrgRole(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  userId: string,
  role: OrgRole,
  reason: string | undefined,
) {
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    const membership = await requireMemberOf(tx, orgId, userId);
    if (membership.role === role) return { userId, role };
    await refuseLastAdminRemoval(tx, orgId, membership.role, role);
    await setOrgMemberRole(tx, orgId, userId, role);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'member.role_changed',
      subjectType: 'user',
      subjectId: userId,
      details: { from: membership.role, to: role, reason: reason ?? null },
    });
    return { userId, role };
  });
}

/** An admin removes someone, or a member leaves (actor === userId). */
export async function removeMember(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  userId: string,
  reason: string | undefined,
) {
  await ctx.db.transaction(async (tx) => {
    if (actor.userId === userId) await requireOrgMember(tx, actor, orgId);
    else await requireOrgAdmin(tx, actor, orgId);
    const membership = await requireMemberOf(tx, orgId, userId);
    await refuseLastAdminRemoval(tx, orgId, membership.role, 'removed');
    await deleteOrgMember(tx, orgId, userId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: actor.userId === userId ? 'member.left' : 'member.removed',
      subjectType: 'user',
      subjectId: userId,
      details: { role: membership.role, reason: reason ?? null },
    });
  });
}

/**
 * An admin deactivates a member (issue #13): they lose access to the
 * organisation (and, in no other one, cannot sign in; their sessions end),
 * take no new bookings, and every booking of theirs still open is closed by
 * the organisation: requests rejected, sessions to come cancelled (a
 * mentor's own sessions too), each with the reason, refunded and announced
 * to both sides. The past stays as it was; reactivating restores access.
 */
export async function deactivateMember(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  userId: string,
  reason: string,
) {
  const decided: BookingRow[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    if (actor.userId === userId) {
      throw new AppError('conflict', 'You cannot deactivate yourself; ask another admin', {
        reason: 'self',
      });
    }
    const membership = await requireMemberOf(tx, orgId, userId);
    if (membership.deactivatedAt) return summary(membership.deactivatedAt, 0, 0, 0);
    await refuseLastAdminRemoval(tx, orgId, membership.role, 'removed');
    const now = ctx.now();
    await setOrgMemberDeactivated(tx, orgId, userId, now);
    const why = `No longer taking part: ${reason}`;
    const sessions = await cancelUpcomingSessionsOf(tx, ctx, orgId, userId, {
      userId: actor.userId,
      reason: why,
    });
    decided.push(...sessions.decided);
    for (const booking of await listOpenBookingsOfMemberForUpdate(tx, orgId, userId, now)) {
      const action = closingActionFor(
        { status: booking.status, startsAt: booking.startsAt.getTime() },
        now.getTime(),
      );
      if (!action) continue;
      decided.push(
        await applyBookingDecision(
          tx,
          ctx,
          booking,
          { side: 'system', userId: actor.userId },
          { action, reason: why },
        ),
      );
    }
    // Mentorship requests to or from them close too; the other side's lists refresh.
    const others = await withdrawRequestsOfMember(tx, orgId, userId, actor.userId, now);
    if (others.length > 0) {
      await announceChange(tx, {
        type: 'change',
        resources: ['mentorship-requests'],
        orgId,
        userIds: others,
      });
    }
    if (await isDeactivatedEverywhere(tx, userId))
      await revokeOtherAuthSessions(tx, userId, null, now);
    const rejected = decided.filter((b) => b.status === 'rejected').length;
    const cancelled = decided.filter((b) => b.status === 'cancelled').length;
    // The directory and free times change: the member is no longer (or again) bookable.
    await announceMentorTimes(tx, userId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'member.deactivated',
      subjectType: 'user',
      subjectId: userId,
      details: {
        reason,
        bookingsRejected: rejected,
        bookingsCancelled: cancelled,
        sessionsCancelled: sessions.sessions,
        requestsWithdrawn: others.length,
      },
    });
    return summary(now, rejected, cancelled, sessions.sessions);
  });
  // Refunds go to the payment provider once the closing has committed.
  for (const booking of decided) await settleBooking(ctx, booking);
  return { userId, ...result };
}

const summary = (at: Date, rejected: number, cancelled: number, sessions: number) => ({
  deactivatedAt: at,
  bookingsRejected: rejected,
  bookingsCancelled: cancelled,
  sessionsCancelled: sessions,
});

/** An admin lets a deactivated member back in; what was closed stays closed. */
export async function reactivateMember(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  userId: string,
  reason: string | undefined,
) {
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    const membership = await requireMemberOf(tx, orgId, userId);
    if (!membership.deactivatedAt) return { userId, deactivatedAt: null };
    await setOrgMemberDeactivated(tx, orgId, userId, null);
    // The directory and free times change: the member is no longer (or again) bookable.
    await announceMentorTimes(tx, userId);
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'member.reactivated',
      subjectType: 'user',
      subjectId: userId,
      details: { reason: reason ?? null, deactivatedAt: membership.deactivatedAt.toISOString() },
    });
    return { userId, deactivatedAt: null };
  });
}

/** Gives a member a role in a program, changes it, or (role null) takes it away. */
export async function setProgramRole(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  programId: string,
  userId: string,
  role: ProgramRole | null,
  reason: string | undefined,
) {
  return ctx.db.transaction(async (tx) => {
    await requireOrgAdmin(tx, actor, orgId);
    if (!(await getProgramInOrg(tx, orgId, programId))) throw notFound('Program');
    await requireMemberOf(tx, orgId, userId);
    const before = await getProgramMembership(tx, programId, userId);
    if ((before?.role ?? null) === role) return { programId, userId, role };
    if (role) await upsertProgramMember(tx, programId, userId, role);
    else await deleteProgramMember(tx, programId, userId);
    // A match needs both people in their roles: leaving or switching ends it.
    const ended = before ? await endMatchesOfMember(tx, programId, userId, ctx.now()) : [];
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: role
        ? before
          ? 'program_member.role_changed'
          : 'program_member.added'
        : 'program_member.removed',
      subjectType: 'user',
      subjectId: userId,
      details: {
        programId,
        from: before?.role ?? null,
        to: role,
        reason: reason ?? null,
        endedMatches: ended.map((m) => m.id),
      },
    });
    return { programId, userId, role };
  });
}
