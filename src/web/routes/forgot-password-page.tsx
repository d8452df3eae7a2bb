import { Link } from 'react-router';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import { ForgotPasswordForm } from '../features/auth/forgot-password-form.tsx';

export function ForgotPasswordPage() {
  return (
    <AuthFrame
      title="Reset your password"
      intro="Enter your account's email and we will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthFrame>
  );
}
