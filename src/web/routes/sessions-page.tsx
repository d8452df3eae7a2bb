import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSignedInUser, useViewerTimeZone } from '../features/auth/session-context.tsx';
import { buildTimeline, type TimelineEntry } from '../features/bookings/timeline.ts';
import { TimelineCard } from '../features/bookings/timeline-card.tsx';
import { ErrorAlert, StatusAlert } from '../ui/alert.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { type TabItem, Tabs } from '../ui/tabs.tsx';
import { useNow } from '../ui/use-now.ts';
import { useApiQuery } from '../use-api-query.ts';

type Shared = Omit<Parameters<typeof TimelineCard>[0], 'title' | 'entries'>;

const count = (label: string, n: number) => `${label} (${n})`;

/** One group as a tab: its entries under their title, or a line saying there are none. */
function groupTab(
  id: string,
  title: string,
  entries: TimelineEntry[],
  none: string,
  shared: Shared,
) {
  return {
    id,
    label: count(title, entries.length),
    panel:
      entries.length > 0 ? (
        <TimelineCard title={title} entries={entries} {...shared} />
      ) : (
        <p className="muted">{none}</p>
      ),
  };
}

/** Requested, Upcoming (meetings, then my open sessions apart), Past, Cancelled; Drafts when I have any. */
function tabsOf(timeline: ReturnType<typeof buildTimeline>, shared: Shared): TabItem[] {
  const upcoming = timeline.upcoming.length + timeline.open.length;
  const tabs: TabItem[] = [
    groupTab('requested', 'Requested', timeline.requested, 'No requests waiting.', shared),
    {
      id: 'upcoming',
      label: count('Upcoming', upcoming),
      panel:
        upcoming > 0 ? (
          <div className="stack">
            <TimelineCard title="Upcoming" entries={timeline.upcoming} {...shared} />
            <TimelineCard
              title="Open sessions, no one booked yet"
              entries={timeline.open}
              {...shared}
            />
          </div>
        ) : (
          <p className="muted">Nothing coming up.</p>
        ),
    },
    groupTab('past', 'Past', timeline.past, 'No past sessions yet.', shared),
    groupTab('cancelled', 'Cancelled', timeline.cancelled, 'Nothing cancelled.', shared),
  ];
  if (timeline.drafts.length > 0) {
    tabs.push(groupTab('drafts', 'Drafts', timeline.drafts, '', shared));
  }
  return tabs;
}

/** The sessions I run or am enrolled in, and my bookings, in this organisation. */
export function SessionsPage() {
  const { orgId = '' } = useParams();
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  const inOrg = { params: { query: { orgId } } };
  const sessions = useApiQuery('/api/me/sessions', inOrg);
  const bookings = useApiQuery('/api/me/bookings', inOrg);
  // Ticks so the Join button opens, and a finished session moves to Past, while the page is open.
  const now = useNow().getTime();
  const [status, setStatus] = useState<string | null>(null);
  const { reload: reloadSessions } = sessions;
  const { reload: reloadBookings } = bookings;
  const reload = useCallback(() => {
    reloadSessions();
    reloadBookings();
  }, [reloadSessions, reloadBookings]);

  const mine = sessions.data?.sessions ?? [];
  const myBookings = bookings.data?.bookings ?? [];
  const timeline = buildTimeline(mine, myBookings, me.id, now);
  const mentorsAny = mine.some((session) => session.mentor.userId === me.id);
  const loaded = sessions.data && bookings.data;
  // Seed 000: the tab's groups as tabs with their counts; the chosen one is in the address.
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'upcoming';
  const shared = {
    viewerId: me.id,
    viewerZone,
    nowMs: now,
    onChanged: (message: string) => {
      setStatus(message);
      reload();
    },
  };

  return (
    <>
      <PageHeader
        title="Sessions"
        subtitle={`Your mentoring sessions and bookings. Times in ${viewerZone}.`}
        actions={mentorsAny ? <Link to={`/o/${orgId}/schedule`}>Manage your sessions</Link> : null}
      />
      <div className="stack">
        <ErrorAlert message={sessions.error?.message} />
        <ErrorAlert message={bookings.error?.message} />
        <StatusAlert message={status} />
        {sessions.loading || bookings.loading ? <Loading /> : null}
        {loaded && mine.length === 0 && myBookings.length === 0 ? (
          <div className="card">
            <EmptyState title="No sessions yet" icon="📅">
              <p>Sessions you book, run or are added to appear here.</p>
              <Link to={`/o/${orgId}/people`}>Find a mentor in People</Link>
            </EmptyState>
          </div>
        ) : null}
        {loaded && (mine.length > 0 || myBookings.length > 0) ? (
          <Tabs
            label="Sessions"
            selected={tab}
            onSelect={(id) => setSearch(id === 'upcoming' ? {} : { tab: id }, { replace: true })}
            tabs={tabsOf(timeline, shared)}
          />
        ) : null}
      </div>
    </>
  );
}
