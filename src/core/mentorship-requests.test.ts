import { describe, expect, it } from 'vitest';
import { decideRequest, requestsAcceptedBy, statusSeenBy } from './mentorship-requests.ts';

describe('mentorship requests (seed 001)', () => {
  it('lets the receiver dismiss a pending request, silently for the sender', () => {
    expect(decideRequest('pending', 'dismiss', 'receiver')).toEqual({ ok: true, to: 'dismissed' });
    expect(statusSeenBy('dismissed', 'sender')).toBe('pending');
    expect(statusSeenBy('dismissed', 'receiver')).toBe('dismissed');
  });

  it('still accepts a dismissed request later', () => {
    expect(decideRequest('dismissed', 'accept', 'system')).toEqual({ ok: true, to: 'accepted' });
    expect(decideRequest('pending', 'accept', 'system')).toEqual({ ok: true, to: 'accepted' });
  });

  it('never accepts by a direct call from either side: acceptance follows a booking', () => {
    expect(decideRequest('pending', 'accept', 'receiver')).toMatchObject({
      ok: false,
      reason: 'wrong_side',
    });
    expect(decideRequest('pending', 'accept', 'sender')).toMatchObject({
      ok: false,
      reason: 'wrong_side',
    });
  });

  it('only the sender withdraws, and not once accepted', () => {
    expect(decideRequest('pending', 'withdraw', 'sender')).toEqual({ ok: true, to: 'withdrawn' });
    expect(decideRequest('dismissed', 'withdraw', 'sender')).toEqual({ ok: true, to: 'withdrawn' });
    expect(decideRequest('pending', 'withdraw', 'receiver')).toMatchObject({ ok: false });
    expect(decideRequest('accepted', 'withdraw', 'sender')).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
  });

  it('refuses the sender in terms of what they see', () => {
    const refused = decideRequest('accepted', 'withdraw', 'sender');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('accepted');
  });

  it('does not dismiss twice, nor dismiss what is accepted or withdrawn', () => {
    for (const s of ['dismissed', 'accepted', 'withdrawn'] as const) {
      expect(decideRequest(s, 'dismiss', 'receiver')).toMatchObject({
        ok: false,
        reason: 'not_allowed',
      });
    }
    expect(decideRequest('accepted', 'accept', 'system')).toMatchObject({ ok: false });
    expect(decideRequest('withdrawn', 'accept', 'system')).toMatchObject({ ok: false });
  });

  it('a mentee booking, or sending a session request, accepts the mentor’s offers', () => {
    for (const step of ['mentee_booked', 'session_request_sent'] as const) {
      expect(requestsAcceptedBy({ step, mentorId: 'm', menteeId: 'e' })).toEqual({
        kind: 'offer',
        senderId: 'm',
        receiverId: 'e',
      });
    }
  });

  it('a mentor booking the mentee accepts the mentee’s session requests', () => {
    expect(requestsAcceptedBy({ step: 'mentor_booked', mentorId: 'm', menteeId: 'e' })).toEqual({
      kind: 'session_request',
      senderId: 'e',
      receiverId: 'm',
    });
  });
});
