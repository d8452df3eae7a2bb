/**
 * Mentorship requests (seed 001): an *offer to mentor* (mentor → mentee) or a
 * *session request* (mentee → mentor). Pure rules; callers load and store.
 */
export const requestKinds = ['offer', 'session_request'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestStatuses = ['pending', 'dismissed', 'accepted', 'withdrawn'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export type RequestAction = 'dismiss' | 'withdraw' | 'accept';
export type RequestSide = 'sender' | 'receiver';

/** Statuses a request can still be accepted from: a dismissal is not final. */
export const acceptableStatuses: readonly RequestStatus[] = ['pending', 'dismissed'];

/** Every allowed step: who may take it from which status, and where it leads. */
const transitions: Record<
  RequestAction,
  { by: RequestSide | 'system'; from: readonly RequestStatus[]; to: RequestStatus }
> = {
  // The receiver dismisses; the sender is not told (see `statusSeenBy`).
  dismiss: { by: 'receiver', from: ['pending'], to: 'dismissed' },
  // The sender takes back a request nobody has acted on yet.
  withdraw: { by: 'sender', from: ['pending', 'dismissed'], to: 'withdrawn' },
  // Acceptance follows from what the receiver does (a booking, a session request).
  accept: { by: 'system', from: acceptableStatuses, to: 'accepted' },
};

const pastTense: Record<RequestAction, string> = {
  dismiss: 'dismissed',
  withdraw: 'withdrawn',
  accept: 'accepted',
};

export type RequestDecision =
  | { ok: true; to: RequestStatus }
  | { ok: false; reason: 'not_allowed' | 'wrong_side'; message: string };

export function decideRequest(
  status: RequestStatus,
  action: RequestAction,
  by: RequestSide | 'system',
): RequestDecision {
  const t = transitions[action];
  if (t.by !== by) {
    return {
      ok: false,
      reason: 'wrong_side',
      message:
        t.by === 'system'
          ? 'A request is accepted by booking a session, not directly'
          : `Only the request's ${t.by} can ${action} it`,
    };
  }
  // The sender sees a dismissed request as pending: refuse in the sender's words.
  const seen = by === 'sender' ? statusSeenBy(status, 'sender') : status;
  if (!t.from.includes(status)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: `This request is ${seen}; it cannot be ${pastTense[action]}`,
    };
  }
  return { ok: true, to: t.to };
}

/**
 * What each side sees. A dismissal is silent (seed 001): the sender still
 * sees Pending, and the receiver keeps it in Received and may accept later.
 */
export function statusSeenBy(status: RequestStatus, side: RequestSide): RequestStatus {
  return side === 'sender' && status === 'dismissed' ? 'pending' : status;
}

/**
 * What makes requests Accepted, as the kinds of requests (sender → receiver)
 * a step accepts. When one request is accepted, every related pending or
 * dismissed one (same kind, same sender and receiver) is accepted with it.
 * - a mentee books a mentor (requests a slot, a seat or a time of their own):
 *   the mentor's offers to that mentee;
 * - a mentee sends a mentor a session request: the mentor's offers to them;
 * - a mentor approves a mentee's booking or creates a session with the
 *   mentee directly: the mentee's session requests to that mentor.
 */
export type AcceptingStep =
  | { step: 'mentee_booked'; mentorId: string; menteeId: string }
  | { step: 'session_request_sent'; mentorId: string; menteeId: string }
  | { step: 'mentor_booked'; mentorId: string; menteeId: string };

export function requestsAcceptedBy(s: AcceptingStep): {
  kind: RequestKind;
  senderId: string;
  receiverId: string;
} {
  return s.step === 'mentor_booked'
    ? { kind: 'session_request', senderId: s.menteeId, receiverId: s.mentorId }
    : { kind: 'offer', senderId: s.mentorId, receiverId: s.menteeId };
}

export const MAX_REQUEST_MESSAGE = 2_000;
/** Several requests to one person are allowed (seed 001), but not a flood. */
export const MAX_REQUESTS_PER_PAIR_PER_DAY = 5;
