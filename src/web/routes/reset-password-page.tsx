import { Link, useNavigate, useParams } from 'react-router';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import { ResetPasswordForm } from '../features/auth/reset-password-form.tsx';

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  return (
    <AuthFrame
      title="Choose a new password"
      intro="Every other device signed in to your account will be signed out."
      footer={
        <>
          Link not working? <Link to="/forgot-password">Ask for a new one</Link>
        </>
      }
    >
      <ResetPasswordForm token={token} onReset={() => navigate('/', { replace: true })} />
    </AuthFrame>
  );
}
