import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CardCount, Skeleton } from '../../ui/skeleton.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useViewerTimeZone } from '../auth/session-context.tsx';
import { ReceivedRequestItem } from './received-request-item.tsx';
import { SentRequestItem } from './sent-request-item.tsx';

/**
 * My Mentorship Requests (seed 001): offers to mentor and session requests,
 * received and sent. Kept current by live events and after each answer.
 */
export function MentorshipRequests({ orgId }: { orgId: string }) {
  const viewerZone = useViewerTimeZone();
  const lists = useApiQuery('/api/orgs/{orgId}/mentorship-requests', {
    params: { path: { orgId } },
  });
  const [status, setStatus] = useState<string | null>(null);

  function changed(message: string) {
    setStatus(message);
    lists.reload();
  }

  const received = lists.data?.received ?? [];
  const sent = lists.data?.sent ?? [];
  const waiting = received.filter((request) => request.status === 'pending').length;
  return (
    <div className="stack">
      <StatusAlert message={status} />
      <ErrorAlert message={lists.error?.message} />
      {lists.loading ? <Skeleton /> : null}
      <Card
        title="Received"
        description="Offers to mentor and session requests sent to you. You accept one by booking a session."
        actions={<CardCount value={lists.data ? waiting : undefined} unit="pending" />}
      >
        {lists.data && received.length === 0 ? (
          <EmptyState title="No mentorship requests" icon="📨">
            <p>
              When a mentor offers to mentor you, or a mentee asks you for a session, it appears
              here.
            </p>
          </EmptyState>
        ) : null}
        <ul className="item-list" aria-label="Received mentorship requests">
          {received.map((request) => (
            <ReceivedRequestItem
              key={request.id}
              orgId={orgId}
              request={request}
              viewerZone={viewerZone}
              onChanged={changed}
            />
          ))}
        </ul>
      </Card>
      <Card
        title="Sent"
        description="Requests you sent. Each is accepted when its receiver books a session with you."
        actions={<CardCount value={lists.data ? sent.length : undefined} />}
      >
        {lists.data && sent.length === 0 ? (
          <p className="muted">
            You have not sent any. Offer to mentor someone, or ask a mentor for a session, from
            their profile under <Link to={`/o/${orgId}/people`}>People</Link>.
          </p>
        ) : null}
        <ul className="item-list" aria-label="Sent mentorship requests">
          {sent.map((request) => (
            <SentRequestItem
              key={request.id}
              orgId={orgId}
              request={request}
              viewerZone={viewerZone}
              onChanged={changed}
            />
          ))}
        </ul>
      </Card>
    </div>
  );
}
