import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { formatDate } from '../../ui/format-date-time.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { RequestPerson } from './request-person.tsx';
import { type MessageRequest, messageStatusBadges } from './types.ts';

type MessageRequestItemProps = {
  orgId: string;
  request: MessageRequest;
  /** Which side I am on: the sender's list shows the receiver. */
  box: 'received' | 'sent';
  viewerZone: string;
  onChanged: (message: ReactNode) => void;
};

function conversationLink(orgId: string, request: MessageRequest) {
  return <Link to={`/o/${orgId}/messages/${request.threadId}`}>Open the conversation</Link>;
}

/**
 * A first message from someone who is not a connection (seed 003). Its
 * receiver reads it, then accepts (they become connections) or rejects after
 * a confirmation step; its sender follows the status.
 */
export function MessageRequestItem({
  orgId,
  request,
  box,
  viewerZone,
  onChanged,
}: MessageRequestItemProps) {
  const api = useApi();
  const answer = useSubmission();
  const [viewing, setViewing] = useState(false);
  const other =
    box === 'received' ? request.sender : { ...request.receiver, photoUrl: null as string | null };
  const nameId = `message-request-${request.id}-name`;
  const badge = messageStatusBadges[request.status];
  const answerable = box === 'received' && request.status === 'pending';

  async function decide(action: 'accept' | 'reject') {
    const result = await answer.run(() =>
      ok(
        api.POST(`/api/orgs/{orgId}/message-requests/{requestId}/${action}`, {
          params: { path: { orgId, requestId: request.id } },
          body: {},
        }),
      ),
    );
    if (!result.ok) return;
    onChanged(
      action === 'accept' ? (
        <p>
          {other.name} is now one of your connections. {conversationLink(orgId, request)}.
        </p>
      ) : (
        `Message request from ${other.name} rejected`
      ),
    );
  }

  const shownMessage = answerable ? viewing : true;
  return (
    <li className="item-list__item booking-item" aria-labelledby={nameId}>
      <div className="booking-item__body">
        <div className="booking-item__title">
          <RequestPerson orgId={orgId} person={other} nameId={nameId} />
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </div>
        <p className="item-list__meta">
          Sent {formatDate(request.createdAt, viewerZone)}
          {request.decidedAt ? ` · Answered ${formatDate(request.decidedAt, viewerZone)}` : ''}
        </p>
        {shownMessage ? (
          <blockquote className="booking-item__message">{request.message || 'No text.'}</blockquote>
        ) : null}
        {request.status === 'accepted' ? (
          <p className="item-list__meta">You are connected. {conversationLink(orgId, request)}.</p>
        ) : null}
        {box === 'sent' && request.status === 'pending' ? (
          <p className="booking-item__waiting">
            Waiting for {other.name} to accept; you can send one message until they do.
          </p>
        ) : null}
        {box === 'sent' && request.status === 'rejected' ? (
          <p className="item-list__meta">{other.name} declined your message request.</p>
        ) : null}
      </div>
      {answerable ? (
        <div className="session-actions">
          <div className="button-row">
            <Button size="small" aria-expanded={viewing} onClick={() => setViewing(!viewing)}>
              {viewing ? 'Hide message' : 'View message'}
            </Button>
            <Button
              size="small"
              variant="primary"
              pending={answer.pending}
              onClick={() => decide('accept')}
            >
              Accept
            </Button>
            <ConfirmButton
              label="Reject"
              accessibleLabel={`Reject message request from ${other.name}`}
              question="Reject this message request?"
              confirmLabel="Reject"
              pending={answer.pending}
              onConfirm={() => decide('reject')}
            />
          </div>
          <ErrorAlert message={answer.error} />
        </div>
      ) : null}
    </li>
  );
}
