import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import { safeNextPath } from '../features/auth/require-session.tsx';
import { useSession } from '../features/auth/session-context.tsx';
import { SignUpForm } from '../features/auth/sign-up-form.tsx';
import { PageLoading } from '../ui/loading.tsx';

export function SignUpPage() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const signInLink = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <AuthFrame
      title="Create your account"
      intro="Join your organisation's mentoring programs, or start one."
      footer={
        <>
          Already have an account? <Link to={signInLink}>Sign in</Link>
        </>
      }
    >
      <SignUpForm onSignedUp={() => navigate(next, { replace: true })} />
    </AuthFrame>
  );
}
