import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { LiveEventsProvider } from '../../live-events.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useSignedInUser } from '../auth/session-context.tsx';
import { useCurrentOrg } from './current-org.ts';
import { NotificationBell } from './notification-bell.tsx';
import { OrgNavTabs } from './org-nav-tabs.tsx';
import { OrgSwitcher } from './org-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

/** The frame of every signed-in page, with the app's one live event stream. */
export function AppShell() {
  return (
    <LiveEventsProvider>
      <ShellFrame />
    </LiveEventsProvider>
  );
}

/** Top bar, section tabs, then the page. */
function ShellFrame() {
  const user = useSignedInUser();
  const org = useCurrentOrg();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__row container">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              C
            </span>
            Confer
          </Link>
          {org ? <OrgSwitcher organisations={user.organisations} current={org} /> : null}
          <div className="topbar__spacer" />
          <NotificationBell />
          <UserMenu />
        </div>
        {org ? (
          <div className="container">
            <OrgNavTabs org={org} />
          </div>
        ) : null}
      </header>
      <main id="main" className="container page" tabIndex={-1}>
        {/* The shell stays while a page's chunk arrives. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
