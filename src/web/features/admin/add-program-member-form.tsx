import { type FormEvent, useState } from 'react';
import type { Member, ProgramRole } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/field.tsx';
import { programRoleLabels } from '../../ui/labels.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { MemberSelect } from './member-select.tsx';

type AddProgramMemberFormProps = {
  orgId: string;
  programId: string;
  /** who is in the program already, not offered */
  memberIds: ReadonlySet<string>;
  onAdded: () => void;
};

export function AddProgramMemberForm({
  orgId,
  programId,
  memberIds,
  onAdded,
}: AddProgramMemberFormProps) {
  const api = useApi();
  const [person, setPerson] = useState<Member | null>(null);
  const [role, setRole] = useState<ProgramRole>('mentee');
  const [added, setAdded] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    setMissing(!person);
    if (!person) return;
    const result = await submission.run(() =>
      ok(
        api.PUT('/api/orgs/{orgId}/programs/{programId}/members/{userId}', {
          params: { path: { orgId, programId, userId: person.userId } },
          body: { role },
        }),
      ),
    );
    if (result.ok) {
      setAdded(`${person.name} added as ${programRoleLabels[role].toLowerCase()}.`);
      setPerson(null);
      onAdded();
    }
  }

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <h3 className="subform__title">Add someone</h3>
      <div className="form__row">
        <MemberSelect
          orgId={orgId}
          excludeIds={memberIds}
          value={person?.userId ?? ''}
          onChange={(chosen) => {
            setPerson(chosen);
            setMissing(false);
          }}
          error={missing ? 'Choose who to add first.' : submission.fieldErrors.userId}
        />
        <SelectField
          label="Role"
          name="role"
          value={role}
          error={submission.fieldErrors.role}
          onChange={(event) => setRole(event.target.value as ProgramRole)}
        >
          <option value="mentee">{programRoleLabels.mentee}</option>
          <option value="mentor">{programRoleLabels.mentor}</option>
        </SelectField>
      </div>
      <ErrorAlert message={submission.error} />
      {added ? <Alert tone="success">{added}</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Add to program
        </Button>
      </div>
    </form>
  );
}
