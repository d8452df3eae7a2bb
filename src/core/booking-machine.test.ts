import { describe, expect, it } from 'vitest';
import {
  type BookingState,
  closingActionFor,
  decideTransition,
  expiresAt,
  hasLapsed,
  moneyAfter,
  moveLapsesAt,
  type TransitionRequest,
  transitions,
} from './booking-machine.ts';

const HOUR = 3_600_000;
const now = Date.UTC(2027, 0, 4, 9);
const pending: BookingState = {
  status: 'pending',
  awaiting: 'mentor',
  startsAt: now + 48 * HOUR,
  endsAt: now + 49 * HOUR,
};
const approved: BookingState = { ...pending, status: 'approved', awaiting: null };

describe('booking transitions', () => {
  it.each([
    [pending, 'mentor', 'approve', 'approved'],
    [pending, 'mentee', 'withdraw', 'withdrawn'],
    [pending, 'system', 'expire', 'expired'],
    [{ ...pending, awaiting: 'mentee' as const }, 'mentee', 'accept_proposal', 'approved'],
    [{ ...pending, awaiting: 'mentee' as const }, 'mentee', 'decline_proposal', 'declined'],
    [{ ...pending, awaiting: 'mentee' as const }, 'mentee', 'withdraw', 'withdrawn'],
  ] as const)('%o: %s %s → %s', (state, by, action, to) => {
    const result = decideTransition(state, { by, action, now });
    expect(result.ok && result.next.status).toBe(to);
  });

  it('refuses anything not listed, naming the current state', () => {
    const result = decideTransition(approved, { by: 'mentor', action: 'approve', now });
    expect(result).toEqual({
      ok: false,
      reason: 'not_allowed',
      message: 'Cannot approve a booking that is approved',
    });
    expect(
      decideTransition(
        { ...approved, status: 'expired' },
        { by: 'mentee', action: 'withdraw', now },
      ).ok,
    ).toBe(false);
    expect(decideTransition(pending, { by: 'mentee', action: 'approve', now }).ok).toBe(false);
  });

  it('waits for the right side: a mentor cannot approve their own suggestion', () => {
    const suggested = { ...pending, awaiting: 'mentee' as const };
    expect(decideTransition(suggested, { by: 'mentor', action: 'approve', now })).toMatchObject({
      ok: false,
      reason: 'not_your_turn',
    });
  });

  it('requires a reason to reject or cancel', () => {
    expect(
      decideTransition(pending, { by: 'mentor', action: 'reject', now, reason: '  ' }),
    ).toMatchObject({ reason: 'reason_required' });
    expect(
      decideTransition(pending, { by: 'mentor', action: 'reject', now, reason: 'Out of my depth' })
        .ok,
    ).toBe(true);
    expect(decideTransition(approved, { by: 'mentee', action: 'cancel', now })).toMatchObject({
      reason: 'reason_required',
    });
  });

  it('passes counter-proposals back and forth, each with a new time', () => {
    const proposal = { startsAt: now + 72 * HOUR, endsAt: now + 73 * HOUR };
    const first = decideTransition(pending, {
      by: 'mentor',
      action: 'propose_time',
      now,
      proposal,
    });
    expect(first.ok && first.next).toEqual({ status: 'pending', awaiting: 'mentee', ...proposal });
    if (!first.ok) return;
    const back = { startsAt: now + 96 * HOUR, endsAt: now + 97 * HOUR };
    const second = decideTransition(first.next, {
      by: 'mentee',
      action: 'propose_time',
      now,
      proposal: back,
    });
    expect(second.ok && second.next).toEqual({ status: 'pending', awaiting: 'mentor', ...back });
    const past = decideTransition(pending, {
      by: 'mentor',
      action: 'propose_time',
      now,
      proposal: { startsAt: now - HOUR, endsAt: now },
    });
    expect(past).toMatchObject({ ok: false, reason: 'proposal_in_past' });
  });

  it('records completion and no-shows only after the start', () => {
    expect(decideTransition(approved, { by: 'mentor', action: 'complete', now })).toMatchObject({
      reason: 'too_early',
    });
    const later = approved.startsAt + HOUR;
    expect(
      decideTransition(approved, { by: 'mentor', action: 'report_no_show', now: later }).ok &&
        'no_show_mentee',
    ).toBe('no_show_mentee');
    const byMentee = decideTransition(approved, {
      by: 'mentee',
      action: 'report_no_show',
      now: later,
    });
    expect(byMentee.ok && byMentee.next.status).toBe('no_show_mentor');
  });

  it('lists every transition once', () => {
    const keys = transitions.map((t) => `${t.from}/${t.awaiting ?? '*'}/${t.by}/${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('expiry', () => {
  it('is after the window, or at the start when that is sooner', () => {
    expect(expiresAt(now, now + 30 * 24 * HOUR, 7)).toBe(now + 7 * 24 * HOUR);
    expect(expiresAt(now, now + 2 * HOUR, 7)).toBe(now + 2 * HOUR);
  });

  it.each([
    ['pending, before its expiry time', 'pending', now + HOUR, now + 2 * HOUR, false],
    ['pending, at its expiry time', 'pending', now, now + 2 * HOUR, true],
    ['pending, past its expiry time', 'pending', now - 1, now + 2 * HOUR, true],
    ['pending, without expiry, past its start', 'pending', null, now - 1, true],
    ['approved, past its expiry time', 'approved', now - HOUR, now + 2 * HOUR, false],
  ] as const)('has lapsed when %s', (_, status, expiry, startsAt, lapsed) => {
    expect(hasLapsed({ status, expiresAt: expiry, startsAt }, now)).toBe(lapsed);
  });
});

describe('money after a step', () => {
  it.each([
    ['approve', 'mentor', false, 'capture'],
    ['accept_proposal', 'mentee', false, 'capture'],
    ['reject', 'mentor', false, 'refund'],
    ['decline_proposal', 'mentee', false, 'refund'],
    ['withdraw', 'mentee', false, 'refund'],
    ['expire', 'system', false, 'refund'],
    ['cancel', 'mentee', false, 'refund'],
    ['cancel', 'mentee', true, null],
    ['cancel', 'mentor', true, 'refund'],
    ['reject', 'system', false, 'refund'],
    ['cancel', 'system', true, 'refund'],
    ['propose_time', 'mentor', false, null],
    ['complete', 'mentor', false, null],
  ] as const)('%s by the %s (late: %s) → %s', (action, by, late, movement) => {
    expect(moneyAfter(action, by, late)).toBe(movement);
  });
});

describe('closing the bookings of a member the organisation deactivates', () => {
  const now = Date.parse('2027-03-01T09:00:00Z');
  it.each([
    ['pending', now + HOUR, 'reject'],
    ['pending', now - HOUR, 'reject'],
    ['approved', now + HOUR, 'cancel'],
    ['approved', now - HOUR, null],
    ['completed', now - HOUR, null],
    ['cancelled', now + HOUR, null],
  ] as const)('a %s booking starting at %s is closed by %s', (status, startsAt, action) => {
    expect(closingActionFor({ status, startsAt }, now)).toBe(action);
  });

  it('lets the organisation reject whichever side is awaited, and cancel with a reason only', () => {
    const at = { startsAt: now + HOUR, endsAt: now + 2 * HOUR };
    for (const awaiting of ['mentor', 'mentee'] as const) {
      const res = decideTransition(
        { status: 'pending', awaiting, ...at },
        { by: 'system', action: 'reject', now, reason: 'Left' },
      );
      expect(res.ok && res.next.status).toBe('rejected');
    }
    const bare = decideTransition(
      { status: 'approved', awaiting: null, ...at },
      { by: 'system', action: 'cancel', now },
    );
    expect(bare.ok || bare.reason).toBe('reason_required');
  });
});

describe('moving an approved session', () => {
  const t0 = Date.parse('2027-03-01T09:00:00Z');
  const approvedAt = (startsAt: number, extra: Partial<BookingState> = {}): BookingState => ({
    status: 'approved',
    awaiting: null,
    startsAt,
    endsAt: startsAt + HOUR,
    move: null,
    moves: 0,
    ...extra,
  });
  const session = approvedAt(t0 + 72 * HOUR);
  const later = { startsAt: t0 + 96 * HOUR, endsAt: t0 + 97 * HOUR };
  const propose = (
    state: BookingState,
    by: 'mentor' | 'mentee',
    over: Partial<TransitionRequest> = {},
  ) =>
    decideTransition(state, {
      by,
      action: 'propose_move',
      now: t0,
      reason: 'A clash',
      proposal: later,
      ...over,
    });

  it('holds the proposal beside the session; the other side accepting moves it, counted', () => {
    const proposed = propose(session, 'mentee');
    expect(proposed).toMatchObject({
      ok: true,
      next: { startsAt: session.startsAt, move: { ...later, by: 'mentee' } },
    });
    if (!proposed.ok) return;
    expect(
      decideTransition(proposed.next, { by: 'mentee', action: 'accept_move', now: t0 }),
    ).toMatchObject({
      ok: false,
      reason: 'not_your_turn',
    });
    expect(
      decideTransition(proposed.next, { by: 'mentor', action: 'accept_move', now: t0 }),
    ).toMatchObject({
      ok: true,
      next: { status: 'approved', ...later, move: null, moves: 1 },
    });
    expect(
      decideTransition(proposed.next, { by: 'mentor', action: 'decline_move', now: t0 }),
    ).toMatchObject({
      ok: true,
      next: { startsAt: session.startsAt, move: null, moves: 0 },
    });
    expect(
      decideTransition(proposed.next, { by: 'mentor', action: 'withdraw_move', now: t0 }).ok,
    ).toBe(false);
    expect(
      decideTransition(proposed.next, { by: 'mentee', action: 'withdraw_move', now: t0 }).ok,
    ).toBe(true);
    // A cancellation closes the open move with the session.
    expect(
      decideTransition(proposed.next, { by: 'mentor', action: 'cancel', now: t0, reason: 'Ill' }),
    ).toMatchObject({ ok: true, next: { status: 'cancelled', move: null } });
  });

  it('needs a reason, one open move at a time, the notice and the number of moves the program allows', () => {
    expect(propose(session, 'mentor', { reason: ' ' })).toMatchObject({
      reason: 'reason_required',
    });
    const open = approvedAt(session.startsAt, { move: { ...later, by: 'mentor' } });
    expect(propose(open, 'mentee')).toMatchObject({ reason: 'move_open' });
    expect(propose(approvedAt(session.startsAt, { moves: 2 }), 'mentor')).toMatchObject({
      reason: 'too_many_moves',
    });
    expect(
      propose(approvedAt(session.startsAt, { moves: 2 }), 'mentor', {
        movePolicy: { noticeHours: 24, maxMoves: 3 },
      }).ok,
    ).toBe(true);
    expect(propose(approvedAt(t0 + 23 * HOUR), 'mentor')).toMatchObject({
      reason: 'too_late_to_move',
    });
    expect(
      propose(session, 'mentor', {
        proposal: { startsAt: t0 + 10 * HOUR, endsAt: t0 + 11 * HOUR },
      }),
    ).toMatchObject({ reason: 'proposal_too_soon' });
    expect(
      decideTransition(session, { by: 'mentor', action: 'accept_move', now: t0 }),
    ).toMatchObject({
      reason: 'no_move_open',
    });
    expect(
      decideTransition(approvedAt(session.startsAt, { status: 'pending', awaiting: 'mentor' }), {
        by: 'mentee',
        action: 'propose_move',
        now: t0,
        reason: 'x',
        proposal: later,
      }).ok,
    ).toBe(false);
  });

  it('a move accepted after the proposed time passed is refused; an unanswered one lapses at the first start', () => {
    const open = approvedAt(session.startsAt, { move: { ...later, by: 'mentor' } });
    expect(
      decideTransition(open, { by: 'mentee', action: 'accept_move', now: later.startsAt + 1 }),
    ).toMatchObject({ reason: 'proposal_in_past' });
    expect(moveLapsesAt({ startsAt: open.startsAt, move: open.move! })).toBe(session.startsAt);
    expect(decideTransition(open, { by: 'system', action: 'expire_move', now: t0 })).toMatchObject({
      ok: true,
      next: { move: null, startsAt: session.startsAt },
    });
  });

  it('a mentee’s move that applies at once (the mentor approves automatically) moves the session', () => {
    expect(
      decideTransition(session, {
        by: 'mentee',
        action: 'move',
        now: t0,
        reason: 'Clash',
        proposal: later,
      }),
    ).toMatchObject({ ok: true, next: { ...later, move: null, moves: 1 } });
    expect(
      decideTransition(session, {
        by: 'mentor',
        action: 'move',
        now: t0,
        reason: 'Clash',
        proposal: later,
      }).ok,
    ).toBe(false);
  });
});
