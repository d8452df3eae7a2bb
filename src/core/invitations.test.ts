import { describe, expect, it } from 'vitest';
import { invitationMethod } from './invitations.ts';

describe('invitationMethod', () => {
  it.each([
    ['booking.approve', 'approved', true, 'REQUEST'],
    ['booking.accept_proposal', 'approved', true, 'REQUEST'],
    ['booking.meeting_link', 'approved', true, 'REQUEST'],
    ['booking.cancel', 'cancelled', true, 'CANCEL'],
    // approved, then cancelled before the approval email was written: what holds now
    ['booking.approve', 'cancelled', true, 'CANCEL'],
    // never in anyone's calendar
    ['booking.requested', 'pending', false, null],
    ['booking.cancel', 'cancelled', false, null],
    ['booking.reject', 'rejected', false, null],
    ['booking.propose_time', 'pending', false, null],
    ['booking.withdraw', 'withdrawn', false, null],
    // nothing a calendar must see
    ['booking.complete', 'completed', true, null],
    ['message.request', 'approved', true, null],
  ] as const)('%s on a %s booking (approved before: %s) → %s', (topic, status, was, method) => {
    expect(invitationMethod(topic, status, was)).toBe(method);
  });
});
