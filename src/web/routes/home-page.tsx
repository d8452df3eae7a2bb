import { useState } from 'react';
import { Navigate } from 'react-router';
import { useSignedInUser } from '../features/auth/session-context.tsx';
import { CreateOrganisationForm } from '../features/shell/create-organisation-form.tsx';
import { useCurrentOrg } from '../features/shell/current-org.ts';
import { Card } from '../ui/card.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

/** `/`: straight to the current organisation, or a page to start one. */
export function HomePage() {
  const user = useSignedInUser();
  const org = useCurrentOrg();
  const [createdOrgId, setCreatedOrgId] = useState<string | null>(null);

  if (createdOrgId) {
    // Wait until the reloaded session lists the new organisation, then set it up.
    const isListed = user.organisations.some((candidate) => candidate.id === createdOrgId);
    return isListed ? <Navigate to={`/o/${createdOrgId}/admin`} replace /> : <Loading />;
  }
  if (org) return <Navigate to={`/o/${org.id}/home`} replace />;

  return (
    <div className="narrow">
      <PageHeader
        title={`Welcome, ${user.name}`}
        subtitle="You are not in an organisation yet. Ask for an invitation link, or start your own organisation and invite people to it."
      />
      <Card title="Start an organisation">
        <CreateOrganisationForm onCreated={(created) => setCreatedOrgId(created.id)} />
      </Card>
    </div>
  );
}
