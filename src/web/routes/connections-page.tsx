import { Link, useParams } from 'react-router';
import { useViewerTimeZone } from '../features/auth/session-context.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatDate } from '../ui/format-date-time.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiQuery } from '../use-api-query.ts';
import '../features/messages/messages.css';

/** People I may message freely: we accepted each other's message request. */
export function ConnectionsPage() {
  const { orgId = '' } = useParams();
  const viewerZone = useViewerTimeZone();
  const connections = useApiQuery('/api/orgs/{orgId}/connections', { params: { path: { orgId } } });
  const list = connections.data?.connections ?? [];

  return (
    <>
      <PageHeader
        title="Connections"
        subtitle="People you can message freely in this organisation."
        actions={<Link to={`/o/${orgId}/messages`}>Messages</Link>}
      />
      <ErrorAlert message={connections.error?.message} />
      {connections.loading ? <Loading /> : null}
      {connections.data && list.length === 0 ? (
        <div className="card">
          <EmptyState title="No connections yet" icon="🤝">
            <p>
              When someone accepts your message request, or you accept theirs, you become
              connections and can write to each other freely.
            </p>
            <Link to={`/o/${orgId}/people`}>Find people to write to</Link>
          </EmptyState>
        </div>
      ) : null}
      {list.length > 0 ? (
        <div className="card">
          <ul className="item-list" aria-label="Connections">
            {list.map((connection) => (
              <li key={connection.userId} className="item-list__item connection">
                <div className="connection__person">
                  <Avatar name={connection.name} photoUrl={connection.photoUrl} decorative />
                  <div>
                    <p className="item-list__title">
                      <Link to={`/o/${orgId}/people/${connection.userId}`}>{connection.name}</Link>
                    </p>
                    <p className="item-list__meta">
                      Connected since {formatDate(connection.since, viewerZone)}
                    </p>
                  </div>
                </div>
                {connection.threadId ? (
                  <Link
                    className="button button--secondary button--small"
                    to={`/o/${orgId}/messages/${connection.threadId}`}
                    aria-label={`Message ${connection.name}`}
                  >
                    Message
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
