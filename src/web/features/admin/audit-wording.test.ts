import { describe, expect, it } from 'vitest';
import { describeAction, describeDetails } from './audit-wording.ts';

const sam = '2b7e6a0e-3c1f-4a3b-9d7e-1f2a3b4c5d6e';
const names = new Map([[sam, 'Sam Lee']]);

describe('the audit log in words', () => {
  it('names people, says instants in the reader’s zone, and never shows JSON', () => {
    expect(describeAction('session.left')).toBe('Session left');
    const text = describeDetails(
      {
        menteeId: sam,
        changes: { startsAt: '2026-12-03T17:00:00.000Z', capacity: 4, groupIds: [] },
        publish: true,
      },
      names,
      'Europe/London',
    );
    // The day's words are the reader's locale's; the clock is London's.
    expect(text).toMatch(
      /^mentee: Sam Lee, changes: starts at: Thu,? (3 Dec|Dec 3) 17:00, capacity: 4, group ids: none, publish: yes$/,
    );
    expect(text).not.toMatch(/[{}"]|T17:00/);
    const other = describeDetails(
      { sessionId: 'ffffffff-3c1f-4a3b-9d7e-1f2a3b4c5d6e' },
      names,
      'UTC',
    );
    expect(other).toBe('session: ffffffff…');
  });
});
