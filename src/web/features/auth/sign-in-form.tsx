import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { PasswordField } from './password-field.tsx';
import { useSession } from './session-context.tsx';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submission.run(async () => {
      await signIn(email.trim(), password);
    });
    if (result.ok) onSignedIn();
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
        autoFocus
        value={email}
        error={submission.fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <PasswordField
        label="Password"
        name="password"
        value={password}
        error={submission.fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <p className="form__aside">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <Button
        type="submit"
        variant="primary"
        className="button--block"
        pending={submission.pending}
      >
        Sign in
      </Button>
    </form>
  );
}
