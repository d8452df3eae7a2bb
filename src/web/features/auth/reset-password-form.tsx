import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { PasswordField } from './password-field.tsx';
import { useSession } from './session-context.tsx';

/** Chooses a new password with the token from a reset email; signs in on success. */
export function ResetPasswordForm({ token, onReset }: { token: string; onReset: () => void }) {
  const { resetPassword } = useSession();
  const [password, setPassword] = useState('');
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submission.run(() => resetPassword(token, password));
    if (result.ok) onReset();
  }

  if (submission.fieldErrors.token) {
    return (
      <Alert tone="error">
        This link has been used or has expired. <Link to="/forgot-password">Ask for a new one</Link>
        .
      </Alert>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={submission.fieldErrors.password ? null : submission.error} />
      <PasswordField
        isNew
        label="New password"
        name="password"
        value={password}
        error={submission.fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Button
        type="submit"
        variant="primary"
        className="button--block"
        pending={submission.pending}
      >
        Set password and sign in
      </Button>
    </form>
  );
}
