import { useState } from 'react';
import { ok } from '../../api.ts';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type MatchSuggestionsListProps = {
  orgId: string;
  programId: string;
  /** after a suggestion was accepted */
  onMatched: () => void;
};

/**
 * Suggested matches (issue #13): each unmatched mentee with the mentors who
 * fit best and why; one click makes the match.
 */
export function MatchSuggestionsList({ orgId, programId, onMatched }: MatchSuggestionsListProps) {
  const api = useApi();
  const params = { path: { orgId, programId } };
  const suggestions = useApiQuery('/api/orgs/{orgId}/programs/{programId}/match-suggestions', {
    params,
  });
  const accepting = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function accept(
    menteeId: string,
    menteeName: string,
    mentorId: string,
    mentorName: string,
  ) {
    setDone(null);
    const result = await accepting.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/programs/{programId}/matches', {
          params,
          body: { mentorId, menteeId },
        }),
      ),
    );
    if (result.ok) setDone(`${menteeName} is matched with ${mentorName}.`);
    suggestions.reload();
    onMatched();
  }

  const list = suggestions.data?.suggestions ?? [];
  return (
    <section className="suggestions" aria-labelledby="suggested-matches">
      <h3 className="subform__title" id="suggested-matches">
        Suggested matches
      </h3>
      <ErrorAlert message={suggestions.error?.message ?? accepting.error} />
      <StatusAlert message={done} />
      {suggestions.data && list.length === 0 ? (
        <p className="muted">Every mentee is matched, or no mentor has room left.</p>
      ) : null}
      {suggestions.data && suggestions.data.unmatched > list.length && list.length > 0 ? (
        <p className="muted">
          {list.length} of {suggestions.data.unmatched} unmatched mentees; matching one brings the
          next up.
        </p>
      ) : null}
      <ul className="item-list">
        {list.map((s) => (
          <li key={s.menteeId} className="suggestion">
            <p className="item-list__title">{s.menteeName}</p>
            <ol className="suggestion__mentors">
              {s.mentors.map((m) => (
                <li key={m.mentorId} className="suggestion__mentor">
                  <div>
                    <p>
                      <strong>{m.mentorName}</strong> <Badge>{`${m.score} / 100`}</Badge>
                    </p>
                    <p className="item-list__meta">{m.reasons.join(' · ')}</p>
                  </div>
                  <Button
                    size="small"
                    pending={accepting.pending}
                    aria-label={`Match ${s.menteeName} with ${m.mentorName}`}
                    onClick={() => accept(s.menteeId, s.menteeName, m.mentorId, m.mentorName)}
                  >
                    Match
                  </Button>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
