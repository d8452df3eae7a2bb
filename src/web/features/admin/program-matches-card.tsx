import type { Match, ProgramDetail } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { MatchForm } from './match-form.tsx';
import { MatchSuggestionsList } from './match-suggestions-list.tsx';
import { MentorCapacityRow } from './mentor-capacity-row.tsx';

type ProgramMatchesCardProps = {
  orgId: string;
  program: ProgramDetail;
};

/** Who is matched with whom in a matched program: end a match, make one. */
export function ProgramMatchesCard({ orgId, program }: ProgramMatchesCardProps) {
  const api = useApi();
  const params = { path: { orgId, programId: program.id } };
  const matches = useApiQuery('/api/orgs/{orgId}/programs/{programId}/matches', { params });
  const ending = useSubmission();
  const byName = [...program.members].sort((a, b) => a.name.localeCompare(b.name));
  const mentors = byName.filter((member) => member.role === 'mentor');
  const mentees = byName.filter((member) => member.role === 'mentee');
  const list = matches.data?.matches ?? [];

  async function end(match: Match) {
    const result = await ending.run(() =>
      ok(
        api.DELETE('/api/orgs/{orgId}/programs/{programId}/matches/{matchId}', {
          params: { path: { ...params.path, matchId: match.id } },
        }),
      ),
    );
    if (result.ok) matches.reload();
  }

  return (
    <Card
      title="Matches"
      description="Mentees in a matched program book only with the mentors they are matched with."
    >
      {matches.loading ? <Loading /> : null}
      <ErrorAlert message={matches.error?.message ?? ending.error} />
      {matches.data && list.length === 0 ? <p className="muted">No matches yet.</p> : null}
      <ul className="item-list">
        {list.map((match) => (
          <li key={match.id} className="item-list__item">
            <p className="item-list__title">
              {match.mentorName} ↔ {match.menteeName}
            </p>
            <ConfirmButton
              label="End match"
              accessibleLabel={`End match of ${match.mentorName} and ${match.menteeName}`}
              question={`End the match of ${match.mentorName} and ${match.menteeName}?`}
              confirmLabel="Yes, end it"
              pending={ending.pending}
              onConfirm={() => end(match)}
            />
          </li>
        ))}
      </ul>
      {mentors.length > 0 && mentees.length > 0 ? (
        <MatchSuggestionsList orgId={orgId} programId={program.id} onMatched={matches.reload} />
      ) : null}
      {matches.data && matches.data.mentors.length > 0 ? (
        <>
          <h3 className="subform__title">Mentor capacity</h3>
          <ul className="item-list">
            {matches.data.mentors.map((mentor) => (
              <MentorCapacityRow
                key={`${mentor.userId}:${mentor.matchCapacity}`}
                orgId={orgId}
                programId={program.id}
                mentor={mentor}
                onSaved={matches.reload}
              />
            ))}
          </ul>
        </>
      ) : null}
      {mentors.length > 0 && mentees.length > 0 ? (
        <MatchForm
          orgId={orgId}
          programId={program.id}
          mentors={mentors}
          mentees={mentees}
          onMatched={matches.reload}
        />
      ) : (
        <p className="muted">Add at least one mentor and one mentee to match them.</p>
      )}
    </Card>
  );
}
