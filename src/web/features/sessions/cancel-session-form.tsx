import { type FormEvent, useState } from 'react';
import type { Session } from '../../api-types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { sessionTitle } from './session-display.ts';

type CancelSessionFormProps = {
  session: Session;
  onDone: (message: string) => void;
  onClose: () => void;
};

/** Asks why, then cancels: an inline confirmation rather than a blocking dialog. */
export function CancelSessionForm({ session, onDone, onClose }: CancelSessionFormProps) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    const result = await submission.run(() =>
      api.post<Session>(`/api/orgs/${session.orgId}/sessions/${session.id}/cancel`, {
        reason: reason.trim(),
      }),
    );
    if (result.ok) onDone(`“${sessionTitle(session)}” cancelled`);
  }

  return (
    <form className="form session-panel" aria-label="Cancel session" onSubmit={submit} noValidate>
      <p className="confirm__question">
        Cancel “{sessionTitle(session)}”?
        {session.enrolled.length > 0 ? ' Enrolled mentees will see the reason.' : ''}
      </p>
      <TextField
        label="Reason"
        name="reason"
        required
        value={reason}
        error={missing ? 'Say why the session is cancelled.' : submission.fieldErrors.reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="danger" pending={submission.pending}>
          Cancel session
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Keep session
        </Button>
      </div>
    </form>
  );
}
