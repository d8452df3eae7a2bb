import type { Member, ProgramSummary } from '../../api/types.ts';
import { useApiQuery } from '../../use-api-query.ts';
import type { MentorOption } from './session-draft.ts';
import { SessionManager } from './session-manager.tsx';

type AdminSessionsSectionProps = {
  orgId: string;
  members: Member[] | undefined;
  programs: ProgramSummary[];
  onChanged: () => void;
};

/** Everyone who mentors in at least one program, with those programs. */
export function mentorOptionsOf(members: Member[]): MentorOption[] {
  return members
    .map((member) => ({
      userId: member.userId,
      name: member.name,
      timeZone: member.timeZone,
      programIds: member.programs
        .filter((membership) => membership.role === 'mentor')
        .map((membership) => membership.programId),
    }))
    .filter((option) => option.programIds.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Admins create and manage sessions for any mentor in the organisation. */
export function AdminSessionsSection({
  orgId,
  members,
  programs,
  onChanged,
}: AdminSessionsSectionProps) {
  const sessions = useApiQuery('/api/orgs/{orgId}/sessions', { params: { path: { orgId } } });
  const { reload } = sessions;
  return (
    <SessionManager
      id="sessions"
      title="Sessions"
      description="Sessions of every mentor here; create one for any mentor."
      emptyText="No sessions yet."
      orgId={orgId}
      sessions={sessions.data?.sessions}
      loading={sessions.loading}
      error={sessions.error?.message}
      mentors={mentorOptionsOf(members ?? [])}
      chooseMentor
      programs={programs}
      onChanged={() => {
        reload();
        onChanged();
      }}
    />
  );
}
