import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useViewerTimeZone } from '../features/auth/session-context.tsx';
import { MatchItem } from '../features/requests/match-item.tsx';
import { groupMatchesByProgram } from '../features/requests/request-rules.ts';
import { ErrorAlert } from '../ui/alert.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiQuery } from '../use-api-query.ts';

/** The mentors and mentees an administrator paired me with, by matched program. */
export function MatchesPage() {
  const { orgId = '' } = useParams();
  const viewerZone = useViewerTimeZone();
  const matches = useApiQuery('/api/orgs/{orgId}/me/matches', { params: { path: { orgId } } });
  const groups = useMemo(() => groupMatchesByProgram(matches.data?.matches ?? []), [matches.data]);

  return (
    <>
      <PageHeader
        title="Matches"
        subtitle="The mentors and mentees you are paired with in matched programs."
      />
      {matches.loading ? <Loading /> : null}
      <ErrorAlert message={matches.error?.message} />
      {matches.data && groups.length === 0 ? (
        <div className="card">
          <EmptyState title="You have no matches yet." icon="👥">
            <p>In a matched program an administrator pairs mentors and mentees.</p>
          </EmptyState>
        </div>
      ) : null}
      <div className="stack">
        {groups.map((group) => {
          const mentoring = group.matches.filter((match) => match.role === 'mentor');
          const mentoredBy = group.matches.filter((match) => match.role === 'mentee');
          const list = (items: typeof group.matches, label: string) =>
            items.length > 0 ? (
              <ul className="item-list" aria-label={label}>
                {items.map((match) => (
                  <MatchItem key={match.id} orgId={orgId} match={match} viewerZone={viewerZone} />
                ))}
              </ul>
            ) : null;
          return (
            <Card
              key={group.programId}
              title={group.programName}
              description={describe(mentoredBy.length, mentoring.length)}
            >
              {list(mentoredBy, `My mentors in ${group.programName}`)}
              {mentoredBy.length > 0 && mentoring.length > 0 ? (
                <div className="subform">
                  {list(mentoring, `My mentees in ${group.programName}`)}
                </div>
              ) : (
                list(mentoring, `My mentees in ${group.programName}`)
              )}
            </Card>
          );
        })}
      </div>
    </>
  );
}

/** What the card holds, from my side: whom I book, whom I mentor. */
function describe(mentors: number, mentees: number): string {
  if (mentors > 0 && mentees > 0) return 'Your mentors and mentees in this program.';
  if (mentors > 0) return 'Book a session with your mentor from their profile.';
  return mentees === 1 ? 'Your mentee in this program.' : 'Your mentees in this program.';
}
