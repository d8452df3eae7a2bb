import type { Invitation, InvitationStatus, ProgramSummary } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { orgRoleLabels, programRoleLabels } from '../../ui/labels.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi, useViewerTimeZone } from '../auth/session-context.tsx';
import { InviteForm } from './invite-form.tsx';

export function invitationStatus(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (new Date(invitation.expiresAt) <= now) return 'expired';
  return 'pending';
}

const statusTone = {
  pending: 'accent',
  accepted: 'success',
  revoked: 'neutral',
  expired: 'warning',
} as const;

const statusLabel: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

type InvitationsSectionProps = {
  orgId: string;
  programs: ProgramSummary[];
  onChanged: () => void;
};

export function InvitationsSection({ orgId, programs, onChanged }: InvitationsSectionProps) {
  const api = useApi();
  const timeZone = useViewerTimeZone();
  const invitations = useApiQuery('/api/orgs/{orgId}/invitations', { params: { path: { orgId } } });
  const revocation = useSubmission();
  const programNames = new Map(programs.map((program) => [program.id, program.name]));
  const now = new Date();

  function changed() {
    invitations.reload();
    onChanged();
  }

  async function revoke(invitation: Invitation) {
    const result = await revocation.run(() =>
      ok(
        api.DELETE('/api/orgs/{orgId}/invitations/{invitationId}', {
          params: { path: { orgId, invitationId: invitation.id } },
        }),
      ),
    );
    if (result.ok) changed();
  }

  const list = invitations.data?.invitations ?? [];
  return (
    <Card title="Invitations" id="invitations" description="Invite people by email address.">
      <InviteForm orgId={orgId} programs={programs} onInvited={changed} />
      <ErrorAlert message={invitations.error?.message ?? revocation.error} />
      {invitations.data && list.length === 0 ? (
        <p className="muted">No invitations sent yet.</p>
      ) : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Joins as</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((invitation) => {
                const status = invitationStatus(invitation, now);
                const program = invitation.programId
                  ? `${programRoleLabels[invitation.programRole ?? 'mentee']} in ${programNames.get(invitation.programId) ?? 'a program'}`
                  : null;
                return (
                  <tr key={invitation.id}>
                    <td data-label="Email">
                      {invitation.email}
                      {invitation.invitedByName ? (
                        <p className="person-cell__email">by {invitation.invitedByName}</p>
                      ) : null}
                    </td>
                    <td data-label="Joins as">
                      {orgRoleLabels[invitation.role]}
                      {program ? <p className="person-cell__email">{program}</p> : null}
                    </td>
                    <td data-label="Status">
                      <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>
                    </td>
                    <td data-label="Expires">{formatDateTime(invitation.expiresAt, timeZone)}</td>
                    <td className="table__actions">
                      {status === 'pending' ? (
                        <Button
                          size="small"
                          variant="danger"
                          aria-label={`Revoke invitation for ${invitation.email}`}
                          disabled={revocation.pending}
                          onClick={() => revoke(invitation)}
                        >
                          Revoke
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
