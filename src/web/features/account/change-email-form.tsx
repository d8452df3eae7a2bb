import { type FormEvent, useState } from 'react';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { PasswordField } from '../auth/password-field.tsx';
import { useApi } from '../auth/session-context.tsx';

/** A new address for the account: it changes once the link sent there is used. */
export function ChangeEmailCard({ current }: { current: string }) {
  const api = useApi();
  const submission = useSubmission();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    const result = await submission.run(() =>
      ok(api.POST('/api/me/email', { body: { email: email.trim(), password } })),
    );
    if (result.ok) {
      setSent(result.value.message);
      setPassword('');
    }
  }

  return (
    <Card
      title="Email address"
      description={`You sign in and get email at ${current}. A new address takes over once you open the link we send to it.`}
    >
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="New email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          error={submission.fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <PasswordField
          label="Current password"
          name="password"
          value={password}
          error={submission.fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <ErrorAlert message={submission.error} />
        {sent ? <Alert tone="success">{sent}</Alert> : null}
        <div className="button-row">
          <Button type="submit" variant="primary" pending={submission.pending}>
            Send confirmation link
          </Button>
        </div>
      </form>
    </Card>
  );
}
