import type { Session } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ReasonForm } from '../../ui/reason-form.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { sessionTitle } from './session-display.ts';

type CancelSessionFormProps = {
  session: Session;
  onDone: (message: string) => void;
  onClose: () => void;
};

/** Asks why, then cancels a published session. */
export function CancelSessionForm({ session, onDone, onClose }: CancelSessionFormProps) {
  const api = useApi();
  const submission = useSubmission();

  async function cancel(reason: string) {
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/sessions/{sessionId}/cancel', {
          params: { path: { orgId: session.orgId, sessionId: session.id } },
          body: { reason },
        }),
      ),
    );
    if (result.ok) onDone(`“${sessionTitle(session)}” cancelled`);
  }

  return (
    <ReasonForm
      label="Cancel session"
      submitLabel="Cancel session"
      keepLabel="Keep session"
      pending={submission.pending}
      error={submission.error}
      fieldError={submission.fieldErrors.reason}
      onSubmit={(reason) => void cancel(reason)}
      onClose={onClose}
    >
      <p className="confirm__question">
        Cancel “{sessionTitle(session)}”?
        {session.enrolled.length > 0 ? ' Enrolled mentees will see the reason.' : ''}
      </p>
    </ReasonForm>
  );
}
