import { Link, useNavigate, useParams } from 'react-router';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import { useSession } from '../features/auth/session-context.tsx';
import { Alert, ErrorAlert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { useSubmission } from '../use-submission.ts';

/**
 * Where the sign-up email's link leads: one press makes the account and signs
 * in (a press, not the page load: link checkers open links too).
 */
export function ConfirmSignUpPage() {
  const { token = '' } = useParams();
  const { confirmSignUp } = useSession();
  const navigate = useNavigate();
  const submission = useSubmission();

  async function confirm() {
    const result = await submission.run(() => confirmSignUp(token));
    if (result.ok) navigate('/', { replace: true });
  }

  return (
    <AuthFrame
      title="Finish signing up"
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      {submission.fieldErrors.token ? (
        <Alert tone="error">
          This link has been used or has expired. <Link to="/sign-up">Sign up again</Link>.
        </Alert>
      ) : (
        <div className="stack">
          <p>Your address is confirmed once you press the button; then you are signed in.</p>
          <ErrorAlert message={submission.error} />
          <Button variant="primary" pending={submission.pending} onClick={() => void confirm()}>
            Create my account
          </Button>
        </div>
      )}
    </AuthFrame>
  );
}
