import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { AuditLogSection } from '../features/admin/audit-log-section.tsx';
import { GroupsSection } from '../features/admin/groups-section.tsx';
import { InvitationsSection } from '../features/admin/invitations-section.tsx';
import { MailboxSection } from '../features/admin/mailbox-section.tsx';
import { MembersSection } from '../features/admin/members-section.tsx';
import { ProgramsSection } from '../features/admin/programs-section.tsx';
import { VideoSection } from '../features/admin/video-section.tsx';
import { programNamesById } from '../features/profile/program-roles.tsx';
import { AdminSessionsSection } from '../features/sessions/admin-sessions-section.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiQuery } from '../use-api-query.ts';

const sections = [
  { id: 'programs', label: 'Programs' },
  { id: 'groups', label: 'Groups' },
  { id: 'members', label: 'Members' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'invitations', label: 'Invitations' },
  { id: 'video', label: 'Video' },
  { id: 'mailbox', label: 'Mailbox' },
  { id: 'audit-log', label: 'Audit log' },
];

/** Every admin task on one page, in cards, with a jump list at the top. */
export function AdminPage() {
  const { orgId = '' } = useParams();
  const programs = useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
  const members = useApiQuery('/api/orgs/{orgId}/members', { params: { path: { orgId } } });
  const programNames = useMemo(() => programNamesById(programs.data?.programs), [programs.data]);
  const names = useMemo(() => {
    const byId = new Map(programNames);
    for (const member of members.data?.members ?? []) byId.set(member.userId, member.name);
    return byId;
  }, [programNames, members.data]);
  // Bumped after any change, so the audit log shows it.
  const [version, setVersion] = useState(0);
  const { reload: reloadPrograms } = programs;
  const { reload: reloadMembers } = members;

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const programsChanged = useCallback(() => {
    reloadPrograms();
    changed();
  }, [reloadPrograms, changed]);
  const membersChanged = useCallback(() => {
    reloadMembers();
    changed();
  }, [reloadMembers, changed]);

  return (
    <>
      <PageHeader title="Admin" subtitle="Programs, groups, members and invitations." />
      <nav className="jump-nav" aria-label="Admin sections">
        {sections.map((section) => (
          <a key={section.id} href={`#${section.id}`} className="jump-nav__link">
            {section.label}
          </a>
        ))}
      </nav>
      <ErrorAlert message={programs.error?.message ?? members.error?.message} />
      <div className="stack">
        <ProgramsSection
          orgId={orgId}
          programs={programs.data?.programs}
          loading={programs.loading}
          onChanged={programsChanged}
        />
        <GroupsSection orgId={orgId} onChanged={changed} />
        <MembersSection
          orgId={orgId}
          members={members.data?.members}
          loading={members.loading}
          programNames={programNames}
          onChanged={membersChanged}
        />
        <AdminSessionsSection
          orgId={orgId}
          members={members.data?.members}
          programs={programs.data?.programs ?? []}
          onChanged={changed}
        />
        <InvitationsSection
          orgId={orgId}
          programs={programs.data?.programs ?? []}
          onChanged={changed}
        />
        <VideoSection orgId={orgId} onChanged={changed} />
        <MailboxSection orgId={orgId} />
        <AuditLogSection orgId={orgId} version={version} names={names} />
      </div>
    </>
  );
}
