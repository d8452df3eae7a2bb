import { NavLink, Outlet, useParams } from 'react-router';
import { PageHeader } from '../../ui/page-header.tsx';

/** The admin console's pages, in the order an admin runs a program (issue #13). */
export const adminPages = [
  { path: 'reports', label: 'Reports' },
  { path: 'members', label: 'Members' },
  { path: 'import', label: 'Import' },
  { path: 'programs', label: 'Programs' },
  { path: 'groups', label: 'Groups' },
  { path: 'sessions', label: 'Sessions' },
  { path: 'bookings', label: 'Bookings' },
  { path: 'invitations', label: 'Invitations' },
  { path: 'video', label: 'Video' },
  { path: 'sign-in', label: 'Sign-in' },
  { path: 'mailbox', label: 'Mailbox' },
  { path: 'audit', label: 'Audit log' },
] as const;

/** /o/:orgId/admin/…: the console's navigation above whichever page is open. */
export function AdminLayout() {
  const { orgId = '' } = useParams();
  return (
    <>
      <PageHeader
        title="Admin"
        subtitle="Run the organisation: people, programs and what happened."
      />
      <nav className="jump-nav" aria-label="Admin">
        {adminPages.map((page) => (
          <NavLink
            key={page.path}
            to={`/o/${orgId}/admin/${page.path}`}
            className={({ isActive }) =>
              isActive ? 'jump-nav__link jump-nav__link--active' : 'jump-nav__link'
            }
          >
            {page.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
