import { and, desc, eq, gt, inArray, or, sql, type WithSubquery } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RequestKind, RequestStatus } from '../../core/mentorship-requests.ts';
import type { ProgramMode, ProgramRole } from '../../core/roles.ts';
import type { Queryable } from '../client.ts';
import {
  mentorshipRequests,
  orgMembers,
  programMembers,
  programs,
  requestEvents,
  users,
} from '../schema.ts';

export type MentorshipRequestRow = typeof mentorshipRequests.$inferSelect;

/**
 * Members' standing in the organisation (role, programs with their mode and
 * the member's role) with name and photo: what reach rules and request lists
 * need. Non-members are simply absent.
 */
export async function listStandings(q: Queryable, orgId: string, userIds: string[]) {
  return q
    .select({
      userId: users.id,
      name: users.name,
      photoKey: users.photoKey,
      role: orgMembers.role,
      programs: sql<{ programId: string; mode: ProgramMode; role: ProgramRole }[]>`coalesce((
        select json_agg(json_build_object('programId', pm.program_id, 'mode', p.mode, 'role', pm.role))
        from ${programMembers} pm join ${programs} p on p.id = pm.program_id
        where pm.user_id = ${sql.raw('"users"."id"')} and p.org_id = ${orgId} and p.archived_at is null), '[]'::json)`,
    })
    .from(orgMembers)
    .innerJoin(users, eq(users.id, orgMembers.userId))
    .where(and(eq(orgMembers.orgId, orgId), inArray(orgMembers.userId, userIds)));
}

export async function insertMentorshipRequest(
  q: Queryable,
  values: typeof mentorshipRequests.$inferInsert,
) {
  const [row] = await q.insert(mentorshipRequests).values(values).returning();
  return row!;
}

/**
 * Serialises one sender's requests to one receiver for the rest of the
 * transaction, so the flood limit is counted after any request in flight has
 * landed (the count must be a later statement).
 */
export async function lockRequestPair(q: Queryable, senderId: string, receiverId: string) {
  await q.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`requests:${senderId}:${receiverId}`}, 0))`,
  );
}

/** Requests one sender sent one receiver since `since` (the flood limit). */
export async function countRequestsSince(
  q: Queryable,
  senderId: string,
  receiverId: string,
  since: Date,
) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(mentorshipRequests)
    .where(
      and(
        eq(mentorshipRequests.senderId, senderId),
        eq(mentorshipRequests.receiverId, receiverId),
        gt(mentorshipRequests.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

export async function getMentorshipRequestForUpdate(q: Queryable, orgId: string, id: string) {
  const [row] = await q
    .select()
    .from(mentorshipRequests)
    .where(and(eq(mentorshipRequests.id, id), eq(mentorshipRequests.orgId, orgId)))
    .for('update');
  return row ?? null;
}

export async function setMentorshipRequestStatus(
  q: Queryable,
  id: string,
  status: RequestStatus,
  now: Date,
) {
  const [row] = await q
    .update(mentorshipRequests)
    .set({ status, updatedAt: now })
    .where(eq(mentorshipRequests.id, id))
    .returning();
  return row!;
}

export async function insertRequestEvent(q: Queryable, values: typeof requestEvents.$inferInsert) {
  await q.insert(requestEvents).values(values);
}

/** Which requests a step accepts, by whom, when and through what. */
export type Acceptance = {
  orgId: string;
  kind: RequestKind;
  senderId: string;
  receiverId: string;
  via: string;
  actorId: string | null;
  now: Date;
};

/**
 * Accepting every pending or dismissed request of this kind from sender to
 * receiver in the organisation, as two CTE bodies: the update (named
 * `accepted_requests`) and an event per request with the status it had (the
 * event CTE joins the updated ids to the rows as they were before the update).
 */
function acceptanceSql(a: Acceptance) {
  return {
    update: sql`update ${mentorshipRequests}
      set status = 'accepted', accepted_via = ${a.via}, updated_at = ${a.now}
      where org_id = ${a.orgId} and kind = ${a.kind} and sender_id = ${a.senderId}
        and receiver_id = ${a.receiverId} and status in ('pending', 'dismissed')
      returning id`,
    events: sql`insert into ${requestEvents} (request_type, request_id, actor_id, action, from_status, to_status, note, at)
      select 'mentorship', before.id, ${a.actorId}, 'accept', before.status, 'accepted', ${a.via}, ${a.now}
      from accepted_requests join ${mentorshipRequests} before on before.id = accepted_requests.id`,
  };
}

/** The acceptance as CTEs of another statement (a booking's own change). */
export function acceptanceCtes(q: Queryable, a: Acceptance): WithSubquery[] {
  const { update, events } = acceptanceSql(a);
  return [
    q.$with('accepted_requests', {}).as(update),
    q.$with('accepted_request_events', {}).as(events),
  ];
}

/** The acceptance on its own, in one statement. Returns how many were accepted. */
export async function acceptMentorshipRequests(q: Queryable, a: Acceptance) {
  const { update, events } = acceptanceSql(a);
  const rows = await q.execute(sql`
    with accepted_requests as (${update}), accepted_request_events as (${events})
    select count(*)::int as n from accepted_requests`);
  return Number((rows as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? 0);
}

/**
 * A user's requests in the organisation, both boxes, newest first, with the
 * other person; with `onlyId`, just that one (if the user sent or received it).
 */
export async function listMentorshipRequestsOf(
  q: Queryable,
  orgId: string,
  userId: string,
  onlyId?: string,
) {
  const sender = alias(users, 'sender');
  const receiver = alias(users, 'receiver');
  return q
    .select({
      request: mentorshipRequests,
      programName: programs.name,
      senderName: sender.name,
      senderPhotoKey: sender.photoKey,
      receiverName: receiver.name,
      receiverPhotoKey: receiver.photoKey,
    })
    .from(mentorshipRequests)
    .innerJoin(programs, eq(programs.id, mentorshipRequests.programId))
    .innerJoin(sender, eq(sender.id, mentorshipRequests.senderId))
    .innerJoin(receiver, eq(receiver.id, mentorshipRequests.receiverId))
    .where(
      and(
        eq(mentorshipRequests.orgId, orgId),
        or(eq(mentorshipRequests.senderId, userId), eq(mentorshipRequests.receiverId, userId)),
        onlyId ? eq(mentorshipRequests.id, onlyId) : undefined,
      ),
    )
    .orderBy(desc(mentorshipRequests.createdAt))
    .limit(500);
}

/**
 * Withdraws every open mentorship request (pending or dismissed) the user sent
 * or received in the organisation, with an event each by `actorId`: a member
 * the organisation deactivates leaves nobody waiting (issue #13). Returns the
 * other people of the requests closed.
 */
export async function withdrawRequestsOfMember(
  q: Queryable,
  orgId: string,
  userId: string,
  actorId: string,
  now: Date,
): Promise<string[]> {
  const result = await q.execute(sql`
    with before as (
      select id, status, sender_id, receiver_id from ${mentorshipRequests}
      where org_id = ${orgId} and (sender_id = ${userId} or receiver_id = ${userId})
        and status in ('pending', 'dismissed')
      for update
    ), closed as (
      update ${mentorshipRequests} r set status = 'withdrawn', updated_at = ${now}
      from before where r.id = before.id
      returning r.id
    ), closed_events as (
      insert into ${requestEvents} (request_type, request_id, actor_id, action, from_status, to_status, note, at)
      select 'mentorship', before.id, ${actorId}, 'withdraw', before.status, 'withdrawn',
        'member deactivated', ${now}
      from before join closed on closed.id = before.id
    )
    select distinct case when sender_id = ${userId} then receiver_id else sender_id end as other
    from before`);
  return ((result as unknown as { rows: { other: string }[] }).rows ?? []).map((r) => r.other);
}
