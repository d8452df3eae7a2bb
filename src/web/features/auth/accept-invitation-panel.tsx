import type { InvitationPreview, SessionUser } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useSession } from './session-context.tsx';

type AcceptInvitationPanelProps = {
  token: string;
  invitation: InvitationPreview;
  user: SessionUser;
  onAccepted: (orgId: string) => void;
  onSignOut: () => void;
};

/** For a signed-in visitor: accept the invitation, or switch accounts when it is for someone else. */
export function AcceptInvitationPanel({
  token,
  invitation,
  user,
  onAccepted,
  onSignOut,
}: AcceptInvitationPanelProps) {
  const { api, refresh } = useSession();
  const submission = useSubmission();
  const isForSomeoneElse = user.email.toLowerCase() !== invitation.email.toLowerCase();

  async function accept() {
    const result = await submission.run(async () => {
      const joined = await ok(
        api.POST('/api/invitations/{token}/accept', {
          params: { path: { token: encodeURIComponent(token) } },
        }),
      );
      await refresh();
      return joined.orgId;
    });
    if (result.ok) onAccepted(result.value);
  }

  return (
    <div className="stack">
      <p>
        You are signed in as <strong>{user.name}</strong> ({user.email}).
      </p>
      {isForSomeoneElse ? (
        <Alert tone="info">
          This invitation is for {invitation.email}. Sign out and sign in with that address to
          accept it.
        </Alert>
      ) : null}
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button variant="primary" onClick={accept} pending={submission.pending}>
          Accept invitation
        </Button>
        {isForSomeoneElse ? <Button onClick={onSignOut}>Sign out</Button> : null}
      </div>
    </div>
  );
}
