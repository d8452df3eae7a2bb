/*
 * The life of a booking (seeds 000, 003, 004), as a table of every allowed
 * transition. Pure: the caller supplies who acts, what they ask, the current
 * state and `now`; anything not listed is refused naming the current state.
 */

export const bookingStatuses = [
  'pending',
  'approved',
  'rejected',
  'declined',
  'withdrawn',
  'expired',
  'cancelled',
  'completed',
  'no_show_mentor',
  'no_show_mentee',
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** Statuses that hold the time: the database forbids two of these overlapping for one mentor or mentee. */
export const activeStatuses = ['pending', 'approved'] as const satisfies readonly BookingStatus[];

/**
 * Statuses a side no longer lists among their bookings. A request the mentor
 * declined leaves the mentor's Sessions tab (seed 000); the mentee, who is
 * told of the rejection, still sees it with the mentor's reason.
 */
export const unlistedStatuses: Record<'mentor' | 'mentee', readonly BookingStatus[]> = {
  mentor: ['rejected'],
  mentee: [],
};

/** While pending, whose answer is awaited: a mentee's request waits for the mentor, a mentor's suggestion for the mentee. */
export type Awaiting = 'mentor' | 'mentee';
export type Side = 'mentor' | 'mentee' | 'system';

export type BookingAction =
  | 'approve'
  | 'reject'
  | 'propose_time'
  | 'accept_proposal'
  | 'decline_proposal'
  | 'withdraw'
  | 'expire'
  | 'cancel'
  | 'complete'
  | 'report_no_show'
  // Moving an approved session (issue #12): proposed by one side, answered by the other.
  | 'propose_move'
  | 'accept_move'
  | 'decline_move'
  | 'withdraw_move'
  | 'expire_move'
  /** a mentee's move that applies at once: the mentor approves bookings automatically */
  | 'move';

/** A new time for an approved session, asked for by one side; both times are held meanwhile. */
export type OpenMove = { startsAt: number; endsAt: number; by: 'mentor' | 'mentee' };

/** How a program lets approved sessions move. */
export type MovePolicy = { noticeHours: number; maxMoves: number };
export const DEFAULT_MOVE_POLICY: MovePolicy = { noticeHours: 24, maxMoves: 2 };

export type BookingState = {
  status: BookingStatus;
  awaiting: Awaiting | null;
  startsAt: number;
  endsAt: number;
  /** an approved session's open move, if any */
  move?: OpenMove | null;
  /** how many times it has moved */
  moves?: number;
};

type Rule = {
  from: BookingStatus;
  /** for pending bookings: only when this side's answer is awaited */
  awaiting?: Awaiting;
  by: Side;
  action: BookingAction;
  to: BookingStatus;
  needsReason?: boolean;
  /** only once the session has started (complete, no-show) */
  afterStart?: boolean;
  /** for moves: whose move it must be (the other side answers, the proposer withdraws) */
  moveBy?: 'other' | 'self';
};

/** Every allowed transition. */
export const transitions: readonly Rule[] = [
  { from: 'pending', awaiting: 'mentor', by: 'mentor', action: 'approve', to: 'approved' },
  {
    from: 'pending',
    awaiting: 'mentor',
    by: 'mentor',
    action: 'reject',
    to: 'rejected',
    needsReason: true,
  },
  { from: 'pending', awaiting: 'mentor', by: 'mentor', action: 'propose_time', to: 'pending' },
  { from: 'pending', awaiting: 'mentee', by: 'mentee', action: 'accept_proposal', to: 'approved' },
  { from: 'pending', awaiting: 'mentee', by: 'mentee', action: 'decline_proposal', to: 'declined' },
  { from: 'pending', awaiting: 'mentee', by: 'mentee', action: 'propose_time', to: 'pending' },
  { from: 'pending', by: 'mentee', action: 'withdraw', to: 'withdrawn' },
  { from: 'pending', by: 'system', action: 'expire', to: 'expired' },
  // The organisation closes the bookings of a member it deactivates (issue #13).
  { from: 'pending', by: 'system', action: 'reject', to: 'rejected', needsReason: true },
  { from: 'approved', by: 'mentor', action: 'cancel', to: 'cancelled', needsReason: true },
  { from: 'approved', by: 'mentee', action: 'cancel', to: 'cancelled', needsReason: true },
  { from: 'approved', by: 'system', action: 'cancel', to: 'cancelled', needsReason: true },
  { from: 'approved', by: 'mentor', action: 'complete', to: 'completed', afterStart: true },
  {
    from: 'approved',
    by: 'mentor',
    action: 'report_no_show',
    to: 'no_show_mentee',
    afterStart: true,
  },
  {
    from: 'approved',
    by: 'mentee',
    action: 'report_no_show',
    to: 'no_show_mentor',
    afterStart: true,
  },
  ...(['mentor', 'mentee'] as const).flatMap((by): Rule[] => [
    { from: 'approved', by, action: 'propose_move', to: 'approved', needsReason: true },
    { from: 'approved', by, action: 'accept_move', to: 'approved', moveBy: 'other' },
    { from: 'approved', by, action: 'decline_move', to: 'approved', moveBy: 'other' },
    { from: 'approved', by, action: 'withdraw_move', to: 'approved', moveBy: 'self' },
  ]),
  { from: 'approved', by: 'mentee', action: 'move', to: 'approved', needsReason: true },
  { from: 'approved', by: 'system', action: 'expire_move', to: 'approved' },
];

export type TransitionRequest = {
  by: Side;
  action: BookingAction;
  now: number;
  reason?: string | undefined;
  /** the new time, for propose_time and moves */
  proposal?: { startsAt: number; endsAt: number } | undefined;
  /** the program's rules for moves */
  movePolicy?: MovePolicy | undefined;
};

export type TransitionRefusal =
  | 'not_allowed'
  | 'not_your_turn'
  | 'reason_required'
  | 'too_early'
  | 'proposal_required'
  | 'proposal_in_past'
  | 'move_open'
  | 'no_move_open'
  | 'too_many_moves'
  | 'too_late_to_move'
  | 'proposal_too_soon';

export type TransitionResult =
  | { ok: true; next: BookingState; rule: Rule }
  | { ok: false; reason: TransitionRefusal; message: string };

/** Decides a transition; does not touch anything. */
export function decideTransition(state: BookingState, req: TransitionRequest): TransitionResult {
  const candidates = transitions.filter(
    (r) => r.from === state.status && r.by === req.by && r.action === req.action,
  );
  if (candidates.length === 0) {
    return refuse(
      'not_allowed',
      `Cannot ${req.action.replace('_', ' ')} a booking that is ${state.status}`,
    );
  }
  const rule = candidates.find((r) => r.awaiting === undefined || r.awaiting === state.awaiting);
  if (!rule) {
    return refuse('not_your_turn', `The booking is waiting for the ${state.awaiting}'s answer`);
  }
  if (rule.needsReason && !req.reason?.trim())
    return refuse('reason_required', 'A reason is required');
  if (rule.afterStart && req.now < state.startsAt) {
    return refuse('too_early', 'This can be recorded only once the session has started');
  }
  const isMove = rule.action.endsWith('move');
  if (isMove) return decideMove(state, req, rule);
  let next: BookingState = {
    ...state,
    status: rule.to,
    awaiting: rule.to === 'pending' ? state.awaiting : null,
    // Any other step closes an open move (a cancellation, a completion).
    move: null,
  };
  if (req.action === 'propose_time') {
    if (!req.proposal) return refuse('proposal_required', 'Propose a new time');
    if (req.proposal.startsAt <= req.now)
      return refuse('proposal_in_past', 'The proposed time must be in the future');
    next = {
      status: 'pending',
      awaiting: req.by === 'mentor' ? 'mentee' : 'mentor',
      ...req.proposal,
    };
  }
  return { ok: true, next, rule };
}

/**
 * Moving an approved session: one open move at a time, within the program's
 * notice and number of moves; the proposer's counterpart accepts (the
 * session takes the new time) or declines (it stays), the proposer may
 * withdraw, and a move nobody answered lapses.
 */
function decideMove(state: BookingState, req: TransitionRequest, rule: Rule): TransitionResult {
  const open = state.move ?? null;
  const moves = state.moves ?? 0;
  const policy = req.movePolicy ?? DEFAULT_MOVE_POLICY;
  const notice = policy.noticeHours * 3_600_000;
  const moved = (to: { startsAt: number; endsAt: number }): TransitionResult => ({
    ok: true,
    rule,
    next: { ...state, startsAt: to.startsAt, endsAt: to.endsAt, move: null, moves: moves + 1 },
  });
  if (req.action === 'propose_move' || req.action === 'move') {
    if (open) return refuse('move_open', 'A move of this session is already waiting for an answer');
    if (moves >= policy.maxMoves) {
      return refuse(
        'too_many_moves',
        `This session has moved ${moves} ${moves === 1 ? 'time' : 'times'}, as often as the program allows`,
      );
    }
    if (state.startsAt - req.now < notice) {
      return refuse(
        'too_late_to_move',
        `A session can be moved until ${policy.noticeHours} hours before it starts`,
      );
    }
    if (!req.proposal) return refuse('proposal_required', 'Propose a new time');
    if (req.proposal.startsAt - req.now < notice) {
      return refuse(
        'proposal_too_soon',
        `The new time must be at least ${policy.noticeHours} hours ahead`,
      );
    }
    if (req.proposal.startsAt === state.startsAt && req.proposal.endsAt === state.endsAt) {
      return refuse('proposal_required', 'Propose a time other than the current one');
    }
    if (req.action === 'move') return moved(req.proposal);
    const by = req.by === 'mentor' ? 'mentor' : 'mentee';
    return { ok: true, rule, next: { ...state, move: { ...req.proposal, by } } };
  }
  if (!open) return refuse('no_move_open', 'No move of this session is waiting for an answer');
  if (rule.moveBy === 'other' && open.by === req.by) {
    return refuse(
      'not_your_turn',
      `The move is waiting for the ${open.by === 'mentor' ? 'mentee' : 'mentor'}'s answer`,
    );
  }
  if (rule.moveBy === 'self' && open.by !== req.by) {
    return refuse('not_your_turn', 'Only who proposed the move can withdraw it');
  }
  if (req.action === 'accept_move') {
    if (open.startsAt <= req.now || state.startsAt <= req.now) {
      return refuse('proposal_in_past', 'The proposed time has passed');
    }
    return moved(open);
  }
  return { ok: true, rule, next: { ...state, move: null } };
}

/**
 * When an open move lapses unanswered: once the session or the proposed
 * time begins, whichever is first.
 */
export function moveLapsesAt(state: { startsAt: number; move: OpenMove }): number {
  return Math.min(state.startsAt, state.move.startsAt);
}

function refuse(reason: TransitionRefusal, message: string): TransitionResult {
  return { ok: false, reason, message };
}

export const PENDING_PER_MENTOR_LIMIT = 3;

/**
 * When an unanswered booking expires: after the program's window, or at its
 * start, whichever comes first.
 */
export function expiresAt(createdAt: number, startsAt: number, expiryDays: number): number {
  return Math.min(createdAt + expiryDays * 86_400_000, startsAt);
}

/**
 * A pending booking whose answer comes too late: its expiry time (or its
 * start) has passed. It is expired whether or not the expiry job has run yet,
 * so a decision made now must expire it instead of applying.
 */
export function hasLapsed(
  booking: { status: string; expiresAt: number | null; startsAt: number },
  now: number,
): boolean {
  if (booking.status !== 'pending') return false;
  return now >= booking.startsAt || (booking.expiresAt !== null && now >= booking.expiresAt);
}

/**
 * Money follows the decision: approval captures the held amount; rejection,
 * a declined suggestion, withdrawal, expiry and early cancellation refund it
 * (a mentor's cancellation always refunds; a mentee's late one does not).
 */
export function moneyAfter(
  action: BookingAction,
  by: Side,
  late: boolean,
): 'capture' | 'refund' | null {
  if (action === 'approve' || action === 'accept_proposal') return 'capture';
  if (['reject', 'decline_proposal', 'withdraw', 'expire'].includes(action)) return 'refund';
  if (action === 'cancel' && (by !== 'mentee' || !late)) return 'refund';
  return null;
}

/**
 * What the organisation does to a booking of a member it deactivates: a
 * request still open is rejected, a session still to come is cancelled, and
 * the past stays as it was.
 */
export function closingActionFor(
  booking: { status: string; startsAt: number },
  now: number,
): 'reject' | 'cancel' | null {
  if (booking.status === 'pending') return 'reject';
  if (booking.status === 'approved' && booking.startsAt > now) return 'cancel';
  return null;
}

/** A cancellation closer to the start than the program's window is late (no refund when the mentee cancels). */
export function isLateCancellation(
  startsAt: number,
  now: number,
  lateCancelHours: number,
): boolean {
  return startsAt - now < lateCancelHours * 3_600_000;
}
