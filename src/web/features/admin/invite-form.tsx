import { type FormEvent, useState } from 'react';
import type { OrgRole, ProgramRole, ProgramSummary } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { CopyField } from '../../ui/copy-field.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { orgRoleLabels, programRoleLabels } from '../../ui/labels.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type InviteFormProps = {
  orgId: string;
  programs: ProgramSummary[];
  onInvited: () => void;
};

type Sent = { email: string; url: string };

/** Invites by email; until email delivery exists the admin passes the link on themselves. */
export function InviteForm({ orgId, programs, onInvited }: InviteFormProps) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrgRole>('member');
  const [programId, setProgramId] = useState('');
  const [programRole, setProgramRole] = useState<ProgramRole>('mentee');
  const [sent, setSent] = useState<Sent | null>(null);
  const submission = useSubmission();
  const activePrograms = programs.filter((program) => !program.archivedAt);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/invitations', {
          params: { path: { orgId } },
          body: {
            email: email.trim(),
            role,
            ...(programId ? { programId, programRole } : {}),
          },
        }),
      ),
    );
    if (result.ok) {
      setSent({ email: result.value.invitation.email, url: result.value.url });
      setEmail('');
      onInvited();
    }
  }

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <h3 className="subform__title">Invite someone</h3>
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        value={email}
        error={submission.fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <div className="form__row">
        <SelectField
          label="Role"
          name="role"
          value={role}
          error={submission.fieldErrors.role}
          onChange={(event) => setRole(event.target.value as OrgRole)}
        >
          <option value="member">{orgRoleLabels.member}</option>
          <option value="admin">{orgRoleLabels.admin}</option>
        </SelectField>
        <SelectField
          label="Program"
          name="programId"
          value={programId}
          hint="Optional: also add them to a program."
          error={submission.fieldErrors.programId}
          onChange={(event) => setProgramId(event.target.value)}
        >
          <option value="">No program</option>
          {activePrograms.map((program) => (
            <option key={program.id} value={program.id}>
              {program.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Program role"
          name="programRole"
          value={programRole}
          hint={programId ? undefined : 'Used when a program is chosen.'}
          error={submission.fieldErrors.programRole}
          onChange={(event) => setProgramRole(event.target.value as ProgramRole)}
        >
          <option value="mentee">{programRoleLabels.mentee}</option>
          <option value="mentor">{programRoleLabels.mentor}</option>
        </SelectField>
      </div>
      <ErrorAlert message={submission.error} />
      {sent ? (
        <Alert tone="success">
          <p>
            Invitation created for {sent.email}. Email sending is not set up yet, so send them this
            link yourself.
          </p>
          <CopyField label="Invitation link" value={sent.url} />
        </Alert>
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Send invitation
        </Button>
      </div>
    </form>
  );
}
