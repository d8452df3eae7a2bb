import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { useSignedInUser } from '../features/auth/session-context.tsx';
import { rememberOrgId } from '../features/shell/current-org.ts';
import { EmptyState } from '../ui/empty-state.tsx';

/** /o/:orgId/…: only for members of that organisation. */
export function OrgLayout() {
  const { orgId = '' } = useParams();
  const user = useSignedInUser();
  const org = user.organisations.find((candidate) => candidate.id === orgId);

  useEffect(() => {
    if (org) rememberOrgId(org.id);
  }, [org]);

  if (!org) {
    return (
      <EmptyState title="Organisation not found" icon="🔍">
        <p>You are not a member of this organisation, or it no longer exists.</p>
        <Link to="/">Go to your organisations</Link>
      </EmptyState>
    );
  }
  return <Outlet />;
}

/** Wraps admin-only pages; members see an explanation instead. */
export function RequireOrgAdmin() {
  const { orgId = '' } = useParams();
  const user = useSignedInUser();
  const org = user.organisations.find((candidate) => candidate.id === orgId);
  if (org?.role !== 'admin') {
    return (
      <EmptyState title="Admins only" icon="🔒">
        <p>Only the organisation's admins can manage programs, groups, members and invitations.</p>
      </EmptyState>
    );
  }
  return <Outlet />;
}
