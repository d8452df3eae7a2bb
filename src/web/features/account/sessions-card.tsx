import { useEffect } from 'react';
import type { AuthSession } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi, useViewerTimeZone } from '../auth/session-context.tsx';
import { describeUserAgent } from './describe-user-agent.ts';

/** Browsers signed in to this account; any but this one can be signed out. */
export function SessionsCard({ version }: { version: number }) {
  const api = useApi();
  const timeZone = useViewerTimeZone();
  const sessions = useApiQuery('/api/auth/sessions');
  const revocation = useSubmission();
  const { reload } = sessions;

  // The password form bumps `version`: changing it ends the other sessions.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const list = sessions.data?.sessions ?? [];
  const others = list.filter((session) => !session.current);

  async function revoke(targets: AuthSession[]) {
    const result = await revocation.run(async () => {
      for (const session of targets)
        await ok(
          api.DELETE('/api/auth/sessions/{sessionId}', {
            params: { path: { sessionId: session.id } },
          }),
        );
    });
    if (result.ok) reload();
  }

  return (
    <Card
      title="Active sessions"
      description="Where you are signed in."
      actions={
        others.length > 0 ? (
          <Button size="small" onClick={() => revoke(others)} pending={revocation.pending}>
            Sign out other sessions
          </Button>
        ) : null
      }
    >
      {sessions.loading ? <Loading /> : null}
      <ErrorAlert message={sessions.error?.message ?? revocation.error} />
      <ul className="item-list">
        {list.map((session) => (
          <li key={session.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                {describeUserAgent(session.userAgent)}{' '}
                {session.current ? <Badge tone="success">This browser</Badge> : null}
              </p>
              <p className="item-list__meta">
                Signed in {formatDateTime(session.createdAt, timeZone)} · last active{' '}
                {formatDateTime(session.lastSeenAt, timeZone)}
              </p>
            </div>
            {session.current ? null : (
              <Button
                size="small"
                variant="danger"
                aria-label={`Revoke session ${describeUserAgent(session.userAgent)}`}
                onClick={() => revoke([session])}
                disabled={revocation.pending}
              >
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
