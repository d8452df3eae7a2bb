import { describe, expect, it } from 'vitest';
import { type ApiQueryKey, isMissedBefore, isStaleAfter } from './live-queries.ts';

const org = 'org-1';
const key = (path: ApiQueryKey[0], params: ApiQueryKey[1] = {}): ApiQueryKey => [path, params];

describe('which cached queries a live change makes stale', () => {
  it('a booking change refreshes the lists of bookings, in its organisation only', () => {
    const change = { resources: ['bookings' as const], orgId: org, bookingId: 'b1' };
    expect(isStaleAfter(key('/api/me/pending-bookings', { query: { orgId: org } }), change)).toBe(
      true,
    );
    expect(isStaleAfter(key('/api/me/bookings'), change)).toBe(true);
    expect(isStaleAfter(key('/api/me/bookings', { query: { orgId: 'org-2' } }), change)).toBe(
      false,
    );
    expect(
      isStaleAfter(
        key('/api/orgs/{orgId}/bookings/{bookingId}', { path: { orgId: org, bookingId: 'b1' } }),
        change,
      ),
    ).toBe(true);
    // Another booking's card stays as it is.
    expect(
      isStaleAfter(
        key('/api/orgs/{orgId}/bookings/{bookingId}', { path: { orgId: org, bookingId: 'b2' } }),
        change,
      ),
    ).toBe(false);
    // Lists that do not read bookings are left alone.
    expect(isStaleAfter(key('/api/orgs/{orgId}/threads', { path: { orgId: org } }), change)).toBe(
      false,
    );
    expect(isStaleAfter(key('/api/orgs/{orgId}/members', { path: { orgId: org } }), change)).toBe(
      false,
    );
  });

  it("a mentor's free times refresh the directory and that mentor's slots, not another's", () => {
    const change = { resources: ['slots' as const], orgId: org, mentorId: 'm1' };
    expect(isStaleAfter(key('/api/orgs/{orgId}/mentors', { path: { orgId: org } }), change)).toBe(
      true,
    );
    const slotsOf = (mentorId: string) =>
      key('/api/orgs/{orgId}/mentors/{mentorId}/slots', { path: { orgId: org, mentorId } });
    expect(isStaleAfter(slotsOf('m1'), change)).toBe(true);
    expect(isStaleAfter(slotsOf('m2'), change)).toBe(false);
  });

  it('a message refreshes its thread, the thread list and unread counts', () => {
    const change = { resources: ['threads' as const], orgId: org, threadId: 't1' };
    const thread = (threadId: string) =>
      key('/api/orgs/{orgId}/threads/{threadId}', { path: { orgId: org, threadId } });
    expect(isStaleAfter(thread('t1'), change)).toBe(true);
    expect(isStaleAfter(thread('t2'), change)).toBe(false);
    expect(
      isStaleAfter(key('/api/orgs/{orgId}/threads/unread', { path: { orgId: org } }), change),
    ).toBe(true);
  });

  it('a change without an organisation (the bell) reaches queries of any', () => {
    const change = { resources: ['notifications' as const] };
    expect(isStaleAfter(key('/api/me/notifications'), change)).toBe(true);
  });
});

describe('what a (re)opened stream refetches', () => {
  const openedAt = 10_000;

  it('data from before the stream opened, not data fetched since', () => {
    expect(isMissedBefore({ status: 'success', dataUpdatedAt: 9_000 }, openedAt)).toBe(true);
    expect(isMissedBefore({ status: 'success', dataUpdatedAt: 10_500 }, openedAt)).toBe(false);
  });

  it('a list whose fetch failed while the stream was down, even one never loaded', () => {
    // The page opened as the server went away: its first load failed, no data yet.
    expect(isMissedBefore({ status: 'error', dataUpdatedAt: 0 }, openedAt)).toBe(true);
    expect(isMissedBefore({ status: 'error', dataUpdatedAt: 9_000 }, openedAt)).toBe(true);
  });

  it('not a first load still on its way', () => {
    expect(isMissedBefore({ status: 'pending', dataUpdatedAt: 0 }, openedAt)).toBe(false);
  });
});
