import { useEffect } from 'react';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useViewerTimeZone } from '../auth/session-context.tsx';
import { describeAction, describeDetails } from './audit-wording.ts';

/** Recent changes; reloads whenever another section on the page changes something. */
type AuditLogSectionProps = {
  orgId: string;
  /** Bumped by the page after any change, to reload the log. */
  version: number;
  /** id → name of members and programs, to make subjects and details readable. */
  names: Map<string, string>;
};

export function AuditLogSection({ orgId, version, names }: AuditLogSectionProps) {
  const timeZone = useViewerTimeZone();
  const audit = useApiQuery('/api/orgs/{orgId}/audit', {
    params: { path: { orgId }, query: { limit: 50 } },
  });
  const { reload } = audit;

  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const events = audit.data?.events ?? [];
  return (
    <Card
      title="Audit log"
      id="audit-log"
      description="The 50 most recent changes: who did what, and when."
      actions={
        <Button size="small" onClick={reload}>
          Refresh
        </Button>
      }
    >
      {audit.loading ? <Loading /> : null}
      <ErrorAlert message={audit.error?.message} />
      {audit.data && events.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : null}
      {events.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense table--stack">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td data-label="When" className="nowrap">
                    {formatDateTime(event.at, timeZone)}
                  </td>
                  <td data-label="Who">{event.actorName ?? 'System'}</td>
                  <td data-label="What">
                    {describeAction(event.action)}
                    <p className="person-cell__email">
                      {event.subjectType}
                      {names.has(event.subjectId) ? `: ${names.get(event.subjectId)}` : ''}
                    </p>
                  </td>
                  <td data-label="Details" className="audit__details">
                    {describeDetails(event.details, names, timeZone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
