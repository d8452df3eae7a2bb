import { describe, expect, it } from 'vitest';
import type { Booking, Session } from '../../api/types.ts';
import { mondayOf, weekPlan } from './week-plan.ts';

const me = 'maya';
const booking = (id: string, status: Booking['status'], startsAt: string, move?: string) =>
  ({
    id,
    status,
    sessionId: null,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    mentor: { userId: me },
    mentee: { userId: 'sam', name: 'Sam Lee' },
    move: move
      ? { startsAt: move, endsAt: new Date(Date.parse(move) + 3_600_000).toISOString() }
      : null,
  }) as unknown as Booking;

describe('a mentor’s week', () => {
  it('starts on Monday', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });

  it('lays out hours (an override winning, empty = day off) and what is booked, on the mentor’s clock', () => {
    const days = weekPlan({
      monday: '2026-11-30',
      zone: 'Asia/Tokyo',
      mentorId: me,
      availability: {
        weekly: [
          { weekday: 2, start: '14:00', end: '17:00' },
          { weekday: 2, start: '09:00', end: '12:00' },
          { weekday: 4, start: '09:00', end: '12:00' },
        ],
        overrides: [{ date: '2026-12-03', ranges: [] }],
      },
      bookings: [
        // 23:30 UTC on Monday is Tuesday 08:30 in Tokyo.
        booking('a', 'pending', '2026-11-30T23:30:00Z', '2026-12-04T01:00:00Z'),
        booking('b', 'rejected', '2026-12-01T01:00:00Z'),
      ],
      sessions: [
        {
          id: 's',
          status: 'published',
          title: 'Design critique',
          startsAt: '2026-12-05T01:00:00Z',
          endsAt: '2026-12-05T02:00:00Z',
          mentor: { userId: me },
        } as unknown as Session,
      ],
    });
    expect(days.map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(days[1]?.hours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:00' },
    ]);
    expect(days[3]).toMatchObject({ hours: [], overridden: true });
    expect(days[1]?.events.map((e) => [e.key, e.state])).toEqual([['b-a', 'pending']]);
    expect(days[4]?.events.map((e) => e.state)).toEqual(['proposed_move']);
    expect(days[5]?.events.map((e) => e.what)).toEqual(['Design critique']);
    expect(days[0]?.events).toEqual([]);
  });

  it('shows busy times from the mentor’s own calendars on their day, by the mentor’s clock', () => {
    const days = weekPlan({
      monday: '2026-11-30',
      zone: 'America/New_York',
      mentorId: me,
      availability: undefined,
      bookings: [],
      sessions: [],
      outside: [
        // 02:00 UTC on Wednesday is still Tuesday evening in New York.
        {
          startsAt: '2026-12-02T02:00:00.000Z',
          endsAt: '2026-12-02T03:00:00.000Z',
          title: 'Choir',
          tentative: false,
        },
        {
          startsAt: '2026-12-04T15:00:00.000Z',
          endsAt: '2026-12-04T16:00:00.000Z',
          title: '',
          tentative: true,
        },
      ],
    });
    expect(days[1]?.events).toMatchObject([{ state: 'calendar', what: 'Choir' }]);
    expect(days[4]?.events).toMatchObject([{ state: 'calendar', what: 'Busy (tentative)' }]);
  });
});
