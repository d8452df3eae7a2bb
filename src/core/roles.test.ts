import { describe, expect, it } from 'vitest';
import { canManageOrg, canSeeEmailOf, wouldRemoveLastAdmin } from './roles.ts';

describe('organisation roles', () => {
  it('lets only admins manage', () => {
    expect(canManageOrg({ orgId: 'o', userId: 'u', role: 'admin' })).toBe(true);
    expect(canManageOrg({ orgId: 'o', userId: 'u', role: 'member' })).toBe(false);
  });

  it('shows an email address to admins and to its owner only', () => {
    expect(canSeeEmailOf({ orgId: 'o', userId: 'a', role: 'admin' }, 'u')).toBe(true);
    expect(canSeeEmailOf({ orgId: 'o', userId: 'u', role: 'member' }, 'u')).toBe(true);
    expect(canSeeEmailOf({ orgId: 'o', userId: 'm', role: 'member' }, 'u')).toBe(false);
  });

  it.each([
    [1, 'admin', 'member', true],
    [1, 'admin', 'removed', true],
    [2, 'admin', 'member', false],
    [1, 'admin', 'admin', false],
    [1, 'member', 'removed', false],
  ] as const)(
    'with %i admin(s), %s → %s removes the last admin: %s',
    (count, from, to, expected) => {
      expect(wouldRemoveLastAdmin(count, from, to)).toBe(expected);
    },
  );
});
