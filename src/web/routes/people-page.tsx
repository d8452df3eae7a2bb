import { useId, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { MentorDirectory } from '../features/directory/mentor-directory.tsx';
import { MemberCard } from '../features/profile/member-card.tsx';
import { programNamesById } from '../features/profile/program-roles.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { TextField } from '../ui/field.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiQuery } from '../use-api-query.ts';
import { useDebouncedValue } from '../use-debounced-value.ts';

/** As the server accepts (core mentor-search MAX_SEARCH_LENGTH). */
const MAX_SEARCH_LENGTH = 200;

/** Everyone is listed a page at a time: an organisation may have 100,000 members. */
const PAGE_SIZE = 60;

export function PeoplePage() {
  const { orgId = '' } = useParams();
  const programs = useApiQuery('/api/orgs/{orgId}/programs', { params: { path: { orgId } } });
  const programNames = useMemo(() => programNamesById(programs.data?.programs), [programs.data]);
  const [query, setQuery] = useState('');
  const [mentorsOnly, setMentorsOnly] = useState(false);
  const everyoneId = useId();
  const words = useDebouncedValue(query.trim(), 250);
  const search = {
    limit: PAGE_SIZE,
    ...(words ? { q: words } : {}),
    ...(mentorsOnly ? { mentorsOnly: 'true' } : {}),
  };
  const members = useApiQuery('/api/orgs/{orgId}/members', {
    params: { path: { orgId }, query: search },
  });

  const shown = members.data?.members ?? [];
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
      <div className="toolbar">
        <TextField
          label="Search people"
          type="search"
          maxLength={MAX_SEARCH_LENGTH}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Checkbox
          label="Mentors only"
          checked={mentorsOnly}
          onChange={(event) => setMentorsOnly(event.target.checked)}
        />
      </div>
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
      {shown.length >= PAGE_SIZE ? (
        <p className="directory__more">
          Showing the first {PAGE_SIZE} by name. Search to find someone else.
        </p>
      ) : null}
    </>
  );
}
