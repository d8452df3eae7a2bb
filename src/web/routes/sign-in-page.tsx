import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import { DemoAccounts } from '../features/auth/demo-accounts.tsx';
import { safeNextPath } from '../features/auth/require-session.tsx';
import { useSession } from '../features/auth/session-context.tsx';
import { SignInForm } from '../features/auth/sign-in-form.tsx';
import { SingleSignOnButtons } from '../features/auth/single-sign-on-buttons.tsx';
import { PageLoading } from '../ui/loading.tsx';

export function SignInPage() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const signUpLink = next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`;
  return (
    <AuthFrame
      title="Sign in to Confer"
      footer={
        <>
          New to Confer? <Link to={signUpLink}>Create an account</Link>
        </>
      }
    >
      <SingleSignOnButtons refused={params.get('sso')} />
      <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
      <DemoAccounts onSignedIn={() => navigate(next, { replace: true })} />
    </AuthFrame>
  );
}
