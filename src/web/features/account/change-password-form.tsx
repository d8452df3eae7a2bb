import { type FormEvent, useState } from 'react';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { PasswordField } from '../auth/password-field.tsx';
import { useApi } from '../auth/session-context.tsx';

/** Changing the password signs out every other session, so the caller reloads that list. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const api = useApi();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    const result = await submission.run(() =>
      ok(api.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    );
    if (result.ok) {
      setCurrentPassword('');
      setNewPassword('');
      setChanged(true);
      onChanged();
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <PasswordField
        label="Current password"
        name="currentPassword"
        value={currentPassword}
        error={submission.fieldErrors.currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
      />
      <PasswordField
        isNew
        label="New password"
        name="newPassword"
        value={newPassword}
        error={submission.fieldErrors.newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
      <ErrorAlert message={submission.error} />
      {changed ? (
        <Alert tone="success">Password changed. Your other sessions have been signed out.</Alert>
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
