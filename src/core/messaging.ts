/**
 * Messages and message requests (seeds 000, 003): who may write to whom, and
 * the life of a first message to someone who is not yet a connection.
 */
import type { RequestKind } from './mentorship-requests.ts';
import type { ProgramMode, ProgramRole } from './roles.ts';

export const MAX_MESSAGE_LENGTH = 10_000;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const messageRequestStatuses = ['pending', 'accepted', 'rejected'] as const;
export type MessageRequestStatus = (typeof messageRequestStatuses)[number];

/** A member's standing, as reach rules need it. */
export type Standing = {
  userId: string;
  isOrgAdmin: boolean;
  programs: readonly { programId: string; mode: ProgramMode; role: ProgramRole }[];
};

/** Active matches in matched programs, as `programId:mentorId:menteeId`. */
export const pairKey = (programId: string, mentorId: string, menteeId: string) =>
  `${programId}:${mentorId}:${menteeId}`;

/**
 * A program in which `from` may address `to` in the role given: `to` must
 * hold `toRole` and `from` the other role. In an à-la-carte program anyone may;
 * in a matched one only a matched pair (seed 000).
 */
export function programBetween(
  from: Standing,
  to: Standing,
  toRole: ProgramRole,
  matchedPairs: ReadonlySet<string>,
): string | null {
  const fromRole: ProgramRole = toRole === 'mentor' ? 'mentee' : 'mentor';
  for (const p of from.programs) {
    if (p.role !== fromRole) continue;
    if (!to.programs.some((q) => q.programId === p.programId && q.role === toRole)) continue;
    if (p.mode === 'a_la_carte') return p.programId;
    const [mentor, mentee] = toRole === 'mentor' ? [to, from] : [from, to];
    if (matchedPairs.has(pairKey(p.programId, mentor.userId, mentee.userId))) return p.programId;
  }
  return null;
}

/** The program an offer or a session request goes through, or null if none may. */
export function requestProgram(
  kind: RequestKind,
  sender: Standing,
  receiver: Standing,
  matchedPairs: ReadonlySet<string>,
): string | null {
  return programBetween(sender, receiver, kind === 'offer' ? 'mentee' : 'mentor', matchedPairs);
}

/**
 * Whether `from` may start a conversation with `to`: admins with anyone in
 * their organisation; others through a program they share (in a matched
 * program, only with their match), in either role.
 */
export function mayMessage(
  from: Standing,
  to: Standing,
  matchedPairs: ReadonlySet<string>,
): boolean {
  if (from.userId === to.userId) return false;
  if (from.isOrgAdmin || to.isOrgAdmin) return true;
  return (
    programBetween(from, to, 'mentor', matchedPairs) !== null ||
    programBetween(from, to, 'mentee', matchedPairs) !== null ||
    // Two mentors, or two mentees, of one à-la-carte program.
    from.programs.some(
      (p) =>
        p.mode === 'a_la_carte' &&
        to.programs.some((q) => q.programId === p.programId && q.role === p.role),
    )
  );
}

/** A direct conversation between two people, as the sender sees it. */
export type DirectState = {
  connected: boolean;
  request: { senderId: string; status: MessageRequestStatus } | null;
  /** messages the sender has already written in it */
  sentByMe: number;
};

export type SendDecision =
  | { ok: true; opensRequest: boolean }
  | {
      ok: false;
      reason: 'awaiting_acceptance' | 'accept_first' | 'request_rejected';
      message: string;
    };

/**
 * A first message to someone who is not a connection is a message request;
 * until it is accepted the sender may not send a second one (seed 003). The
 * receiver accepts or rejects it before replying. A rejected request stays
 * rejected for its sender; its receiver may still write, which opens a new
 * request the other way.
 */
export function decideDirectSend(userId: string, s: DirectState): SendDecision {
  if (s.connected) return { ok: true, opensRequest: false };
  const r = s.request;
  if (!r) return { ok: true, opensRequest: true };
  const mine = r.senderId === userId;
  if (r.status === 'pending') {
    if (!mine) {
      return {
        ok: false,
        reason: 'accept_first',
        message: 'Accept this message request before replying',
      };
    }
    if (s.sentByMe >= 1) {
      return {
        ok: false,
        reason: 'awaiting_acceptance',
        message:
          'Your message request has not been accepted yet; you can send one message until it is',
      };
    }
    return { ok: true, opensRequest: false };
  }
  if (r.status === 'rejected') {
    if (mine) {
      return {
        ok: false,
        reason: 'request_rejected',
        message: 'Your message request was declined',
      };
    }
    return { ok: true, opensRequest: true };
  }
  // Accepted: the two are connections (the caller's `connected` says so too).
  return { ok: true, opensRequest: false };
}

export type MessageRequestAction = 'accept' | 'reject';

/** Only the receiver answers a message request, and only while it is pending. */
export function decideMessageRequest(
  status: MessageRequestStatus,
  action: MessageRequestAction,
  isReceiver: boolean,
):
  | { ok: true; to: MessageRequestStatus }
  | { ok: false; reason: 'wrong_side' | 'not_pending'; message: string } {
  if (!isReceiver) {
    return {
      ok: false,
      reason: 'wrong_side',
      message: 'Only its receiver can answer a message request',
    };
  }
  if (status !== 'pending') {
    return {
      ok: false,
      reason: 'not_pending',
      message: `This message request is already ${status}`,
    };
  }
  return { ok: true, to: action === 'accept' ? 'accepted' : 'rejected' };
}

/** A connection is stored once per pair, smaller id first. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** A message must say something (or carry a file) and stay within the limit. */
export function messageBodyProblem(body: string, hasAttachment: boolean): string | null {
  if (body.length > MAX_MESSAGE_LENGTH) return `must be at most ${MAX_MESSAGE_LENGTH} characters`;
  if (body.trim() === '' && !hasAttachment) return 'must not be empty';
  return null;
}
