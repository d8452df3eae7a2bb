import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ok } from '../api.ts';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import { useApi } from '../features/auth/session-context.tsx';
import { Alert, ErrorAlert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { useSubmission } from '../use-submission.ts';

/**
 * Where an email's unsubscribe link leads: it says which emails stop and asks
 * to confirm (link checkers open links; only a person presses the button).
 */
export function UnsubscribePage() {
  const { token = '' } = useParams();
  const api = useApi();
  const submission = useSubmission();
  const [label, setLabel] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    ok(api.GET('/api/email/unsubscribe/{token}', { params: { path: { token } } })).then(
      (about) => setLabel(about.label),
      () => setInvalid(true),
    );
  }, [api, token]);

  async function confirm() {
    const result = await submission.run(() =>
      ok(api.POST('/api/email/unsubscribe/{token}', { params: { path: { token } } })),
    );
    if (result.ok) setDone(true);
  }

  const footer = (
    <>
      Choose everything you receive under <Link to="/account#notifications">Account</Link>.
    </>
  );
  return (
    <AuthFrame title="Unsubscribe" footer={footer}>
      {invalid ? (
        <Alert tone="error">This unsubscribe link is not valid. It may have been cut short.</Alert>
      ) : done ? (
        <Alert tone="success">
          Done: you will get no more emails about {label?.toLowerCase()}. They still show in Confer.
        </Alert>
      ) : label ? (
        <div className="stack">
          <p>Stop emails about {label.toLowerCase()}?</p>
          <ErrorAlert message={submission.error} />
          <Button variant="primary" pending={submission.pending} onClick={() => void confirm()}>
            Unsubscribe
          </Button>
        </div>
      ) : (
        <p>Loading…</p>
      )}
    </AuthFrame>
  );
}
