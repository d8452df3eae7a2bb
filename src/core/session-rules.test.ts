import { describe, expect, it } from 'vitest';
import { isCalendarDate, localDateTime, zonedInstant } from './local-time.ts';
import {
  bulkDuplicateDates,
  canActOnSession,
  canBookInProgram,
  canSeeSession,
  canSeeWeeklySlots,
  matchKey,
  type SessionViewer,
  sessionWallTimeZone,
} from './session-rules.ts';

describe("which zone's clock a session's wall time is on", () => {
  it.each([
    ['in_person', 'Europe/London', 'Europe/London'],
    ['both', 'Europe/London', 'Europe/London'],
    ['online', 'Europe/London', 'America/New_York'],
    ['in_person', null, 'America/New_York'],
  ] as const)('%s at a place in %s: %s', (enrollment, locationTimeZone, expected) => {
    expect(sessionWallTimeZone({ enrollment, locationTimeZone }, 'America/New_York')).toBe(
      expected,
    );
  });

  it('keeps a weekly 10:00 London copy at 10:00 London across London’s change, not New York’s', () => {
    const zone = sessionWallTimeZone(
      { enrollment: 'in_person', locationTimeZone: 'Europe/London' },
      'America/New_York',
    );
    const first = zonedInstant('2027-03-23', '10:00', zone)!;
    const [copy] = bulkDuplicateDates(localDateTime(first, zone).slice(0, 10), {
      interval: 1,
      unit: 'weeks',
      count: 1,
    })!;
    const copyStart = zonedInstant(copy!, localDateTime(first, zone).slice(11), zone)!;
    expect(new Date(copyStart).toISOString()).toBe('2027-03-30T09:00:00.000Z');
  });
});

describe('bulk duplicate dates', () => {
  it('repeats weekly until a date, inclusive', () => {
    expect(
      bulkDuplicateDates('2024-01-02', { interval: 1, unit: 'weeks', until: '2024-01-23' }),
    ).toEqual(['2024-01-09', '2024-01-16', '2024-01-23']);
  });

  it('repeats every N days K times, across month ends', () => {
    expect(bulkDuplicateDates('2024-01-30', { interval: 3, unit: 'days', count: 2 })).toEqual([
      '2024-02-02',
      '2024-02-05',
    ]);
  });

  it('refuses more than 200 copies', () => {
    expect(bulkDuplicateDates('2024-01-01', { interval: 1, unit: 'days', count: 201 })).toBeNull();
    expect(
      bulkDuplicateDates('2024-01-01', { interval: 1, unit: 'days', count: 200 }),
    ).toHaveLength(200);
  });
});

describe('wall-clock times in a zone', () => {
  it('keeps 10:00 in New York at 10:00 across the March change', () => {
    const before = zonedInstant('2024-03-05', '10:00', 'America/New_York')!;
    const after = zonedInstant('2024-03-12', '10:00', 'America/New_York')!;
    expect(new Date(before).toISOString()).toBe('2024-03-05T15:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2024-03-12T14:00:00.000Z');
    expect(localDateTime(after, 'America/New_York')).toBe('2024-03-12T10:00');
  });

  it('has no instant for a time inside the spring gap, and the first for a repeated one', () => {
    expect(zonedInstant('2024-03-10', '02:30', 'America/New_York')).toBeNull();
    expect(new Date(zonedInstant('2024-11-03', '01:30', 'America/New_York')!).toISOString()).toBe(
      '2024-11-03T05:30:00.000Z',
    );
  });

  it('knows real dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
  });
});

describe('session actions', () => {
  it('publishes drafts only, and does nothing but duplicate a cancelled session', () => {
    expect(canActOnSession('draft', 'publish')).toBe(true);
    expect(canActOnSession('published', 'publish')).toBe(false);
    expect(canActOnSession('cancelled', 'edit')).toBe(false);
    expect(canActOnSession('cancelled', 'duplicate')).toBe(true);
  });
});

describe('who sees what', () => {
  const viewer = (over: Partial<SessionViewer> = {}): SessionViewer => ({
    userId: 'mentee',
    isOrgAdmin: false,
    programIds: new Set(['open', 'matched']),
    menteeProgramIds: new Set(['open', 'matched']),
    groupIds: new Set(['design']),
    matchedMentors: new Set(),
    ...over,
  });
  const session = {
    mentorId: 'mentor',
    status: 'published' as const,
    programId: 'open',
    programMode: 'a_la_carte' as const,
    groupIds: [] as string[],
    enrolledIds: [] as string[],
  };

  it.each([
    ['a published session of my program', viewer(), session, true],
    ['a draft', viewer(), { ...session, status: 'draft' as const }, false],
    [
      'a draft I am enrolled in',
      viewer(),
      { ...session, status: 'draft' as const, enrolledIds: ['mentee'] },
      true,
    ],
    ['another program', viewer({ programIds: new Set(['other']) }), session, false],
    ['my group only', viewer(), { ...session, groupIds: ['design'] }, true],
    ['another group only', viewer(), { ...session, groupIds: ['sales'] }, false],
    [
      'a matched program, unmatched',
      viewer(),
      { ...session, programId: 'matched', programMode: 'matched' as const },
      false,
    ],
    [
      'a matched program, matched with its mentor',
      viewer({ matchedMentors: new Set([matchKey('matched', 'mentor')]) }),
      { ...session, programId: 'matched', programMode: 'matched' as const },
      true,
    ],
    [
      'anything, as admin',
      viewer({ isOrgAdmin: true }),
      { ...session, status: 'draft' as const, groupIds: ['sales'] },
      true,
    ],
  ])('%s → %s', (_label, v, s, expected) => {
    expect(canSeeSession(v, s)).toBe(expected);
  });

  it('offers weekly hours through an à-la-carte program or a match', () => {
    const matchedOnly = [{ programId: 'matched', mode: 'matched' as const }];
    expect(canSeeWeeklySlots(viewer(), 'mentor', matchedOnly)).toBe(false);
    expect(
      canSeeWeeklySlots(
        viewer({ matchedMentors: new Set([matchKey('matched', 'mentor')]) }),
        'mentor',
        matchedOnly,
      ),
    ).toBe(true);
    expect(canSeeWeeklySlots(viewer(), 'mentor', [{ programId: 'open', mode: 'a_la_carte' }])).toBe(
      true,
    );
    expect(
      canSeeWeeklySlots(viewer({ programIds: new Set() }), 'mentor', [
        { programId: 'open', mode: 'a_la_carte' },
      ]),
    ).toBe(false);
  });

  it.each([
    ['a mentee of the program', viewer(), true],
    ['a mentor there', viewer({ menteeProgramIds: new Set(['matched']) }), false],
    [
      'an admin who is no mentee there',
      viewer({ isOrgAdmin: true, menteeProgramIds: new Set() }),
      false,
    ],
  ])('books in a program: %s → %s', (_label, v, expected) => {
    expect(canBookInProgram(v, 'open')).toBe(expected);
  });
});
