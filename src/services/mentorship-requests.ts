import { AppError, invalidField, notFound } from '../core/errors.ts';
import {
  type AcceptingStep,
  decideRequest,
  MAX_REQUESTS_PER_PAIR_PER_DAY,
  type RequestAction,
  type RequestKind,
  type RequestStatus,
  requestKinds,
  requestsAcceptedBy,
  statusSeenBy,
} from '../core/mentorship-requests.ts';
import {
  type MessageRequestStatus,
  mayMessage,
  pairKey,
  requestProgram,
  type Standing,
} from '../core/messaging.ts';
import { photoUrlFor } from '../core/photo-url.ts';
import { mentorshipRequestTopic } from '../core/topics.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { insertOutbox } from '../db/queries/bookings.ts';
import { announceChange } from '../db/queries/live-events.ts';
import { listMatchesBetween } from '../db/queries/matches.ts';
import {
  type Acceptance,
  acceptMentorshipRequests,
  countRequestsSince,
  getMentorshipRequestForUpdate,
  insertMentorshipRequest,
  insertRequestEvent,
  listMentorshipRequestsOf,
  listStandings,
  lockRequestPair,
  setMentorshipRequestStatus,
} from '../db/queries/mentorship-requests.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgMember } from './org-access.ts';

const DAY_MS = 86_400_000;

/** Both people's standing and the matches between them; 404 when either is not a member. */
export async function loadPair(q: Queryable, orgId: string, meId: string, otherId: string) {
  const rows = await listStandings(q, orgId, [meId, otherId]);
  const toStanding = (r: (typeof rows)[number]): Standing => ({
    userId: r.userId,
    isOrgAdmin: r.role === 'admin',
    programs: r.programs,
  });
  const me = rows.find((r) => r.userId === meId);
  if (!me) throw notFound('Organisation');
  const other = rows.find((r) => r.userId === otherId);
  if (!other) throw notFound('Member');
  const pairs = new Set(
    (await listMatchesBetween(q, meId, otherId)).map((m) =>
      pairKey(m.programId, m.mentorId, m.menteeId),
    ),
  );
  return { me, other, meStanding: toStanding(me), otherStanding: toStanding(other), pairs };
}

/**
 * Which requests the actor may send `otherId` (core's rule, the one
 * `sendMentorshipRequest` applies), so a profile offers only what would be
 * accepted. Nothing to oneself.
 */
export async function requestKindsToward(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  otherId: string,
): Promise<RequestKind[]> {
  if (otherId === actor.userId) return [];
  const { meStanding, otherStanding, pairs } = await loadPair(ctx.db, orgId, actor.userId, otherId);
  return requestKinds.filter((kind) => requestProgram(kind, meStanding, otherStanding, pairs));
}

const noun: Record<RequestKind, string> = {
  offer: 'an offer to mentor',
  session_request: 'a session request',
};

/**
 * Sends an offer to mentor (mentor → mentee) or a session request (mentee →
 * mentor) through a program both belong to; in a matched program only to a
 * match. Several to one person are allowed (seed 001) but at most a few a day.
 * A session request accepts the receiver's own offers to the sender.
 */
export async function sendMentorshipRequest(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: { kind: RequestKind; toUserId: string; message: string },
) {
  if (input.toUserId === actor.userId) {
    throw invalidField('body.toUserId', 'is you; send it to someone else');
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const { me, other, meStanding, otherStanding, pairs } = await loadPair(
      tx,
      orgId,
      actor.userId,
      input.toUserId,
    );
    const programId = requestProgram(input.kind, meStanding, otherStanding, pairs);
    if (!programId) {
      throw new AppError(
        'forbidden',
        input.kind === 'offer'
          ? `You can offer to mentor ${other.name} only as a mentor in a program where they are a mentee (in a matched program, their match)`
          : `You can ask ${other.name} for a session only as a mentee in a program where they mentor (in a matched program, your match)`,
        { reason: 'not_reachable' },
      );
    }
    await lockRequestPair(tx, actor.userId, input.toUserId);
    const recent = await countRequestsSince(
      tx,
      actor.userId,
      input.toUserId,
      new Date(now.getTime() - DAY_MS),
    );
    if (recent >= MAX_REQUESTS_PER_PAIR_PER_DAY) {
      throw new AppError(
        'rate_limited',
        `You have sent ${other.name} ${recent} requests in the last 24 hours; wait for an answer`,
        { reason: 'too_many_requests' },
      );
    }
    const row = await insertMentorshipRequest(tx, {
      orgId,
      programId,
      kind: input.kind,
      senderId: actor.userId,
      receiverId: input.toUserId,
      message: input.message,
      createdAt: now,
      updatedAt: now,
    });
    await insertRequestEvent(tx, {
      requestType: 'mentorship',
      requestId: row.id,
      actorId: actor.userId,
      action: 'send',
      fromStatus: null,
      toStatus: 'pending',
      at: now,
    });
    await insertOutbox(
      tx,
      mentorshipRequestTopic(input.kind),
      {
        notify: [
          {
            userId: input.toUserId,
            title: `${me.name} sent you ${noun[input.kind]}`,
            body: input.message,
            link: `/o/${orgId}/requests?tab=mentorship`,
          },
        ],
      },
      { orgId, userIds: [actor.userId, input.toUserId] },
    );
    if (input.kind === 'session_request') {
      await acceptRequestsAfter(
        tx,
        orgId,
        { step: 'session_request_sent', mentorId: input.toUserId, menteeId: actor.userId },
        `session_request:${row.id}`,
        actor.userId,
        now,
      );
    }
    return describeRequest(tx, orgId, actor.userId, row.id);
  });
}

/**
 * The requests a step accepts (seed 001), with every related pending or
 * dismissed one: passed to the step's own statement (bookings) or run with
 * `acceptRequestsAfter` inside its transaction.
 */
export function acceptanceAfter(
  orgId: string,
  step: AcceptingStep,
  via: string,
  actorId: string | null,
  now: Date,
): Acceptance {
  return { orgId, ...requestsAcceptedBy(step), via, actorId, now };
}

export async function acceptRequestsAfter(
  tx: Tx,
  orgId: string,
  step: AcceptingStep,
  via: string,
  actorId: string | null,
  now: Date,
) {
  const acceptance = acceptanceAfter(orgId, step, via, actorId, now);
  const accepted = await acceptMentorshipRequests(tx, acceptance);
  if (accepted > 0) {
    await announceChange(tx, {
      type: 'change',
      resources: ['mentorship-requests'],
      orgId,
      userIds: [acceptance.senderId, acceptance.receiverId],
    });
  }
  return accepted;
}

/** A refused step of a request: the wrong person is 403, the wrong moment 409. */
export function refuseRequestStep(d: { reason: string; message: string }): never {
  throw new AppError(d.reason === 'wrong_side' ? 'forbidden' : 'conflict', d.message, {
    reason: d.reason,
  });
}

/** The statuses a mentorship or a message request moves between. */
type RequestStepStatus = RequestStatus | MessageRequestStatus;

/** Every step of a mentorship or message request is recorded: who, when, from what to what. */
export function recordRequestStep(
  tx: Tx,
  requestType: 'mentorship' | 'message',
  row: { id: string; status: RequestStepStatus },
  actorId: string,
  action: string,
  to: RequestStepStatus,
  at: Date,
) {
  return insertRequestEvent(tx, {
    requestType,
    requestId: row.id,
    actorId,
    action,
    fromStatus: row.status,
    toStatus: to,
    at,
  });
}

/** The receiver dismisses (silently) or the sender withdraws. */
export async function answerMentorshipRequest(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  id: string,
  action: Extract<RequestAction, 'dismiss' | 'withdraw'>,
) {
  return ctx.db.transaction(async (tx) => {
    const row = await getMentorshipRequestForUpdate(tx, orgId, id);
    const side =
      row?.senderId === actor.userId
        ? 'sender'
        : row?.receiverId === actor.userId
          ? 'receiver'
          : null;
    if (!row || !side) throw notFound('Request');
    const decision = decideRequest(row.status, action, side);
    if (!decision.ok) refuseRequestStep(decision);
    const now = ctx.now();
    const updated = await setMentorshipRequestStatus(tx, id, decision.to, now);
    await recordRequestStep(tx, 'mentorship', row, actor.userId, action, decision.to, now);
    // A dismissal is silent: only the receiver's own lists change.
    await announceChange(tx, {
      type: 'change',
      resources: ['mentorship-requests'],
      orgId,
      userIds: action === 'dismiss' ? [actor.userId] : [row.senderId, row.receiverId],
    });
    return describeRequest(tx, orgId, actor.userId, updated.id);
  });
}

type ListedRequest = Awaited<ReturnType<typeof listMentorshipRequestsOf>>[number];

/** A request as one of its two people sees it. */
function present({ request: r, ...l }: ListedRequest, viewerId: string) {
  const side = r.senderId === viewerId ? 'sender' : 'receiver';
  const otherId = side === 'sender' ? r.receiverId : r.senderId;
  return {
    id: r.id,
    kind: r.kind,
    box: side === 'sender' ? ('sent' as const) : ('received' as const),
    // A dismissal is silent: the sender still sees Pending (seed 001).
    status: statusSeenBy(r.status, side),
    message: r.message,
    programId: r.programId,
    programName: l.programName,
    other: {
      userId: otherId,
      name: side === 'sender' ? l.receiverName : l.senderName,
      photoUrl: photoUrlFor(otherId, side === 'sender' ? l.receiverPhotoKey : l.senderPhotoKey),
    },
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export type PresentedRequest = ReturnType<typeof present>;

/** One request as this viewer (its sender or receiver) sees it. */
async function describeRequest(q: Queryable, orgId: string, viewerId: string, id: string) {
  const [row] = await listMentorshipRequestsOf(q, orgId, viewerId, id);
  if (!row) throw notFound('Request');
  return present(row, viewerId);
}

/** My Mentorship Requests: what I received and what I sent. */
export async function listMyMentorshipRequests(ctx: ServiceContext, actor: Actor, orgId: string) {
  await requireOrgMember(ctx.db, actor, orgId);
  const all = (await listMentorshipRequestsOf(ctx.db, orgId, actor.userId)).map((row) =>
    present(row, actor.userId),
  );
  return {
    // A withdrawn request leaves the receiver's list but stays in the sender's.
    received: all.filter((r) => r.box === 'received' && r.status !== 'withdrawn'),
    sent: all.filter((r) => r.box === 'sent'),
  };
}

/**
 * Anyone may suggest a mentor to a mentee or a mentee to a mentor: the
 * suggestion arrives as a notification with a link to the suggested profile.
 */
export async function suggestPerson(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  input: { toUserId: string; suggestedUserId: string; note: string },
) {
  if (input.toUserId === input.suggestedUserId) {
    throw invalidField('body.suggestedUserId', 'is the person you are writing to');
  }
  if (input.toUserId === actor.userId) throw invalidField('body.toUserId', 'is you');
  await ctx.db.transaction(async (tx) => {
    const { me, other, meStanding, otherStanding, pairs } = await loadPair(
      tx,
      orgId,
      actor.userId,
      input.toUserId,
    );
    if (!mayMessage(meStanding, otherStanding, pairs)) {
      throw new AppError('forbidden', `You do not share a program with ${other.name}`, {
        reason: 'not_reachable',
      });
    }
    const [suggested] = await listStandings(tx, orgId, [input.suggestedUserId]);
    if (!suggested) throw notFound('Suggested member');
    const role = suggested.programs.some((p) => p.role === 'mentor') ? 'a mentor' : 'someone';
    await insertOutbox(
      tx,
      'mentorship.suggestion',
      {
        notify: [
          {
            userId: input.toUserId,
            title: `${me.name} suggests ${suggested.name} as ${role} for you`,
            body: input.note,
            link: `/o/${orgId}/people/${suggested.userId}`,
          },
        ],
      },
      { orgId, userIds: [input.toUserId] },
    );
    await insertAuditEvent(tx, {
      orgId,
      actorId: actor.userId,
      action: 'suggest',
      subjectType: 'user',
      subjectId: input.suggestedUserId,
      details: { to: input.toUserId, note: input.note },
    });
  });
}
