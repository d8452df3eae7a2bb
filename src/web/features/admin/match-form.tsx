import { type FormEvent, useState } from 'react';
import type { ProgramDetail } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type ProgramPerson = ProgramDetail['members'][number];

type MatchFormProps = {
  orgId: string;
  programId: string;
  mentors: ProgramPerson[];
  mentees: ProgramPerson[];
  onMatched: () => void;
};

/** Pairs one of the program's mentors with one of its mentees. */
export function MatchForm({ orgId, programId, mentors, mentees, onMatched }: MatchFormProps) {
  const api = useApi();
  const [mentorId, setMentorId] = useState('');
  const [menteeId, setMenteeId] = useState('');
  const [tried, setTried] = useState(false);
  const [matched, setMatched] = useState(false);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMatched(false);
    setTried(true);
    if (!mentorId || !menteeId) return;
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/programs/{programId}/matches', {
          params: { path: { orgId, programId } },
          body: {
            mentorId,
            menteeId,
          },
        }),
      ),
    );
    if (result.ok) {
      setMatched(true);
      setTried(false);
      setMentorId('');
      setMenteeId('');
      onMatched();
    }
  }

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <h3 className="subform__title">Match a mentor with a mentee</h3>
      <div className="form__row">
        <SelectField
          label="Mentor"
          name="mentorId"
          value={mentorId}
          required
          error={tried && !mentorId ? 'Choose a mentor first.' : submission.fieldErrors.mentorId}
          onChange={(event) => setMentorId(event.target.value)}
        >
          <option value="">Choose a mentor…</option>
          {mentors.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Mentee"
          name="menteeId"
          value={menteeId}
          required
          error={tried && !menteeId ? 'Choose a mentee first.' : submission.fieldErrors.menteeId}
          onChange={(event) => setMenteeId(event.target.value)}
        >
          <option value="">Choose a mentee…</option>
          {mentees.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.name}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert message={submission.error} />
      {matched ? <Alert tone="success">Matched</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Match
        </Button>
      </div>
    </form>
  );
}
