import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSignedInUser, useViewerTimeZone } from '../features/auth/session-context.tsx';
import { TimelineCard } from '../features/bookings/timeline-card.tsx';
import { summariseHome, waitedFor } from '../features/home/home-summary.ts';
import { ErrorAlert, StatusAlert } from '../ui/alert.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useNow } from '../ui/use-now.ts';
import { useApiQuery } from '../use-api-query.ts';

/**
 * The page after sign-in (issue #12): what needs me, oldest first, with how
 * long it has waited; my next session with its Join button and thread; the
 * rest of this week; and, for a new member, a nudge to complete the profile.
 * Every list is live (the same queries as the pages they come from).
 */
export function OrgHomePage() {
  const { orgId = '' } = useParams();
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  const now = useNow().getTime();
  const inOrg = { params: { query: { orgId } } };
  const bookings = useApiQuery('/api/me/bookings', inOrg);
  const sessions = useApiQuery('/api/me/sessions', inOrg);
  const mentorship = useApiQuery('/api/orgs/{orgId}/mentorship-requests', {
    params: { path: { orgId } },
  });
  const messages = useApiQuery('/api/orgs/{orgId}/message-requests', {
    params: { path: { orgId } },
  });
  const profile = useApiQuery('/api/me/profile');
  const [status, setStatus] = useState<string | null>(null);
  const { reload: reloadBookings } = bookings;
  const { reload: reloadSessions } = sessions;
  const onChanged = useCallback(
    (message: string) => {
      setStatus(message);
      reloadBookings();
      reloadSessions();
    },
    [reloadBookings, reloadSessions],
  );

  const loaded = bookings.data && sessions.data && mentorship.data && messages.data;
  const summary = summariseHome({
    orgId,
    viewerId: me.id,
    nowMs: now,
    bookings: bookings.data?.bookings ?? [],
    sessions: sessions.data?.sessions ?? [],
    mentorshipRequests: mentorship.data?.received ?? [],
    messageRequests: messages.data?.received ?? [],
  });
  const p = profile.data;
  const incomplete = p && (!p.bio.trim() || p.skills.length === 0 || !p.shortTermGoals.trim());
  const shared = { viewerId: me.id, viewerZone, nowMs: now, onChanged };
  const firstName = me.name.split(' ')[0] ?? me.name;

  return (
    <>
      <PageHeader title="Home" subtitle={`Hello, ${firstName}. Times in ${viewerZone}.`} />
      <div className="stack">
        <StatusAlert message={status} />
        <ErrorAlert
          message={[bookings, sessions, mentorship, messages].find((q) => q.error)?.error?.message}
        />
        {incomplete ? (
          <Card
            title="Complete your profile"
            description="Mentors read your bio, skills and goals before they answer a request."
          >
            <Link to="/me">Add your bio, skills and goals</Link>
          </Card>
        ) : null}
        <Card
          title="Waiting for you"
          actions={loaded ? <span className="muted">{summary.waiting.length}</span> : null}
        >
          {!loaded ? <Loading /> : null}
          {loaded && summary.waiting.length === 0 ? (
            <p className="muted">Nothing waits for your answer.</p>
          ) : null}
          <ul className="item-list" aria-label="Waiting for you">
            {summary.waiting.map((w) => (
              <li key={w.key} className="item-list__item">
                <p className="item-list__title">
                  <Link to={w.link}>{w.title}</Link>
                </p>
                <p className="item-list__meta">Waiting {waitedFor(w.since, now)}</p>
              </li>
            ))}
          </ul>
        </Card>
        {summary.next ? (
          <TimelineCard title="Next session" entries={[summary.next]} {...shared} />
        ) : loaded ? (
          <div className="card">
            <EmptyState title="No sessions coming up" icon="📅">
              <Link to={`/o/${orgId}/people`}>Find a mentor in People</Link>
            </EmptyState>
          </div>
        ) : null}
        <TimelineCard title="This week" entries={summary.thisWeek} {...shared} />
      </div>
    </>
  );
}
