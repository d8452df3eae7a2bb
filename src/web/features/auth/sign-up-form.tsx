import { type FormEvent, useState } from 'react';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { browserTimeZone, TimeZoneSelect } from '../../ui/time-zone-select.tsx';
import { useSubmission } from '../../use-submission.ts';
import { PasswordField } from './password-field.tsx';
import { useSession } from './session-context.tsx';

type SignUpFormProps = {
  /** An invitation fixes the address: it is shown read-only. */
  fixedEmail?: string;
  invitationToken?: string;
  onSignedUp: () => void;
};

export function SignUpForm({ fixedEmail, invitationToken, onSignedUp }: SignUpFormProps) {
  const { signUp } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const submission = useSubmission();
  const [sent, setSent] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submission.run(() =>
      signUp({
        name: name.trim(),
        email: (fixedEmail ?? email).trim(),
        password,
        timeZone,
        ...(invitationToken ? { invitationToken } : {}),
      }),
    );
    if (!result.ok) return;
    if ('checkEmail' in result.value) setSent(result.value.checkEmail);
    else onSignedUp();
  }

  if (sent) {
    return (
      <Alert tone="success">
        {sent} The link works for a day. Nothing arrived? Check your spam folder, or sign up again.
      </Alert>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={submission.error} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        value={name}
        error={submission.fieldErrors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        readOnly={fixedEmail !== undefined}
        hint={fixedEmail !== undefined ? 'The invitation was sent to this address.' : undefined}
        value={email}
        error={submission.fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <PasswordField
        isNew
        label="Password"
        name="password"
        value={password}
        error={submission.fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <TimeZoneSelect
        value={timeZone}
        onChange={setTimeZone}
        error={submission.fieldErrors.timeZone}
      />
      <Button
        type="submit"
        variant="primary"
        className="button--block"
        pending={submission.pending}
      >
        Create account
      </Button>
    </form>
  );
}
