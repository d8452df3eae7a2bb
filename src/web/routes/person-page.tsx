import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useSignedInUser } from '../features/auth/session-context.tsx';
import { AvailableTimesCard } from '../features/availability/available-times-card.tsx';
import { ProfileView } from '../features/profile/profile-view.tsx';
import { programNamesById } from '../features/profile/program-roles.tsx';
import { PersonActions } from '../features/requests/person-actions.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Loading } from '../ui/loading.tsx';
import { useApiQuery } from '../use-api-query.ts';

export function PersonPage() {
  const { orgId = '', userId = '' } = useParams();
  const me = useSignedInUser();
  const member = useApiQuery('/api/orgs/{orgId}/members/{userId}', {
    params: { path: { orgId, userId } },
  });
  const programs = useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
  const programNames = useMemo(() => programNamesById(programs.data?.programs), [programs.data]);
  const mentors = Boolean(member.data?.programs.some((membership) => membership.role === 'mentor'));

  return (
    <>
      <p className="back-link">
        <Link to={`/o/${orgId}/people`}>← All people</Link>
      </p>
      {member.loading ? <Loading /> : null}
      {member.error?.status === 404 ? (
        <EmptyState title="Member not found" icon="🔍">
          <p>This person is not a member of the organisation.</p>
        </EmptyState>
      ) : (
        <ErrorAlert message={member.error?.message} />
      )}
      {member.data ? (
        <div className="stack">
          <ProfileView member={member.data} programNames={programNames} />
          {userId === me.id ? null : (
            <PersonActions key={userId} orgId={orgId} member={member.data} bookable={mentors} />
          )}
          {mentors ? <AvailableTimesCard orgId={orgId} mentorId={userId} /> : null}
        </div>
      ) : null}
    </>
  );
}
