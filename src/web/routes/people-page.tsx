import { useId, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { Member, ProgramSummary } from '../api-types.ts';
import { MentorDirectory } from '../features/directory/mentor-directory.tsx';
import { MemberCard } from '../features/profile/member-card.tsx';
import { programNamesById } from '../features/profile/program-roles.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { TextField } from '../ui/field.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiData } from '../use-api-data.ts';

const isMentor = (member: Member) => member.programs.some((program) => program.role === 'mentor');

function matches(member: Member, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [member.name, member.location, member.timeZone].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

export function PeoplePage() {
  const { orgId = '' } = useParams();
  const members = useApiData<{ members: Member[] }>(`/api/orgs/${orgId}/members`);
  const programs = useApiData<{ programs: ProgramSummary[] }>(`/api/orgs/${orgId}/programs`);
  const programNames = useMemo(() => programNamesById(programs.data?.programs), [programs.data]);
  const [query, setQuery] = useState('');
  const [mentorsOnly, setMentorsOnly] = useState(false);
  const everyoneId = useId();

  const list = members.data?.members ?? [];
  const hasMentors = list.some(isMentor);
  const shown = list.filter(
    (member) => matches(member, query) && (!mentorsOnly || isMentor(member)),
  );
  return (
    <>
      <PageHeader
        title="People"
        subtitle="Find a mentor, or anyone in your organisation, with the time where they are."
      />
      <MentorDirectory orgId={orgId} />
      <h2 className="directory__title" id={everyoneId}>
        Everyone
      </h2>
      {list.length > 5 || hasMentors ? (
        <div className="toolbar">
          {list.length > 5 ? (
            <TextField
              label="Search people"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          ) : null}
          {hasMentors ? (
            <Checkbox
              label="Mentors only"
              checked={mentorsOnly}
              onChange={(event) => setMentorsOnly(event.target.checked)}
            />
          ) : null}
        </div>
      ) : null}
      <ErrorAlert message={members.error?.message} />
      {members.loading ? <Loading /> : null}
      {members.data && shown.length === 0 ? (
        <EmptyState
          title={query || mentorsOnly ? 'Nobody matches that search' : 'No members yet'}
          icon="👥"
        />
      ) : null}
      <ul className="member-grid" aria-labelledby={everyoneId}>
        {shown.map((member) => (
          <MemberCard
            key={member.userId}
            orgId={orgId}
            member={member}
            programNames={programNames}
          />
        ))}
      </ul>
    </>
  );
}
