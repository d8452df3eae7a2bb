import { describe, expect, it } from 'vitest';
import type { Booking, MessageRequest } from '../../api/types.ts';
import { summariseHome, waitedFor } from './home-summary.ts';

const now = Date.parse('2027-03-02T12:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
const maya = { userId: 'maya', name: 'Maya', timeZone: 'Europe/London' };
const sam = { userId: 'sam', name: 'Sam', timeZone: 'America/New_York' };

function booking(id: string, over: Partial<Booking>): Booking {
  return {
    id,
    orgId: 'o',
    programId: 'p',
    programName: 'Program',
    sessionId: null,
    mentor: maya,
    mentee: { ...sam, photoUrl: null },
    status: 'approved',
    awaiting: null,
    startsAt: at(60),
    endsAt: at(120),
    message: '',
    reason: null,
    round: 0,
    expiresAt: null,
    createdAt: at(-600),
    meetingUrl: null,
    sessionType: null,
    price: null,
    payment: null,
    lateCancellation: false,
    lateCancellationFrom: at(0),
    myRating: null,
    canRate: false,
    move: null,
    moves: { made: 0, allowed: 2, until: at(0), noticeHours: 24 },
    calendar: null,
    ...over,
  };
}

const input = (bookings: Booking[], messageRequests: MessageRequest[] = []) => ({
  orgId: 'o',
  viewerId: 'maya',
  nowMs: now,
  bookings,
  sessions: [],
  mentorshipRequests: [],
  messageRequests,
});

describe('Home', () => {
  it('lists what waits for the viewer, oldest first, and only that', () => {
    const summary = summariseHome(
      input(
        [
          booking('newer', { status: 'pending', awaiting: 'mentor', createdAt: at(-60) }),
          booking('older', { status: 'pending', awaiting: 'mentor', createdAt: at(-3000) }),
          // Waiting for Sam, not for Maya.
          booking('theirs', { status: 'pending', awaiting: 'mentee', createdAt: at(-5000) }),
          booking('moved', {
            move: {
              startsAt: at(2000),
              endsAt: at(2060),
              by: 'mentee',
              reason: 'x',
              askedAt: at(-30),
            },
          }),
          booking('mine', {
            move: {
              startsAt: at(2000),
              endsAt: at(2060),
              by: 'mentor',
              reason: 'x',
              askedAt: at(-30),
            },
          }),
        ],
        [
          {
            id: 'm1',
            threadId: 't',
            status: 'pending',
            sender: { userId: 'kim', name: 'Kim', photoUrl: null },
            receiver: { userId: 'maya', name: 'Maya' },
            message: 'Hi',
            createdAt: at(-10),
            decidedAt: null,
          },
        ],
      ),
    );
    expect(summary.waiting.map((w) => w.key)).toEqual([
      'booking-older',
      'booking-newer',
      'move-moved',
      'message-m1',
    ]);
    expect(summary.waiting[0]).toMatchObject({
      title: 'Sam asks for a session',
      link: '/o/o/requests',
    });
  });

  it('names the next session that has not ended, and the rest of the week', () => {
    const summary = summariseHome(
      input([
        booking('ended', { startsAt: at(-120), endsAt: at(-60) }),
        booking('running', { startsAt: at(-10), endsAt: at(50) }),
        booking('tomorrow', { startsAt: at(24 * 60), endsAt: at(24 * 60 + 60) }),
        booking('in-ten-days', { startsAt: at(10 * 24 * 60), endsAt: at(10 * 24 * 60 + 60) }),
      ]),
    );
    expect(summary.next?.key).toBe('booking-running');
    expect(summary.thisWeek.map((e) => e.key)).toEqual(['booking-tomorrow']);
  });

  it('says how long something has waited', () => {
    expect(waitedFor(at(-5), now)).toBe('5 minutes');
    expect(waitedFor(at(-180), now)).toBe('3 hours');
    expect(waitedFor(at(-3 * 24 * 60), now)).toBe('3 days');
  });
});
