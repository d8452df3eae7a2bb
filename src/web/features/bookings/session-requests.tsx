import { useCallback, useState } from 'react';
import { ErrorAlert, StatusAlert } from '../../ui/alert.tsx';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CardCount, Skeleton } from '../../ui/skeleton.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSignedInUser, useViewerTimeZone } from '../auth/session-context.tsx';
import { PendingRequestCard } from './pending-request-card.tsx';
import { SentRequestCard } from './sent-request-card.tsx';

/**
 * Pending bookings in one organisation: those a mentor has received (with
 * approve, reject, suggest) and those a mentee has sent (withdraw, answer a
 * suggestion). Kept current by live events and after each answer.
 */
export function SessionRequests({ orgId }: { orgId: string }) {
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  const inOrg = { params: { query: { orgId } } };
  const received = useApiQuery('/api/me/pending-bookings', inOrg);
  const mine = useApiQuery('/api/me/bookings', inOrg);
  const member = useApiQuery('/api/orgs/{orgId}/members/{userId}', {
    params: { path: { orgId, userId: me.id } },
  });
  const [status, setStatus] = useState<string | null>(null);
  const { reload: reloadReceived } = received;
  const { reload: reloadMine } = mine;
  const reload = useCallback(() => {
    reloadReceived();
    reloadMine();
  }, [reloadReceived, reloadMine]);

  const inbox = received.data?.bookings ?? [];
  const sent = (mine.data?.bookings ?? []).filter(
    (booking) => booking.status === 'pending' && booking.mentee.userId === me.id,
  );
  const roles = new Set(member.data?.programs.map((membership) => membership.role));
  const showReceived = roles.has('mentor') || inbox.length > 0;
  const showSent = roles.has('mentee') || sent.length > 0 || !showReceived;

  function changed(message: string) {
    setStatus(message);
    reload();
  }

  return (
    <div className="stack">
      <StatusAlert message={status} />
      {showReceived ? (
        <Card
          title="Received"
          description={`Bookings waiting for your answer. Times in ${viewerZone}.`}
          actions={<CardCount value={received.data ? inbox.length : undefined} />}
        >
          <ErrorAlert message={received.error?.message} />
          {received.loading ? <Skeleton /> : null}
          {received.data && inbox.length === 0 ? (
            <EmptyState title="No requests waiting" icon="📭">
              <p>When a mentee books one of your times, the request appears here.</p>
            </EmptyState>
          ) : null}
          <ul className="item-list" aria-label="Received requests">
            {inbox.map((booking) => (
              <PendingRequestCard
                key={booking.id}
                booking={booking}
                viewerZone={viewerZone}
                onChanged={changed}
              />
            ))}
          </ul>
        </Card>
      ) : null}
      {showSent ? (
        <Card
          title="Sent"
          description={`Your bookings not answered yet. Times in ${viewerZone}.`}
          actions={<CardCount value={mine.data ? sent.length : undefined} />}
        >
          <ErrorAlert message={mine.error?.message} />
          {mine.loading ? <Skeleton /> : null}
          {mine.data && sent.length === 0 ? (
            <p className="muted">No requests waiting for an answer. Book a mentor from People.</p>
          ) : null}
          <ul className="item-list" aria-label="Sent requests">
            {sent.map((booking) => (
              <SentRequestCard
                key={booking.id}
                booking={booking}
                viewerZone={viewerZone}
                onChanged={changed}
              />
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
