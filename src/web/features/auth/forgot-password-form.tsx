import { type FormEvent, useState } from 'react';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from './session-context.tsx';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submission.run(() =>
      ok(api.POST('/api/auth/password-reset', { body: { email: email.trim() } })),
    );
    if (result.ok) setSent(result.value.message);
  }

  if (sent) {
    return (
      <Alert tone="success">
        {sent} It works for an hour; check your spam folder if it does not arrive.
      </Alert>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={submission.error} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        error={submission.fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Button
        type="submit"
        variant="primary"
        className="button--block"
        pending={submission.pending}
      >
        Email me a link
      </Button>
    </form>
  );
}
