import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ok } from '../api.ts';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import { useApi, useSession } from '../features/auth/session-context.tsx';
import { Alert, ErrorAlert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { useSubmission } from '../use-submission.ts';

/** Where the link sent to a new address leads: one press moves the account to it. */
export function ConfirmEmailPage() {
  const { token = '' } = useParams();
  const api = useApi();
  const { refresh } = useSession();
  const submission = useSubmission();
  const [done, setDone] = useState<string | null>(null);

  async function confirm() {
    const result = await submission.run(() =>
      ok(api.POST('/api/auth/email/confirm', { body: { token } })),
    );
    if (result.ok) {
      setDone(result.value.email);
      await refresh();
    }
  }

  return (
    <AuthFrame
      title="Confirm your new email"
      footer={<Link to="/account">Back to your account</Link>}
    >
      {done ? (
        <Alert tone="success">Done: your account now uses {done}.</Alert>
      ) : submission.fieldErrors.token ? (
        <Alert tone="error">{`This link cannot be used: the token ${submission.fieldErrors.token}.`}</Alert>
      ) : (
        <div className="stack">
          <p>Press the button to use this address for your Confer account from now on.</p>
          <ErrorAlert message={submission.error} />
          <Button variant="primary" pending={submission.pending} onClick={() => void confirm()}>
            Use this address
          </Button>
        </div>
      )}
    </AuthFrame>
  );
}
