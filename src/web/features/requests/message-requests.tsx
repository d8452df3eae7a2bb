import { type ReactNode, useState } from 'react';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useViewerTimeZone } from '../auth/session-context.tsx';
import { MessageRequestItem } from './message-request-item.tsx';
import type { MessageRequest } from './types.ts';
import './requests.css';
import { CardCount, Skeleton } from '../../ui/skeleton.tsx';

const newestFirst = (a: MessageRequest, b: MessageRequest) =>
  (b.decidedAt ?? b.createdAt).localeCompare(a.decidedAt ?? a.createdAt);

/**
 * Seed 003's Message requests tab: first messages from people I am not
 * connected with, waiting for my answer, then those answered; and mine.
 */
export function MessageRequests({ orgId }: { orgId: string }) {
  const viewerZone = useViewerTimeZone();
  const lists = useApiQuery('/api/orgs/{orgId}/message-requests', { params: { path: { orgId } } });
  const [status, setStatus] = useState<ReactNode>(null);

  function changed(message: ReactNode) {
    setStatus(message);
    lists.reload();
  }

  const received = lists.data?.received ?? [];
  const waiting = received.filter((request) => request.status === 'pending').sort(newestFirst);
  const answered = received.filter((request) => request.status !== 'pending').sort(newestFirst);
  const sent = [...(lists.data?.sent ?? [])].sort(newestFirst);
  const item = (request: MessageRequest, box: 'received' | 'sent') => (
    <MessageRequestItem
      key={request.id}
      orgId={orgId}
      request={request}
      box={box}
      viewerZone={viewerZone}
      onChanged={changed}
    />
  );

  return (
    <div className="stack">
      <StatusAlert message={status} />
      <ErrorAlert message={lists.error?.message} />
      {lists.loading ? <Skeleton /> : null}
      <Card
        title="Received"
        description="First messages from people you are not connected with. Accept to reply and add them to your connections."
        actions={<CardCount value={lists.data ? waiting.length : undefined} unit="waiting" />}
      >
        {lists.data && waiting.length === 0 && answered.length === 0 ? (
          <EmptyState title="No message requests waiting" icon="💬">
            <p>A first message from someone you are not connected with waits here.</p>
          </EmptyState>
        ) : null}
        {waiting.length === 0 && answered.length > 0 ? (
          <p className="muted">No message requests waiting.</p>
        ) : null}
        <ul className="item-list" aria-label="Message requests waiting">
          {waiting.map((request) => item(request, 'received'))}
        </ul>
        {answered.length > 0 ? (
          <div className="subform">
            <h3 className="subform__title requests__subtitle">Answered</h3>
            <ul className="item-list" aria-label="Answered message requests">
              {answered.map((request) => item(request, 'received'))}
            </ul>
          </div>
        ) : null}
      </Card>
      <Card
        title="Sent"
        description="Your first messages to people you are not connected with."
        actions={<CardCount value={lists.data ? sent.length : undefined} />}
      >
        {lists.data && sent.length === 0 ? (
          <p className="muted">None. Write to someone from their profile.</p>
        ) : null}
        <ul className="item-list" aria-label="Sent message requests">
          {sent.map((request) => item(request, 'sent'))}
        </ul>
      </Card>
    </div>
  );
}
