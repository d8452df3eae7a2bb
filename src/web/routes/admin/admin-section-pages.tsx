import { useParams } from 'react-router';
import { AuditLogSection } from '../../features/admin/audit-log-section.tsx';
import { GroupsSection } from '../../features/admin/groups-section.tsx';
import { InvitationsSection } from '../../features/admin/invitations-section.tsx';
import { MailboxSection } from '../../features/admin/mailbox-section.tsx';
import { ProgramsSection } from '../../features/admin/programs-section.tsx';
import { SingleSignOnSection } from '../../features/admin/single-sign-on-section.tsx';
import { VideoSection } from '../../features/admin/video-section.tsx';
import { AdminSessionsSection } from '../../features/sessions/admin-sessions-section.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { useApiQuery } from '../../use-api-query.ts';

/*
 * The admin console's pages that are one section each (issue #13): each
 * loads only what it shows.
 */

const nothing = () => {};

function usePrograms(orgId: string) {
  return useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
}

export function AdminProgramsPage() {
  const { orgId = '' } = useParams();
  const programs = usePrograms(orgId);
  return (
    <>
      <ErrorAlert message={programs.error?.message} />
      <ProgramsSection
        orgId={orgId}
        programs={programs.data?.programs}
        loading={programs.loading}
        onChanged={programs.reload}
      />
    </>
  );
}

export function AdminGroupsPage() {
  const { orgId = '' } = useParams();
  return <GroupsSection orgId={orgId} onChanged={nothing} />;
}

export function AdminSessionsPage() {
  const { orgId = '' } = useParams();
  const programs = usePrograms(orgId);
  // The mentors to act for: only mentors, not every member.
  const mentors = useApiQuery('/api/orgs/{orgId}/members', {
    params: { path: { orgId }, query: { mentorsOnly: 'true' } },
  });
  return (
    <>
      <ErrorAlert message={programs.error?.message ?? mentors.error?.message} />
      <AdminSessionsSection
        orgId={orgId}
        members={mentors.data?.members}
        programs={programs.data?.programs ?? []}
        onChanged={nothing}
      />
    </>
  );
}

export function AdminInvitationsPage() {
  const { orgId = '' } = useParams();
  const programs = usePrograms(orgId);
  return (
    <InvitationsSection
      orgId={orgId}
      programs={programs.data?.programs ?? []}
      onChanged={nothing}
    />
  );
}

export function AdminSignInPage() {
  const { orgId = '' } = useParams();
  const programs = usePrograms(orgId);
  return <SingleSignOnSection orgId={orgId} programs={programs.data?.programs ?? []} />;
}

export function AdminVideoPage() {
  const { orgId = '' } = useParams();
  return <VideoSection orgId={orgId} onChanged={nothing} />;
}

export function AdminMailboxPage() {
  const { orgId = '' } = useParams();
  return <MailboxSection orgId={orgId} />;
}

export function AdminAuditPage() {
  const { orgId = '' } = useParams();
  return <AuditLogSection orgId={orgId} />;
}
