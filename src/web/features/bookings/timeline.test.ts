import { describe, expect, it } from 'vitest';
import type { Booking, Session } from '../../api/types.ts';
import { buildTimeline } from './timeline.ts';

const now = Date.parse('2027-01-04T12:00:00Z');
const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
const me = 'mentor-1';

function session(id: string, enrolled: string[] = []): Session {
  return {
    id,
    orgId: 'o',
    mentor: { userId: me, name: 'Maya', timeZone: 'Europe/London' },
    status: 'published',
    startsAt: at(24),
    endsAt: at(25),
    enrolled: enrolled.map((userId) => ({ userId, name: userId, outcome: null, rating: null })),
  } as unknown as Session;
}

describe('the Sessions tab’s groups', () => {
  it('keeps my open sessions nobody is in apart from meetings with someone', () => {
    const seatBooking = {
      id: 'b',
      sessionId: 's3',
      status: 'approved',
      startsAt: at(24),
      endsAt: at(25),
      mentee: { userId: 'x' },
    } as unknown as Booking;
    const t = buildTimeline(
      [session('s1'), session('s2', ['sam']), session('s3')],
      [seatBooking],
      me,
      now,
    );
    expect(t.open.map((e) => e.key)).toEqual(['session-s1']);
    expect(t.upcoming.map((e) => e.key).sort()).toEqual(['booking-b', 'session-s2', 'session-s3']);
  });
});
