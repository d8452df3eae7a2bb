import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '../../ui/button.tsx';
import { PageLoading } from '../../ui/loading.tsx';
import { useSession } from './session-context.tsx';

/** Layout route: signed-in pages render; everyone else goes to sign in, and comes back after. */
export function RequireSession() {
  const { session, refresh } = useSession();
  const location = useLocation();

  if (session.status === 'loading') {
    return <PageLoading />;
  }
  if (session.status === 'failed') {
    return (
      <main className="centered-page">
        <div className="card narrow">
          <h1 className="page-header__title">Confer is not answering</h1>
          <p role="alert">{session.message}</p>
          <Button variant="primary" onClick={() => void refresh()}>
            Try again
          </Button>
        </div>
      </main>
    );
  }
  if (session.status === 'signed-out') {
    // After an expired session, come back here once signed in; after Sign out, start afresh.
    const here = location.pathname + location.search;
    const target =
      here === '/' || session.byRequest ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

/** Only same-site paths are followed after sign-in, so a link cannot send people elsewhere. */
export function safeNextPath(next: string | null): string {
  const isLocalPath = next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
  return isLocalPath && next ? next : '/';
}
