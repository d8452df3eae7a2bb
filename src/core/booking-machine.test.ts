import { describe, expect, it } from 'vitest';
import {
  type BookingState,
  decideTransition,
  expiresAt,
  hasLapsed,
  moneyAfter,
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
    ['propose_time', 'mentor', false, null],
    ['complete', 'mentor', false, null],
  ] as const)('%s by the %s (late: %s) → %s', (action, by, late, movement) => {
    expect(moneyAfter(action, by, late)).toBe(movement);
  });
});
