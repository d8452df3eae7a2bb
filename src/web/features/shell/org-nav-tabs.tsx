import { NavLink } from 'react-router';
import type { SessionOrganisation } from '../../api/types.ts';
import { useApiQuery } from '../../use-api-query.ts';

const memberTabs = [
  { path: 'home', label: 'Home' },
  { path: 'sessions', label: 'Sessions' },
  { path: 'requests', label: 'Requests' },
  { path: 'messages', label: 'Messages' },
  { path: 'matches', label: 'Matches' },
  { path: 'schedule', label: 'Schedule' },
  { path: 'people', label: 'People' },
  { path: 'connections', label: 'Connections' },
] as const;

/**
 * The organisation's sections, only those that apply (issue #12): Schedule
 * for mentors, Matches for members of a matched program (seed 000: having the
 * tab is how people tell matched from à la carte), Admin for its admins.
 */
export function OrgNavTabs({ org }: { org: SessionOrganisation }) {
  const applies = (path: string) =>
    (path !== 'schedule' || org.mentors) && (path !== 'matches' || org.inMatchedProgram);
  const tabs = [
    ...memberTabs.filter((tab) => applies(tab.path)),
    ...(org.role === 'admin' ? [{ path: 'admin', label: 'Admin' } as const] : []),
  ];
  // Unread messages on the Messages tab, kept current by live events.
  const unread = useApiQuery('/api/orgs/{orgId}/threads/unread', {
    params: { path: { orgId: org.id } },
  });
  const count = unread.data?.unread ?? 0;
  const waiting = useRequestsWaiting(org.id);
  return (
    <nav className="tabs" aria-label="Sections">
      <ul className="tabs__list">
        {tabs.map((tab) => (
          <li key={tab.path}>
            <NavLink
              to={`/o/${org.id}/${tab.path}`}
              className={({ isActive }) =>
                isActive ? 'tabs__link tabs__link--active' : 'tabs__link'
              }
            >
              {tab.label}
              {tab.path === 'messages' && count > 0 ? (
                <span className="badge badge--accent tabs__count">
                  {count}
                  <span className="visually-hidden"> unread</span>
                </span>
              ) : null}
              {tab.path === 'requests' && waiting > 0 ? (
                <span className="badge badge--accent tabs__count">
                  {waiting}
                  <span className="visually-hidden"> waiting for you</span>
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Requests waiting for the viewer's answer: bookings to decide, mentorship and message requests. */
function useRequestsWaiting(orgId: string): number {
  const bookings = useApiQuery('/api/me/pending-bookings', { params: { query: { orgId } } });
  const mentorship = useApiQuery('/api/orgs/{orgId}/mentorship-requests', {
    params: { path: { orgId } },
  });
  const messages = useApiQuery('/api/orgs/{orgId}/message-requests', {
    params: { path: { orgId } },
  });
  return (
    (bookings.data?.bookings.filter((b) => b.awaiting === 'mentor').length ?? 0) +
    (mentorship.data?.received.filter((r) => r.status === 'pending').length ?? 0) +
    (messages.data?.received.filter((r) => r.status === 'pending').length ?? 0)
  );
}
