import { AppError, notFound } from '../core/errors.ts';
import { canManageOrg } from '../core/roles.ts';
import type { Queryable } from '../db/client.ts';
import { getOrganisationForMember } from '../db/queries/organisations.ts';
import type { Actor } from './context.ts';

/**
 * The organisation as the actor sees it. Someone outside it gets the same 404
 * as for an organisation that does not exist: we never confirm it is there.
 */
export async function requireOrgMember(q: Queryable, actor: Actor, orgId: string) {
  const org = await getOrganisationForMember(q, orgId, actor.userId);
  if (!org) throw notFound('Organisation');
  return org;
}

export async function requireOrgAdmin(q: Queryable, actor: Actor, orgId: string) {
  const org = await requireOrgMember(q, actor, orgId);
  if (!canManageOrg({ orgId, userId: actor.userId, role: org.role })) {
    throw new AppError('forbidden', 'Only an organisation admin can do this');
  }
  return org;
}
