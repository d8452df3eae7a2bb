import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Session } from '../api-types.ts';
import { useSignedInUser, useViewerTimeZone } from '../features/auth/session-context.tsx';
import { groupSessions } from '../features/sessions/session-display.ts';
import { SessionGroupCard } from '../features/sessions/session-group-card.tsx';
import { ErrorAlert } from '../ui/alert.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useApiData } from '../use-api-data.ts';

/** The sessions I run or am enrolled in, in this organisation. */
export function SessionsPage() {
  const { orgId = '' } = useParams();
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  const sessions = useApiData<{ sessions: Session[] }>('/api/me/sessions');
  // Read once: which sessions are past does not need to tick over while the page is open.
  const [now] = useState(() => Date.now());

  const mine = (sessions.data?.sessions ?? []).filter((session) => session.orgId === orgId);
  const groups = groupSessions(mine, now);
  const mentorsAny = mine.some((session) => session.mentor.userId === me.id);
  const shared = { viewerId: me.id, viewerZone };

  return (
    <>
      <PageHeader
        title="Sessions"
        subtitle={`Your mentoring sessions. Times in ${viewerZone}.`}
        actions={mentorsAny ? <Link to={`/o/${orgId}/schedule`}>Manage your sessions</Link> : null}
      />
      <ErrorAlert message={sessions.error?.message} />
      {sessions.loading ? <Loading /> : null}
      {sessions.data && mine.length === 0 ? (
        <div className="card">
          <EmptyState title="No sessions yet" icon="📅">
            <p>Sessions you run or are added to appear here.</p>
          </EmptyState>
        </div>
      ) : null}
      <div className="stack">
        <SessionGroupCard title="Upcoming" sessions={groups.upcoming} {...shared} />
        <SessionGroupCard title="Drafts" sessions={groups.drafts} {...shared} />
        <SessionGroupCard title="Past" sessions={groups.past} {...shared} />
        <SessionGroupCard title="Cancelled" sessions={groups.cancelled} {...shared} />
      </div>
    </>
  );
}
