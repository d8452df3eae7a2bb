import { useMatch } from 'react-router';
import type { SessionOrganisation } from '../../api/types.ts';
import { useSignedInUser } from '../auth/session-context.tsx';

const storageKey = 'confer.currentOrgId';

/** Remembers the last organisation visited, so /me and / know which one to show. */
export function rememberOrgId(orgId: string) {
  try {
    window.localStorage.setItem(storageKey, orgId);
  } catch {
    // Storage may be unavailable (private mode); the URL still carries the org.
  }
}

function recalledOrgId(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * The organisation being looked at: the one in the URL (/o/:orgId/…), else the
 * last one visited, else the first. Null when the user belongs to none.
 */
export function useCurrentOrg(): SessionOrganisation | null {
  const user = useSignedInUser();
  const match = useMatch('/o/:orgId/*');
  const orgs = user.organisations;
  const wanted = match?.params.orgId ?? recalledOrgId();
  return orgs.find((org) => org.id === wanted) ?? orgs[0] ?? null;
}

/** The same section of another organisation: /o/A/admin/programs/x → /o/B/admin. */
export function pathInOtherOrg(pathname: string, orgId: string): string {
  const match = /^\/o\/[^/]+\/([^/]+)/.exec(pathname);
  const section = match?.[1] ?? 'people';
  return `/o/${orgId}/${section}`;
}
