import { useState } from 'react';
import { Link } from 'react-router';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { nameOf } from './request-person.tsx';
import { RequestSummary } from './request-summary.tsx';
import { SendRequestForm } from './send-request-form.tsx';
import './requests.css';
import type { MentorshipRequest } from './types.ts';

type ReceivedRequestItemProps = {
  orgId: string;
  request: MentorshipRequest;
  viewerZone: string;
  onChanged: (message: string) => void;
};

/**
 * A request someone sent me. It is accepted by booking (seed 001): an offer
 * when I book the mentor or ask them for a session; a session request when I
 * book a session with the mentee. Dismissing is silent and not final.
 */
export function ReceivedRequestItem({
  orgId,
  request,
  viewerZone,
  onChanged,
}: ReceivedRequestItemProps) {
  const api = useApi();
  const dismissal = useSubmission();
  const [asking, setAsking] = useState(false);
  const name = nameOf(request.other);
  const nameId = `mentorship-${request.id}-name`;
  const open = request.status === 'pending' || request.status === 'dismissed';

  async function dismiss() {
    const result = await dismissal.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/mentorship-requests/{requestId}/dismiss', {
          params: { path: { orgId, requestId: request.id } },
          body: {},
        }),
      ),
    );
    if (result.ok) onChanged(`Request from ${name} dismissed. You can still accept it later.`);
  }

  return (
    <li className="item-list__item booking-item" aria-labelledby={nameId}>
      <div className="booking-item__body">
        <RequestSummary
          orgId={orgId}
          request={request}
          viewerZone={viewerZone}
          nameId={nameId}
          noMessage="No message."
        />
        {request.status === 'dismissed' ? (
          <p className="item-list__meta">
            You dismissed this request; {name} was not told. You can still accept it.
          </p>
        ) : null}
        {request.status === 'accepted' ? (
          <p className="item-list__meta">Accepted when a session was booked between you.</p>
        ) : null}
      </div>
      {open ? (
        <div className="session-actions">
          {request.kind === 'offer' ? (
            <div className="button-row">
              <Link
                className="button button--primary button--small"
                to={`/o/${orgId}/people/${request.other.userId}`}
              >
                Book a session
              </Link>
              <Button size="small" aria-expanded={asking} onClick={() => setAsking(!asking)}>
                Send a session request
              </Button>
              {request.status === 'pending' ? (
                <Button size="small" pending={dismissal.pending} onClick={dismiss}>
                  Dismiss
                </Button>
              ) : null}
            </div>
          ) : (
            <>
              <div className="button-row">
                <Link
                  className="button button--primary button--small"
                  to={`/o/${orgId}/schedule?mentee=${request.other.userId}&program=${request.programId}`}
                >
                  Book a session with {name}
                </Link>
                {request.status === 'pending' ? (
                  <Button size="small" pending={dismissal.pending} onClick={dismiss}>
                    Dismiss
                  </Button>
                ) : null}
              </div>
              <p className="item-list__meta">
                A new session opens on Schedule with {name} as the mentee. If {name} books one of
                your times instead, approve it under{' '}
                <Link to={`/o/${orgId}/requests`}>Session requests</Link>.
              </p>
            </>
          )}
          <ErrorAlert message={dismissal.error} />
          {asking ? (
            <SendRequestForm
              orgId={orgId}
              kind="session_request"
              to={{ userId: request.other.userId, name }}
              onClose={() => setAsking(false)}
              onSent={() => {
                setAsking(false);
                onChanged(`Session request sent to ${name}; their offer is accepted.`);
              }}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
