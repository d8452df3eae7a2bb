import { type FormEvent, useState } from 'react';
import type { ResponseOf } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

/** A mentor's capacity as the program's matches list reports it. */
export type MentorCapacity = ResponseOf<
  '/api/orgs/{orgId}/programs/{programId}/matches',
  'get'
>['mentors'][number];

type MentorCapacityRowProps = {
  orgId: string;
  programId: string;
  mentor: MentorCapacity;
  onSaved: () => void;
};

/** One mentor's matches so far and how many mentees they take (empty: no limit). */
export function MentorCapacityRow({ orgId, programId, mentor, onSaved }: MentorCapacityRowProps) {
  const api = useApi();
  const [value, setValue] = useState(mentor.matchCapacity?.toString() ?? '');
  const submission = useSubmission();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const matchCapacity = value.trim() === '' ? null : Number(value);
    const result = await submission.run(() =>
      ok(
        api.PUT('/api/orgs/{orgId}/programs/{programId}/mentors/{mentorId}/match-capacity', {
          params: { path: { orgId, programId, mentorId: mentor.userId } },
          body: { matchCapacity },
        }),
      ),
    );
    if (result.ok) onSaved();
  }

  return (
    <li className="item-list__item">
      <form className="form__row" onSubmit={save} noValidate>
        <p className="item-list__title">
          {mentor.name}{' '}
          <span className="muted">
            {mentor.activeMatches} of {mentor.matchCapacity ?? 'unlimited'} mentees
          </span>
        </p>
        <TextField
          label={`Capacity of ${mentor.name}`}
          name="matchCapacity"
          type="number"
          min={0}
          inputMode="numeric"
          placeholder="No limit"
          value={value}
          error={submission.fieldErrors.matchCapacity}
          onChange={(event) => setValue(event.target.value)}
        />
        <Button type="submit" size="small" pending={submission.pending}>
          Save
        </Button>
      </form>
      <ErrorAlert message={submission.error} />
    </li>
  );
}
