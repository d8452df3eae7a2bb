import { describe, expect, it } from 'vitest';
import {
  invitationMethod,
  sessionCalendarChanged,
  sessionInvitationMethod,
} from './invitations.ts';

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

describe('a session’s calendar event', () => {
  const base = {
    startsAt: new Date('2027-03-09T14:00:00Z'),
    endsAt: new Date('2027-03-09T15:00:00Z'),
    title: 'Check-in',
    location: '',
    meetingUrl: 'https://meet.example/a',
    enrollment: 'online',
  };
  it('changes with its time, title, place or link, not otherwise', () => {
    expect(sessionCalendarChanged(base, { ...base })).toBe(false);
    expect(
      sessionCalendarChanged(base, { ...base, startsAt: new Date('2027-03-09T14:30:00Z') }),
    ).toBe(true);
    expect(sessionCalendarChanged(base, { ...base, meetingUrl: 'https://meet.example/b' })).toBe(
      true,
    );
    expect(sessionCalendarChanged(base, { ...base, title: 'Catch-up' })).toBe(true);
  });
  it('is invited on publishing or a change, cancelled once called off', () => {
    expect(sessionInvitationMethod('session.scheduled', 'published')).toBe('REQUEST');
    expect(sessionInvitationMethod('session.scheduled', 'draft')).toBeNull();
    expect(sessionInvitationMethod('session.cancelled', 'cancelled')).toBe('CANCEL');
    expect(sessionInvitationMethod('booking.approve', 'published')).toBeNull();
  });
});
