import type { Access } from '../../src/http/access.ts';
import type { Caller } from './access-world.ts';

/**
 * What each access rule (src/http/access.ts) means for each caller: the
 * matrix's expectations, derived from the rule alone. "Own" is a resource the
 * caller is the right person for (their booking, their token, themselves);
 * "other" is the same kind of resource of someone else in the organisation.
 */
export type Ownership = 'own' | 'other';

/** Rules that depend on whose resource it is: each member caller tries both. */
export const ownedRules: ReadonlySet<Access> = new Set([
  'owner',
  'party',
  'mentor-side',
  'manager',
  'matched-or-admin',
  'self-or-admin',
]);

export function isAllowed(rule: Access, caller: Caller, own: Ownership): boolean {
  if (rule === 'public') return true;
  if (caller === 'anonymous') return false;
  const mine = own === 'own';
  if (rule === 'signed-in') return true;
  if (rule === 'owner') return mine;
  // Everything else is about organisation A, which the outsider is not in.
  if (caller === 'outsider') return false;
  switch (rule) {
    case 'member':
      return true;
    case 'admin':
      return caller === 'admin';
    case 'mentee':
      return caller === 'mentee';
    case 'mentor-or-mentee':
      return caller === 'mentee' || caller === 'mentor';
    case 'party':
      return mine && caller !== 'admin';
    case 'mentor-side':
      return mine && caller === 'mentor';
    case 'manager':
      return caller === 'admin' || (mine && caller === 'mentor');
    case 'matched-or-admin':
    case 'self-or-admin':
      return caller === 'admin' || mine;
  }
}

/** The ownerships a caller tries for a rule. */
export function ownershipsFor(rule: Access, caller: Caller): Ownership[] {
  if (caller === 'anonymous') return ['other'];
  if (caller === 'outsider') return rule === 'owner' ? ['own', 'other'] : ['other'];
  return ownedRules.has(rule) ? ['own', 'other'] : ['own'];
}

/**
 * The status a refusal must have: 401 for anonymous callers; 404 for anything
 * in an organisation the caller is not in (we never confirm it exists); 403 or
 * 404 inside one's own organisation.
 */
export function refusalFits(status: number, caller: Caller, orgScoped: boolean): boolean {
  if (caller === 'anonymous') return status === 401;
  if (caller === 'outsider' && orgScoped) return status === 404;
  return status === 403 || status === 404;
}

/** Allowed: done, or a domain answer (conflict, validation) that is not a refusal. */
export function allowanceFits(status: number): boolean {
  return status < 500 && ![401, 403, 404].includes(status);
}
