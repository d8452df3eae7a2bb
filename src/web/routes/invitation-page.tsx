import { Link, useNavigate, useParams } from 'react-router';
import { AcceptInvitationPanel } from '../features/auth/accept-invitation-panel.tsx';
import { AuthFrame } from '../features/auth/auth-frame.tsx';
import {
  InvitationClosedMessage,
  InvitationSummary,
} from '../features/auth/invitation-summary.tsx';
import { useSession, useViewerTimeZone } from '../features/auth/session-context.tsx';
import { SignUpForm } from '../features/auth/sign-up-form.tsx';
import { rememberOrgId } from '../features/shell/current-org.ts';
import { ErrorAlert } from '../ui/alert.tsx';
import { PageLoading } from '../ui/loading.tsx';
import { useApiQuery } from '../use-api-query.ts';

export function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { session, signOut } = useSession();
  const timeZone = useViewerTimeZone();
  const preview = useApiQuery('/api/invitations/{token}', {
    params: { path: { token: encodeURIComponent(token) } },
  });
  const here = `/invite/${token}`;

  function joined(orgId: string) {
    rememberOrgId(orgId);
    navigate('/', { replace: true });
  }

  if (preview.loading || session.status === 'loading') return <PageLoading />;
  if (preview.error || !preview.data) {
    const notFound = preview.error?.status === 404;
    return (
      <AuthFrame
        title={notFound ? 'Invitation not found' : 'Could not open the invitation'}
        footer={<Link to="/">Go to Confer</Link>}
      >
        {notFound ? (
          <p>This invitation link is not valid. Check that you copied all of it.</p>
        ) : (
          <ErrorAlert message={preview.error?.message ?? 'Something went wrong'} />
        )}
      </AuthFrame>
    );
  }

  const invitation = preview.data;
  const signInLink = `/sign-in?next=${encodeURIComponent(here)}`;
  if (invitation.status !== 'pending') {
    return (
      <AuthFrame
        title="This invitation can no longer be used"
        intro={<InvitationSummary invitation={invitation} />}
        footer={<Link to="/">Go to Confer</Link>}
      >
        <InvitationClosedMessage invitation={invitation} timeZone={timeZone} />
      </AuthFrame>
    );
  }

  if (session.status === 'signed-in') {
    return (
      <AuthFrame
        title={`Join ${invitation.orgName}`}
        intro={<InvitationSummary invitation={invitation} />}
      >
        <AcceptInvitationPanel
          token={token}
          invitation={invitation}
          user={session.user}
          onAccepted={joined}
          onSignOut={() => void signOut()}
        />
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      title={`Join ${invitation.orgName}`}
      intro={<InvitationSummary invitation={invitation} />}
      footer={<Link to={signInLink}>Already have an account? Sign in</Link>}
    >
      <SignUpForm
        fixedEmail={invitation.email}
        invitationToken={token}
        onSignedUp={() => joined(invitation.orgId)}
      />
    </AuthFrame>
  );
}
