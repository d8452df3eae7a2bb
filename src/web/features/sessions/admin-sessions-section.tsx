import { useState } from 'react';
import type { Member, ProgramSummary } from '../../api/types.ts';
import { SelectField } from '../../ui/field.tsx';
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

type Period = 'upcoming' | 'past' | 'all';

/** The API's from/to for a period seen at `now`. */
function periodRange(period: Period, now: number) {
  if (period === 'upcoming') return { from: new Date(now).toISOString() };
  if (period === 'past') {
    return { from: new Date(now - 90 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
  }
  return {};
}

/** Admins create and manage sessions for any mentor in the organisation, filtered. */
export function AdminSessionsSection({
  orgId,
  members,
  programs,
  onChanged,
}: AdminSessionsSectionProps) {
  const [mentorId, setMentorId] = useState('');
  const [programId, setProgramId] = useState('');
  const [period, setPeriod] = useState<Period>('upcoming');
  // Read once per choice: the list need not tick over while the page is open.
  const [now] = useState(() => Date.now());
  const mentors = mentorOptionsOf(members ?? []);
  const sessions = useApiQuery('/api/orgs/{orgId}/sessions', {
    params: {
      path: { orgId },
      query: {
        ...(mentorId ? { mentorId } : {}),
        ...(programId ? { programId } : {}),
        ...periodRange(period, now),
      },
    },
  });
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
      mentors={mentors}
      filters={
        <div className="toolbar toolbar--filters">
          <SelectField
            label="Mentor"
            value={mentorId}
            onChange={(e) => setMentorId(e.target.value)}
          >
            <option value="">Every mentor</option>
            {mentors.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Program"
            value={programId}
            onChange={(e) => setProgramId(e.target.value)}
          >
            <option value="">Any program</option>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="When"
            value={period}
            onChange={(e) => setPeriod(e.target.value as Period)}
          >
            <option value="upcoming">Upcoming</option>
            <option value="past">The last 90 days</option>
            <option value="all">Any time</option>
          </SelectField>
        </div>
      }
      chooseMentor
      programs={programs}
      onChanged={() => {
        reload();
        onChanged();
      }}
    />
  );
}
