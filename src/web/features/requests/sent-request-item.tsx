import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { nameOf } from './request-person.tsx';
import { RequestSummary } from './request-summary.tsx';
import type { MentorshipRequest } from './types.ts';

type SentRequestItemProps = {
  orgId: string;
  request: MentorshipRequest;
  viewerZone: string;
  onChanged: (message: string) => void;
};

const waitingFor = {
  offer: (name: string) => `Waiting for ${name} to book a session with you or ask for one`,
  session_request: (name: string) => `Waiting for ${name} to book a session with you`,
};

/** A request I sent: its status as I may see it, and Withdraw while it waits. */
export function SentRequestItem({ orgId, request, viewerZone, onChanged }: SentRequestItemProps) {
  const api = useApi();
  const withdrawal = useSubmission();
  const name = nameOf(request.other);
  const nameId = `mentorship-${request.id}-name`;

  async function withdraw() {
    const result = await withdrawal.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/mentorship-requests/{requestId}/withdraw', {
          params: { path: { orgId, requestId: request.id } },
          body: {},
        }),
      ),
    );
    if (result.ok) onChanged(`Request to ${name} withdrawn`);
  }

  return (
    <li className="item-list__item booking-item" aria-labelledby={nameId}>
      <div className="booking-item__body">
        <RequestSummary orgId={orgId} request={request} viewerZone={viewerZone} nameId={nameId} />
      </div>
      {request.status === 'pending' ? (
        <div className="session-actions">
          <p className="booking-item__waiting">{waitingFor[request.kind](name)}</p>
          <ErrorAlert message={withdrawal.error} />
          <div className="button-row">
            <ConfirmButton
              label="Withdraw"
              accessibleLabel={`Withdraw request to ${name}`}
              question="Withdraw this request?"
              confirmLabel="Yes, withdraw"
              pending={withdrawal.pending}
              onConfirm={withdraw}
            />
          </div>
        </div>
      ) : null}
    </li>
  );
}
