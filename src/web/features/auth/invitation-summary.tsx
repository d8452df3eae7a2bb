import type { InvitationPreview } from '../../api/types.ts';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { orgRoleLabels, programRoleLabels } from '../../ui/labels.ts';

function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** "Acme invited sam@example.com to join as a member (and as a mentee in Leadership)." */
export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const role = withArticle(orgRoleLabels[invitation.role].toLowerCase());
  const program =
    invitation.programName && invitation.programRole
      ? ` and as ${withArticle(programRoleLabels[invitation.programRole].toLowerCase())} in the program ${invitation.programName}`
      : '';
  return (
    <p className="invitation-summary">
      <strong>{invitation.orgName}</strong> invited <strong>{invitation.email}</strong> to join as{' '}
      {role}
      {program}.
    </p>
  );
}

/** Why a link that is not pending can no longer be used. */
export function InvitationClosedMessage({
  invitation,
  timeZone,
}: {
  invitation: InvitationPreview;
  timeZone: string;
}) {
  switch (invitation.status) {
    case 'accepted':
      return <p>This invitation has already been accepted.</p>;
    case 'revoked':
      return (
        <p>
          This invitation was withdrawn by {invitation.orgName}. Ask them to send you a new one.
        </p>
      );
    case 'expired':
      return (
        <p>
          This invitation expired on {formatDateTime(invitation.expiresAt, timeZone)}. Ask{' '}
          {invitation.orgName} to send you a new one.
        </p>
      );
    default:
      return null;
  }
}
