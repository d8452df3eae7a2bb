import { describe, expect, it } from 'vitest';
import type { Booking } from '../../api/types.ts';
import {
  bookingBadge,
  describeMenteeHistory,
  groupBookings,
  isJoinOpen,
} from './booking-display.ts';
import { responseText } from './reputation-badges.tsx';

const now = Date.parse('2026-03-02T12:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

function booking(id: string, status: Booking['status'], start: number, length = 30): Booking {
  const person = { userId: 'u', name: 'Kim', timeZone: 'Europe/London' };
  return {
    id,
    orgId: 'o',
    programId: 'p',
    programName: 'Program',
    sessionId: null,
    mentor: person,
    mentee: { ...person, userId: 'm', photoUrl: null },
    status,
    awaiting: status === 'pending' ? 'mentor' : null,
    startsAt: at(start),
    endsAt: at(start + length),
    message: '',
    reason: null,
    round: 0,
    expiresAt: null,
    createdAt: at(-1000),
    meetingUrl: null,
    sessionType: null,
    price: null,
    payment: null,
    lateCancellation: false,
    lateCancellationFrom: '2027-03-01T09:00:00.000Z',
    myRating: null,
    canRate: false,
    move: null,
    moves: { made: 0, allowed: 2, until: at(start - 24 * 60), noticeHours: 24 },
    calendar: null,
  };
}

describe('groupBookings', () => {
  it('sorts bookings into Requested, Upcoming, Past and Cancelled', () => {
    const groups = groupBookings(
      [
        booking('pending', 'pending', 60),
        booking('running', 'approved', -10),
        booking('ended', 'approved', -120),
        booking('done', 'completed', -300),
        booking('absent', 'no_show_mentee', -200),
        booking('rejected', 'rejected', 90),
        booking('expired', 'expired', -50),
      ],
      now,
    );
    const ids = (list: Booking[]) => list.map((item) => item.id);
    expect(ids(groups.requested)).toEqual(['pending']);
    expect(ids(groups.upcoming)).toEqual(['running']);
    expect(ids(groups.past)).toEqual(['ended', 'absent', 'done']);
    expect(ids(groups.cancelled)).toEqual(['rejected', 'expired']);
  });
});

describe('isJoinOpen', () => {
  it.each([
    [11, false],
    [10, true],
    [0, true],
    [-29, true],
    [-30, false],
  ])('a 30-minute session starting in %i min: %s', (startIn, open) => {
    expect(isJoinOpen(booking('b', 'approved', startIn), now)).toBe(open);
  });
});

describe('describeMenteeHistory', () => {
  it('says so for a first booking', () => {
    expect(
      describeMenteeHistory({
        sessions: 0,
        totalSpentMinor: 0,
        currency: null,
        averageRatingGiven: null,
      }),
    ).toBe('First booking');
  });

  it('lists sessions, spend and the average rating given', () => {
    const text = describeMenteeHistory({
      sessions: 3,
      totalSpentMinor: 12000,
      currency: 'EUR',
      averageRatingGiven: 4.46,
    });
    expect(text).toMatch(/^3 sessions · .*120.* spent · gives 4\.5★ on average$/);
  });
});

describe('responseText', () => {
  it.each([
    [12, 'Usually answers within 12 min'],
    [150, 'Usually answers within 3 h'],
    [3000, 'Usually answers within 3 days'],
  ])('%i minutes', (minutes, text) => {
    expect(responseText({ approvalRate: 1, medianResponseMinutes: minutes, decided: 4 })).toBe(
      text,
    );
  });
});

describe('a booking’s badge', () => {
  it('never says Confirmed once the session has ended', () => {
    expect(bookingBadge(booking('a', 'approved', 30), now).label).toBe('Confirmed');
    expect(bookingBadge(booking('b', 'approved', -60), now).label).toBe('Ended');
    expect(bookingBadge(booking('c', 'completed', -60), now).label).toBe('Completed');
  });
});
