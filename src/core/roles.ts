/** Roles, and what each may do. Pure rules: callers load the membership first. */
export const orgRoles = ['admin', 'member'] as const;
export type OrgRole = (typeof orgRoles)[number];

export const programRoles = ['mentor', 'mentee'] as const;
export type ProgramRole = (typeof programRoles)[number];

export const programModes = ['matched', 'a_la_carte'] as const;
export type ProgramMode = (typeof programModes)[number];

export type OrgMembership = { orgId: string; userId: string; role: OrgRole };

/** Admins manage programs, groups, members, roles and invitations. */
export function canManageOrg(membership: OrgMembership): boolean {
  return membership.role === 'admin';
}

/** A member's email address is for the organisation's admins and the member themselves. */
export function canSeeEmailOf(viewer: OrgMembership, userId: string): boolean {
  return canManageOrg(viewer) || viewer.userId === userId;
}

/**
 * An organisation must keep at least one admin: refusing the change that would
 * remove the last one keeps the organisation manageable.
 */
export function wouldRemoveLastAdmin(
  adminCount: number,
  current: OrgRole,
  next: OrgRole | 'removed',
): boolean {
  return current === 'admin' && next !== 'admin' && adminCount <= 1;
}
