import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useSignedInUser, useViewerTimeZone } from '../features/auth/session-context.tsx';
import { ThreadList } from '../features/messages/thread-list.tsx';
import { ThreadView } from '../features/messages/thread-view.tsx';
import '../features/messages/messages.css';
import { ErrorAlert } from '../ui/alert.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useNow } from '../ui/use-now.ts';
import { useApiQuery } from '../use-api-query.ts';

/**
 * Messages (issue #5): conversations on the left, the open one on the right;
 * on a narrow screen one pane at a time. Live events keep both current.
 */
export function MessagesPage() {
  const { orgId = '', threadId } = useParams();
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  const nowMs = useNow().getTime();
  const list = useApiQuery('/api/orgs/{orgId}/threads', { params: { path: { orgId } } });
  const { data, reload, setData } = list;

  const markedRead = useCallback(
    (id: string) => {
      if (!data) return;
      setData({
        threads: data.threads.map((thread) =>
          thread.id === id ? { ...thread, unread: 0 } : thread,
        ),
      });
    },
    [data, setData],
  );

  const threads = data?.threads ?? [];
  const listed = threads.find((thread) => thread.id === threadId);
  const header = (
    <PageHeader
      title="Messages"
      subtitle={`Your conversations in this organisation. Times in ${viewerZone}.`}
      actions={<Link to={`/o/${orgId}/connections`}>Connections</Link>}
    />
  );

  if (data && threads.length === 0 && !threadId) {
    return (
      <>
        {header}
        <div className="card">
          <EmptyState title="No conversations yet" icon="💬">
            <p>Book a session or message someone from their profile.</p>
            <Link to={`/o/${orgId}/people`}>Find people</Link>
          </EmptyState>
        </div>
      </>
    );
  }

  return (
    <>
      {header}
      <div className={threadId ? 'messages messages--open' : 'messages'}>
        <nav className="messages__list" aria-label="Conversations">
          <ErrorAlert message={list.error?.message} />
          {list.loading ? <Loading /> : null}
          <ThreadList
            orgId={orgId}
            threads={threads}
            viewerId={me.id}
            viewerZone={viewerZone}
            nowMs={nowMs}
          />
        </nav>
        <div className="messages__main">
          {threadId ? (
            <ThreadView
              key={threadId}
              orgId={orgId}
              threadId={threadId}
              viewerId={me.id}
              viewerZone={viewerZone}
              listed={listed}
              onRead={markedRead}
              onSent={reload}
            />
          ) : (
            <EmptyState title="No conversation selected" icon="💬">
              <p>Choose a conversation to read it and reply.</p>
            </EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
